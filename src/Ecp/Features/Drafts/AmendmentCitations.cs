using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Drafts;

/// <summary>Where an amendment's citations are kept (read by the next version and by the amendment list).</summary>
public static class AmendmentCitations
{
    /// <summary>
    /// The citations each amendment proposed, read back from its record entry (absent: none
    /// given). The amendment's row has no column for them yet; the record, which carries every
    /// proposal in full, is where they are kept.
    /// </summary>
    public static async Task<Dictionary<Guid, IReadOnlyList<string>>> OnRecordAsync(AppDbContext db, IReadOnlyCollection<Guid> amendmentIds, CancellationToken ct)
    {
        if (amendmentIds.Count == 0) return [];
        var ids = amendmentIds.Select(i => i.ToString()).ToList();
        var payloads = await db.RecordEntries.AsNoTracking().Where(e => e.Entity == "amendment" && e.Action == DocumentActions.AmendmentProposed && ids.Contains(e.EntityId))
            .Select(e => new { e.EntityId, e.Payload }).ToListAsync(ct);
        var result = new Dictionary<Guid, IReadOnlyList<string>>();
        foreach (var p in payloads)
        {
            using var json = System.Text.Json.JsonDocument.Parse(p.Payload);
            if (json.RootElement.TryGetProperty("cites", out var cites) && cites.ValueKind == System.Text.Json.JsonValueKind.Array)
            {
                result[Guid.Parse(p.EntityId)] = cites.EnumerateArray().Select(c => c.GetString() ?? "").ToList();
            }
        }
        return result;
    }
}
