using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Search;

/// <summary>People who consented to be named (<see cref="Registry.Person.ConsentsToBeNamed"/>): their
/// name and organization. Consent is given and withdrawn on the record (person.naming-chosen), so a
/// withdrawal removes the person from every node's index.</summary>
public sealed class PersonSearchSource : ISearchSource
{
    public string Entity => "person";

    public async Task<IReadOnlyDictionary<string, SearchDocument>> LoadAsync(AppDbContext db, IReadOnlyCollection<string> entityIds, CancellationToken ct)
    {
        var ids = SearchSourceIds.Guids(entityIds);
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && p.ConsentsToBeNamed)
            .Select(p => new
            {
                p.Id, p.DisplayName, p.StakeholderGroup, p.RegisteredAt,
                Organization = db.Organizations.Where(o => o.Id == p.OrganizationId).Select(o => o.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return people.ToDictionary(p => p.Id.ToString(), p => new SearchDocument(p.Id.ToString(), Entity, "en", p.DisplayName,
            p.Organization is { } o ? $"{p.DisplayName}\n{o}" : p.DisplayName, p.RegisteredAt, Group: p.StakeholderGroup?.ToCode(),
            Url: $"/people/{p.Id}"));
    }
}
