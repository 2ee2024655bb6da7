using Ecp.Common;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Registry;

/// <summary>Accreditation requests oldest first, a page at a time (keyset on the request instant and id).</summary>
public static class AccreditationQueue
{
    public static async Task<(List<Accreditation> Items, string? Next)> PageAsync(IQueryable<Accreditation> query, string? after, int? limit, CancellationToken ct)
    {
        var take = Paging.Take(limit);
        if (Paging.TryParseInstant(after, out var at, out var id))
        {
            query = query.Where(a => a.RequestedAt > at || (a.RequestedAt == at && a.Id.CompareTo(id) > 0));
        }
        var rows = await query.OrderBy(a => a.RequestedAt).ThenBy(a => a.Id).Take(take + 1).ToListAsync(ct);
        return Paging.Split(rows, take, a => Paging.FormatInstant(a.RequestedAt, a.Id));
    }
}
