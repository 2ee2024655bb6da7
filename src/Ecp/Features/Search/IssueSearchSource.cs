using Ecp.Data;
using Ecp.Features.Issues;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Search;

/// <summary>The issues of the issue map that are active (a merged or retired issue is found through its
/// successor or the map): the English name of the CSTD mapping and each translated name in its language.
/// The taxonomy is seeded with the database, without a record entry, so it is also reference data.</summary>
public sealed class IssueSearchSource : ISearchSource
{
    /// <summary>The CSTD's mapping (E/CN.16/2015/CRP.2) was before the Commission's 18th session, May 2015: the
    /// date of an issue that came with it rather than being added on the platform.</summary>
    private static readonly DateTimeOffset MappingDate = new(2015, 5, 4, 0, 0, 0, TimeSpan.Zero);

    public string Entity => IssueActions.Entity;

    public async Task<IReadOnlyList<string>> ReferenceIdsAsync(AppDbContext db, CancellationToken ct)
        => await db.Issues.AsNoTracking().Where(i => i.State == IssueState.Active).Select(i => i.Code).ToListAsync(ct);

    public async Task<IReadOnlyDictionary<string, SearchDocument>> LoadAsync(AppDbContext db, IReadOnlyCollection<string> entityIds, CancellationToken ct)
    {
        var codes = entityIds.ToList();
        var issues = await db.Issues.AsNoTracking().Where(i => codes.Contains(i.Code) && i.State == IssueState.Active).ToListAsync(ct);
        return issues.ToDictionary(i => i.Code, i =>
        {
            var url = $"/issues/{i.Code}";
            return new SearchDocument(i.Code, Entity, "en", i.Names.En, $"{i.Names.En}\n{i.Code}", i.AddedAt ?? MappingDate, Url: url,
                Versions: i.Names.ToDictionary().Where(n => n.Key != "en").Select(n => new SearchVersion(n.Key, n.Value, n.Value, url)).ToList());
        });
    }
}
