using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Record;

public sealed record RecordFilter(string? Entity = null, string? EntityId = null, string? Actor = null, long? Before = null, int Limit = 50);

public sealed record RecordEntryView(long Seq, DateTimeOffset Time, string Actor, string ActorName, string ActorRole, string? ActorGroup,
    string Action, string Entity, string EntityId, System.Text.Json.Nodes.JsonNode? Payload, string Prev, string Hash);

/// <summary>A page of the record; <see cref="Next"/> is the API link to the following (older) page, null on the last.</summary>
public sealed record RecordPage(IReadOnlyList<RecordEntryView> Entries, long? NextBefore, long HeadSequence, string HeadHash, string? Next = null);

/// <summary>Pages through the record, newest first, by sequence number (keyset paging: the
/// cost of a page does not grow with the length of the record).</summary>
public sealed class RecordQuery(AppDbContext db)
{
    public const int MaxLimit = 200;

    public async Task<RecordPage> PageAsync(RecordFilter filter, CancellationToken ct = default)
    {
        var limit = Math.Clamp(filter.Limit, 1, MaxLimit);
        var query = db.RecordEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Entity)) query = query.Where(e => e.Entity == filter.Entity);
        if (!string.IsNullOrWhiteSpace(filter.EntityId)) query = query.Where(e => e.EntityId == filter.EntityId);
        if (!string.IsNullOrWhiteSpace(filter.Actor)) query = query.Where(e => e.Actor == filter.Actor);
        if (filter.Before is { } before) query = query.Where(e => e.Sequence < before);
        var rows = await query.OrderByDescending(e => e.Sequence).Take(limit + 1).ToListAsync(ct);
        var head = await db.RecordHeads.AsNoTracking().SingleAsync(ct);
        var page = rows.Take(limit).Select(ToView).ToList();
        long? nextBefore = rows.Count > limit ? page[^1].Seq : null;
        var next = nextBefore is { } n
            ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/api/v1/record", new Dictionary<string, string?>
                {
                    ["entity"] = filter.Entity, ["entityId"] = filter.EntityId, ["actor"] = filter.Actor,
                    ["before"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture), ["limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                }.Where(p => !string.IsNullOrWhiteSpace(p.Value)))
            : null;
        return new RecordPage(page, nextBefore, head.Sequence, head.Hash, next);
    }

    public static RecordEntryView ToView(RecordEntry e) => new(e.Sequence, e.Time, e.Actor, e.ActorName, e.ActorRole, e.ActorGroup,
        e.Action, e.Entity, e.EntityId, RecordCanonicalForm.PayloadOf(e), e.PreviousHash, e.Hash);
}
