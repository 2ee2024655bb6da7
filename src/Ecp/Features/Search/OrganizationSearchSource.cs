using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Search;

/// <summary>Registered organizations (public in the registry): name and acronym. A name has no
/// declared language, so it is analysed as English (names are mostly proper nouns).</summary>
public sealed class OrganizationSearchSource : ISearchSource
{
    public string Entity => "organization";

    public async Task<IReadOnlyDictionary<string, SearchDocument>> LoadAsync(AppDbContext db, IReadOnlyCollection<string> entityIds, CancellationToken ct)
    {
        var ids = SearchSourceIds.Guids(entityIds);
        var rows = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Acronym, o.StakeholderGroup, o.RegisteredAt }).ToListAsync(ct);
        return rows.ToDictionary(o => o.Id.ToString(), o => new SearchDocument(o.Id.ToString(), Entity, "en", o.Name,
            o.Acronym is { } a ? $"{o.Name} ({a})" : o.Name, o.RegisteredAt, Group: o.StakeholderGroup.ToCode(), Url: $"/organizations/{o.Id}"));
    }
}
