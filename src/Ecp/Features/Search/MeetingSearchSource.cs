using Ecp.Data;
using Ecp.Features.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Search;

/// <summary>Meetings of the bodies (public once scheduled, cancelled ones too): title, place and
/// agenda, dated by their start. They have no declared language: analysed as English, the language the
/// secretariat writes them in.</summary>
public sealed class MeetingSearchSource : ISearchSource
{
    public string Entity => MeetingActions.Entity;

    public async Task<IReadOnlyDictionary<string, SearchDocument>> LoadAsync(AppDbContext db, IReadOnlyCollection<string> entityIds, CancellationToken ct)
    {
        var ids = SearchSourceIds.Guids(entityIds);
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Agenda).Where(m => ids.Contains(m.Id)).ToListAsync(ct);
        return meetings.ToDictionary(m => m.Id.ToString(), m => new SearchDocument(m.Id.ToString(), Entity, "en", m.Title,
            string.Join("\n", new[] { m.Title, m.Place }.Concat(m.Agenda.OrderBy(a => a.Number).Select(a => a.Title)).Where(t => !string.IsNullOrWhiteSpace(t))),
            m.StartsAt, m.BodyId.ToString(), Url: $"/meetings/{m.Id}"));
    }
}
