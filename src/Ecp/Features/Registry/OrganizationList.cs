using Ecp.Common;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Registry;

/// <summary>Organizations by name, a page at a time (keyset on name and id), for the page and the API.</summary>
public static class OrganizationList
{
    public static async Task<(List<Organization> Items, string? Next)> PageAsync(IQueryable<Organization> query, string? after, int? limit, CancellationToken ct)
    {
        var take = Paging.Take(limit);
        if (Paging.TryParse(after, out var name, out var id))
        {
            query = query.Where(o => o.Name.CompareTo(name) > 0 || (o.Name == name && o.Id.CompareTo(id) > 0));
        }
        var rows = await query.OrderBy(o => o.Name).ThenBy(o => o.Id).Take(take + 1).ToListAsync(ct);
        return Paging.Split(rows, take, o => Paging.Format(o.Name, o.Id));
    }
}
