using Ecp.Common;
using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Meetings;

/// <summary>The reads of meetings: one with its agenda and attendance, and the list by start.</summary>
public sealed class MeetingQueries(AppDbContext db)
{
    public async Task<MeetingView?> GetAsync(Guid id, CancellationToken ct)
    {
        if (await db.Meetings.AsNoTracking().Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == id, ct) is not { } m) return null;
        var body = await db.Bodies.AsNoTracking().FirstAsync(b => b.Id == m.BodyId, ct);
        var rows = await (
                from r in db.MeetingRegistrations.AsNoTracking()
                where r.MeetingId == id
                join p in db.People.AsNoTracking() on r.PersonId equals p.Id
                join o in db.Organizations.AsNoTracking() on r.OrganizationId equals o.Id into orgs
                from o in orgs.DefaultIfEmpty()
                select new { r, p.DisplayName, Organization = o == null ? null : o.Name })
            .ToListAsync(ct);
        var registrations = rows.Select(x => x.r).ToList();
        var positions = registrations.Select(r => r.Group).Distinct()
            .SelectMany(g => MeetingSeats.WaitingInOrder(registrations, g).Select((r, i) => (r.Id, Position: i + 1)))
            .ToDictionary(x => x.Id, x => x.Position);
        var views = rows.OrderBy(x => x.r.RequestedAt).ThenBy(x => x.r.Id)
            .Select(x => new RegistrationView(x.r.Id, x.r.PersonId, x.DisplayName, x.r.Capacity.ToCode(), x.r.Group.ToCode(), x.r.MemberStateCode,
                x.Organization, x.r.Status.ToCode(), x.r.RequestedAt, positions.TryGetValue(x.r.Id, out var p) ? p : null))
            .ToList();
        return new MeetingView(m.Id, new MeetingBodyView(body.Id, body.Name, body.Acronym, body.ObserverRule, body.SeatsPerNonGovernmentGroup),
            m.Title, m.StartsAt, m.EndsAt, m.TimeZone, MeetingTime.Local(m.StartsAt, m.TimeZone), MeetingTime.Local(m.EndsAt, m.TimeZone),
            MeetingTime.Offset(m.StartsAt, m.TimeZone), m.Place, m.RemoteUrl, m.Kind.ToCode(), m.EffectiveSeatsPerGroup(body), m.Status.ToCode(), m.Sequence,
            await AgendaAsync(m, ct), views, $"/api/v1/meetings/{m.Id}.ics", $"/record?entity={MeetingActions.Entity}&entityId={m.Id}",
            new MinutesView(await MinutesDocumentAsync(m.SummaryDocumentId, ct), await MinutesDocumentAsync(m.TranscriptDocumentId, ct)));
    }

    /// <summary>A document of the minutes: its original language and those of its current version's translations.</summary>
    private async Task<MinutesDocumentView?> MinutesDocumentAsync(Guid? documentId, CancellationToken ct)
    {
        if (documentId is not { } id) return null;
        var document = await db.Documents.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.Id, d.Symbol, d.Title, d.OriginalLanguage }).FirstOrDefaultAsync(ct);
        if (document is null) return null;
        var current = db.Set<Drafts.DocumentVersion>().Where(v => v.DocumentId == id).OrderByDescending(v => v.Number).Select(v => v.Id).Take(1);
        var translated = await db.ParagraphTranslations.AsNoTracking().Where(t => current.Contains(t.VersionId)).Select(t => t.Language).Distinct().ToListAsync(ct);
        var languages = Languages.All.Where(l => l == document.OriginalLanguage || translated.Contains(l)).ToList();
        return new MinutesDocumentView(document.Id, document.Symbol, document.Title, $"/documents/{document.Id}", languages,
            Languages.All.Except(languages).ToList());
    }

    /// <summary>Meetings by start, latest first, optionally of one body; keyset-paged.</summary>
    public async Task<(List<MeetingSummary> Page, string? Next)> ListAsync(Guid? bodyId, string? after, int? limit, CancellationToken ct)
    {
        var take = Paging.Take(limit);
        var query = db.Meetings.AsNoTracking();
        if (bodyId is { } b) query = query.Where(m => m.BodyId == b);
        if (Paging.TryParseInstant(after, out var at, out var afterId))
        {
            query = query.Where(m => m.StartsAt < at || (m.StartsAt == at && m.Id.CompareTo(afterId) < 0));
        }
        var rows = await query.OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id).Take(take + 1)
            .Join(db.Bodies, m => m.BodyId, body => body.Id, (m, body) => new { m, body.Acronym })
            .ToListAsync(ct);
        var (page, next) = Paging.Split(rows, take, x => Paging.FormatInstant(x.m.StartsAt, x.m.Id));
        return (page.Select(x => new MeetingSummary(x.m.Id, x.m.BodyId, x.Acronym, x.m.Title, x.m.StartsAt, x.m.EndsAt, x.m.TimeZone,
            MeetingTime.Local(x.m.StartsAt, x.m.TimeZone), x.m.Place, x.m.Kind.ToCode(), x.m.Status.ToCode(), x.m.Sequence)).ToList(), next);
    }

    /// <summary>The speakers list of a meeting, item by item: who spoke (in the order they were
    /// given the floor), who speaks, then who waits in the Chair's order.</summary>
    public async Task<List<SpeakerView>?> SpeakersAsync(Guid meetingId, CancellationToken ct)
    {
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId, ct)) return null;
        var rows = await (
                from f in db.FloorRequests.AsNoTracking()
                where f.MeetingId == meetingId
                join p in db.People.AsNoTracking() on f.PersonId equals p.Id
                select new { f, p.DisplayName })
            .ToListAsync(ct);
        return rows
            .OrderBy(x => x.f.AgendaNumber).ThenBy(x => x.f.Status == FloorStatus.Waiting).ThenBy(x => x.f.GivenAt).ThenBy(x => x.f.Order)
            .Select(x => new SpeakerView(x.f.Id, x.f.AgendaNumber, x.f.Order, x.f.PersonId, x.DisplayName, x.f.Group.ToCode(), x.f.MemberStateCode,
                x.f.Status.ToCode(), x.f.RequestedAt, x.f.GivenAt, x.f.ClosedAt))
            .ToList();
    }

    private async Task<List<AgendaItemView>> AgendaAsync(Meeting m, CancellationToken ct)
    {
        var ids = m.Agenda.Where(a => a.LinkId is not null).Select(a => a.LinkId!.Value).ToList();
        var titles = new Dictionary<Guid, string>();
        if (ids.Count > 0)
        {
            foreach (var d in await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, Title = d.Symbol + " " + d.Title }).ToListAsync(ct)) titles[d.Id] = d.Title;
            foreach (var c in await db.Consultations.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Topic }).ToListAsync(ct)) titles[c.Id] = c.Topic;
            foreach (var d in await (from decision in db.Decisions.AsNoTracking() where ids.Contains(decision.Id)
                                     join doc in db.Documents.AsNoTracking() on decision.DocumentId equals doc.Id
                                     select new { decision.Id, doc.Symbol }).ToListAsync(ct)) titles[d.Id] = d.Symbol;
        }
        return m.Agenda.OrderBy(a => a.Number).Select(a => new AgendaItemView(a.Number, a.Title, a.LinkKind?.ToCode(), a.LinkId,
            a.LinkId is { } id ? titles.GetValueOrDefault(id) : null,
            a.LinkKind switch
            {
                AgendaLinkKind.Document => $"/documents/{a.LinkId}",
                AgendaLinkKind.Consultation => $"/consultations/{a.LinkId}",
                AgendaLinkKind.Decision => $"/decisions/{a.LinkId}",
                _ => null,
            })).ToList();
    }
}
