using Ecp.Common;
using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Meetings;

/// <summary>A meeting as the secretariat states it, to schedule or to change it (a change states it whole).</summary>
public record MeetingRequest
{
    public string? Title { get; init; }
    /// <summary>The start as an instant (with its offset, or UTC).</summary>
    public DateTimeOffset? StartsAt { get; init; }
    public DateTimeOffset? EndsAt { get; init; }
    /// <summary>The IANA zone the meeting is held in, e.g. "Europe/Zurich".</summary>
    public string? TimeZone { get; init; }
    public string? Place { get; init; }
    public string? RemoteUrl { get; init; }
    /// <summary>open-to-all-stakeholders or member-states-only.</summary>
    public string? Kind { get; init; }
    /// <summary>Seats for each non-government stakeholder group in this meeting; none: the body's rule.</summary>
    public int? SeatsPerGroup { get; init; }
    public IReadOnlyList<AgendaItemRequest>? Agenda { get; init; }

    /// <summary>The details the meeting checks, with each agenda link found on the platform.</summary>
    public async Task<Result<MeetingDetails>> ToDetailsAsync(AppDbContext db, CancellationToken ct)
    {
        var kind = Codes.Parse<MeetingKind>(Kind);
        var v = new Validation();
        if (Kind is not null && kind is null) v.Add(nameof(Kind), "Meeting.KindUnknown");
        var agenda = new List<AgendaEntry>();
        foreach (var (item, i) in (Agenda ?? []).Select((item, i) => (item, i)))
        {
            var links = new (AgendaLinkKind Kind, Guid? Id)[] { (AgendaLinkKind.Document, item.DocumentId), (AgendaLinkKind.Consultation, item.ConsultationId), (AgendaLinkKind.Decision, item.DecisionId) }
                .Where(l => l.Id is not null).ToList();
            if (links.Count > 1) v.Add(nameof(Agenda), "Meeting.AgendaOneLink", i + 1);
            AgendaLink? link = links.Count == 1 ? new AgendaLink(links[0].Kind, links[0].Id!.Value) : null;
            if (link is not null && !await ExistsAsync(db, link, ct)) v.Add(nameof(Agenda), "Meeting.AgendaLinkUnknown", i + 1);
            agenda.Add(new AgendaEntry(item.Title ?? "", link));
        }
        if (!v.IsValid) return v.ToError();
        return new MeetingDetails(Title, StartsAt, EndsAt, TimeZone, Place, RemoteUrl, kind, SeatsPerGroup, agenda);
    }

    private static Task<bool> ExistsAsync(AppDbContext db, AgendaLink link, CancellationToken ct) => link.Kind switch
    {
        AgendaLinkKind.Document => db.Documents.AnyAsync(d => d.Id == link.Id, ct),
        AgendaLinkKind.Consultation => db.Consultations.AnyAsync(c => c.Id == link.Id, ct),
        _ => db.Decisions.AnyAsync(d => d.Id == link.Id, ct),
    };
}

/// <summary>One agenda item: its title and at most one of the document, consultation or decision it takes up.</summary>
public sealed record AgendaItemRequest
{
    public string? Title { get; init; }
    public Guid? DocumentId { get; init; }
    public Guid? ConsultationId { get; init; }
    public Guid? DecisionId { get; init; }
}

/// <summary>What the record keeps of a meeting's details, the same after scheduling and after each change.</summary>
internal static class MeetingPayload
{
    public static object Of(Meeting m) => new
    {
        meetingId = m.Id,
        bodyId = m.BodyId,
        title = m.Title,
        startsAt = m.StartsAt,
        endsAt = m.EndsAt,
        timeZone = m.TimeZone,
        place = m.Place,
        remoteUrl = m.RemoteUrl,
        kind = m.Kind.ToCode(),
        seatsPerGroup = m.SeatsPerGroup,
        sequence = m.Sequence,
        agenda = m.Agenda.Select(a => new { number = a.Number, title = a.Title, link = a.LinkKind?.ToCode(), linkId = a.LinkId }).ToList(),
    };
}
