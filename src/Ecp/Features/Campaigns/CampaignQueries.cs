using System.Globalization;
using System.Text;
using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Consultations;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Campaigns;

/// <summary>Reads of the campaign projection, every count made by the database, a page of campaigns at a time.</summary>
public sealed class CampaignQueries(AppDbContext db)
{
    public const int PageSize = 20;
    public const string Method = "MinHash (128 XxHash3 functions) over character 5-shingles (3 for Chinese) of the NFKC-normalized, case-folded text; LSH with 32 bands of 4 rows; a campaign is a group of texts with estimated Jaccard similarity >= 0.5 to one of its members.";

    private sealed class GroupRow
    {
        public Guid Id { get; init; }
        public int Size { get; init; }
        public int First { get; init; }
        public int Last { get; init; }
    }

    private IQueryable<GroupRow> Groups(Guid consultation)
        => db.Set<CampaignMember>().Where(m => m.ConsultationId == consultation).GroupBy(m => m.GroupId)
            .Select(g => new GroupRow { Id = g.Key, Size = g.Count(), First = g.Min(m => m.Number), Last = g.Max(m => m.Number) });

    /// <summary>The consultation's counts and a page of its campaigns (largest first; <paramref name="cursor"/> is the previous page's next).</summary>
    public async Task<Result<CampaignsView>> CampaignsAsync(Guid consultation, string? cursor, CancellationToken ct)
    {
        if (!await db.Consultations.AnyAsync(c => c.Id == consultation, ct)) return new ConsultationNotFound();
        var after = Cursor.Parse(cursor);
        if (cursor is not null && after is null) return new Validation().Add("cursor", "Campaigns.BadCursor").ToError();
        var members = db.Set<CampaignMember>().Where(m => m.ConsultationId == consultation);
        var sizes = members.GroupBy(m => m.GroupId).Select(g => g.Count());
        var contributions = await members.CountAsync(ct);
        var unique = await sizes.CountAsync(n => n == 1, ct);
        var campaigns = await sizes.CountAsync(n => n >= 2, ct);

        var page = Groups(consultation).Where(g => g.Size >= 2);
        if (after is var (size, first)) page = page.Where(g => g.Size < size || (g.Size == size && g.First > first));
        var rows = await page.OrderByDescending(g => g.Size).ThenBy(g => g.First).Take(PageSize + 1).ToListAsync(ct);
        var shown = rows.Take(PageSize).ToList();
        var ids = shown.Select(r => r.Id).ToList();
        var numbers = shown.SelectMany(r => new[] { r.First, r.Last }).Distinct().ToList();
        var texts = await db.Contributions.AsNoTracking().Where(c => c.ConsultationId == consultation && numbers.Contains(c.Number)).ToDictionaryAsync(c => c.Number, ct);
        var variants = await members.Where(m => ids.Contains(m.GroupId)).Select(m => new { m.GroupId, m.ExactKey }).Distinct()
            .GroupBy(x => x.GroupId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var claimed = (await members.Where(m => ids.Contains(m.GroupId)).GroupBy(m => new { m.GroupId, m.StakeholderGroup })
                .Select(g => new { g.Key.GroupId, g.Key.StakeholderGroup, Count = g.Count() }).ToListAsync(ct))
            .ToLookup(x => x.GroupId);
        var items = shown.Select(r =>
        {
            var representative = texts.GetValueOrDefault(r.First);
            return new CampaignView(r.Id, r.Size, variants.GetValueOrDefault(r.Id), r.First,
                representative?.SubmittedAt ?? default, texts.GetValueOrDefault(r.Last)?.SubmittedAt ?? default,
                representative is { IsHidden: false } ? CampaignProjection.TextOf(representative) : null, representative?.IsHidden ?? false,
                claimed[r.Id].OrderByDescending(c => c.Count).ThenBy(c => c.StakeholderGroup, StringComparer.Ordinal)
                    .Select(c => new ClaimedGroup(c.StakeholderGroup, c.Count)).ToList());
        }).ToList();
        var next = rows.Count > PageSize ? Cursor.Of(shown[^1].Size, shown[^1].First) : null;
        return new CampaignsView(consultation, contributions, unique, campaigns, contributions - unique, items, next, Method);
    }

    /// <summary>One CSV row per grouped contribution, by number: <c>contribution,client_key,group</c>
    /// (group: the campaign's id, empty for a unique text), streamed.</summary>
    public async Task WriteCsvAsync(Guid consultation, Stream body, CancellationToken ct)
    {
        var campaigns = Groups(consultation).Where(g => g.Size >= 2).Select(g => g.Id);
        var rows = db.Set<CampaignMember>().AsNoTracking().Where(m => m.ConsultationId == consultation).OrderBy(m => m.Number)
            .Select(m => new { m.ContributionId, m.GroupId, InCampaign = campaigns.Contains(m.GroupId) }).AsAsyncEnumerable();
        await using var writer = new StreamWriter(body, new UTF8Encoding(false), 1 << 16);
        await writer.WriteAsync("contribution,client_key,group\n");
        await foreach (var row in rows.WithCancellation(ct))
        {
            await writer.WriteAsync(row.ContributionId.ToString());
            await writer.WriteAsync(",,");
            if (row.InCampaign) await writer.WriteAsync(row.GroupId.ToString());
            await writer.WriteAsync('\n');
        }
    }

    private static class Cursor
    {
        public static string Of(int size, int first) => string.Create(CultureInfo.InvariantCulture, $"{size}.{first}");

        public static (int, int)? Parse(string? cursor)
            => cursor?.Split('.') is [var s, var f] && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var size)
                && int.TryParse(f, NumberStyles.None, CultureInfo.InvariantCulture, out var first) ? (size, first) : null;
    }
}
