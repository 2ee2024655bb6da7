using Ecp.Features.Bodies;
using Ecp.Features.Registry;

namespace Ecp.Features.Meetings;

/// <summary>Who may take a seat: every accredited participant, or the Member States of the body
/// with observers as its rules allow (domain.md §6: the room).</summary>
public enum MeetingKind
{
    OpenToAllStakeholders,
    MemberStatesOnly,
}

public enum MeetingStatus
{
    Scheduled,
    Cancelled,
}

/// <summary>
/// A meeting of a body: when (two instants, shown in the meeting's IANA time zone and in UTC),
/// where (a place, a remote link, or both), who may sit (its kind), what it takes up (an ordered
/// agenda whose items may point at a document, a consultation or a decision). Each change raises
/// <see cref="Sequence"/>, the iCalendar SEQUENCE of the same UID, so a calendar that imported it
/// updates its copy.
/// </summary>
public sealed class Meeting
{
    public const int TitleMaxLength = 300;
    public const int PlaceMaxLength = 300;
    public const int UrlMaxLength = 500;
    public const int ReasonMaxLength = 2000;
    public const int MaxAgendaItems = 60;
    public const int MaxSeats = 1000;

    private readonly List<AgendaItem> agenda = [];

    private Meeting()
    {
    }

    public Guid Id { get; private set; }

    public Guid BodyId { get; private set; }

    public string Title { get; private set; } = "";

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    /// <summary>The IANA zone the meeting is held in ("Europe/Zurich"), for its local times.</summary>
    public string TimeZone { get; private set; } = "";

    public string Place { get; private set; } = "";

    public string? RemoteUrl { get; private set; }

    public MeetingKind Kind { get; private set; }

    /// <summary>Seats for each non-government stakeholder group set for this meeting (room size);
    /// null takes the body's rule (<see cref="EffectiveSeatsPerGroup"/>).</summary>
    public int? SeatsPerGroup { get; private set; }

    public MeetingStatus Status { get; private set; }

    /// <summary>0 when scheduled, one more at each change or the cancellation.</summary>
    public int Sequence { get; private set; }

    public DateTimeOffset ScheduledAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<AgendaItem> Agenda => agenda;

    /// <summary>The outcome document holding the meeting's summary record (its minutes), once recorded;
    /// its language versions are the document's.</summary>
    public Guid? SummaryDocumentId { get; private set; }

    /// <summary>The outcome document holding the meeting's transcript, once recorded.</summary>
    public Guid? TranscriptDocumentId { get; private set; }

    /// <summary>Records the minutes: a summary, a transcript, or both (what is not given stays as it was).
    /// A cancelled meeting has none.</summary>
    public Error? RecordMinutes(Guid? summary, Guid? transcript, DateTimeOffset now)
    {
        if (Status == MeetingStatus.Cancelled) return new MeetingCancelled();
        if (summary is null && transcript is null) return new Validation().Add("Summary", "Meeting.MinutesRequired").ToError();
        SummaryDocumentId = summary ?? SummaryDocumentId;
        TranscriptDocumentId = transcript ?? TranscriptDocumentId;
        UpdatedAt = now;
        return null;
    }

    /// <summary>Seats per non-government group, or null for no cap: the meeting's own cap, else in a
    /// Member-States-only session the body's seats (0: no observers from that side).</summary>
    public int? EffectiveSeatsPerGroup(Body body) => SeatsPerGroup ?? (Kind == MeetingKind.MemberStatesOnly ? body.SeatsPerNonGovernmentGroup : null);

    public static Result<Meeting> Schedule(Body body, MeetingDetails details, DateTimeOffset now)
    {
        var meeting = new Meeting { Id = Guid.CreateVersion7(now), BodyId = body.Id, ScheduledAt = now, Status = MeetingStatus.Scheduled };
        if (meeting.Apply(details, now) is { } invalid) return invalid;
        return meeting;
    }

    /// <summary>New details: same meeting, next sequence. A cancelled meeting stays cancelled.</summary>
    public Error? Change(MeetingDetails details, DateTimeOffset now)
    {
        if (Status == MeetingStatus.Cancelled) return new MeetingCancelled();
        if (Apply(details, now) is { } invalid) return invalid;
        Sequence++;
        return null;
    }

    public Error? Cancel(string? reason, DateTimeOffset now)
    {
        if (Status == MeetingStatus.Cancelled) return new MeetingCancelled();
        var v = new Validation().RequiredText("Reason", reason, ReasonMaxLength);
        if (!v.IsValid) return v.ToError();
        Status = MeetingStatus.Cancelled;
        Sequence++;
        UpdatedAt = now;
        return null;
    }

    /// <summary>Whether someone of <paramref name="group"/> may ask for a seat as
    /// <paramref name="capacity"/>, and under which cap (null: no cap).</summary>
    public Result<int?> SeatRule(Body body, AttendanceCapacity capacity, StakeholderGroup group, string? memberStateCode)
    {
        if (Status == MeetingStatus.Cancelled) return new MeetingCancelled();
        var government = group == StakeholderGroup.Government;
        if (capacity == AttendanceCapacity.Member)
        {
            // In a Member-States-only session only the body's Member States sit as members; an open
            // meeting seats every accredited participant on an equal footing.
            if (Kind == MeetingKind.MemberStatesOnly && !(government && body.HasMember(memberStateCode))) return new MembersOnlySession();
            return government ? null : EffectiveSeatsPerGroup(body);
        }
        if (government) return (int?)null;
        var seats = EffectiveSeatsPerGroup(body);
        if (seats == 0) return new NoObserverSeats();
        return seats;
    }

    private Error? Apply(MeetingDetails d, DateTimeOffset now)
    {
        var v = new Validation()
            .RequiredText("Title", d.Title, TitleMaxLength)
            .MaxLength("Place", d.Place, PlaceMaxLength)
            .MaxLength("RemoteUrl", d.RemoteUrl, UrlMaxLength);
        if (d.StartsAt is null) v.Add("StartsAt", "Validation.Required");
        if (d.EndsAt is null) v.Add("EndsAt", "Validation.Required");
        else if (d.StartsAt is { } s && d.EndsAt <= s) v.Add("EndsAt", "Meeting.EndsBeforeStart");
        if (string.IsNullOrWhiteSpace(d.TimeZone)) v.Add("TimeZone", "Validation.Required");
        else if (!MeetingTime.IsZone(d.TimeZone.Trim())) v.Add("TimeZone", "Meeting.TimeZoneUnknown");
        if (string.IsNullOrWhiteSpace(d.Place) && string.IsNullOrWhiteSpace(d.RemoteUrl)) v.Add("Place", "Meeting.PlaceOrLink");
        if (!string.IsNullOrWhiteSpace(d.RemoteUrl) && !(Uri.TryCreate(d.RemoteUrl.Trim(), UriKind.Absolute, out var url) && url.Scheme is "https" or "http")) v.Add("RemoteUrl", "Meeting.LinkInvalid");
        if (d.Kind is null) v.Add("Kind", "Validation.Required");
        if (d.SeatsPerGroup is < 0 or > MaxSeats) v.Add("SeatsPerGroup", "Meeting.SeatsInvalid", MaxSeats);
        if (d.Agenda.Count > MaxAgendaItems) v.Add("Agenda", "Meeting.AgendaTooLong", MaxAgendaItems);
        for (var i = 0; i < d.Agenda.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(d.Agenda[i].Title) || d.Agenda[i].Title.Length > TitleMaxLength) v.Add("Agenda", "Meeting.AgendaItemInvalid", i + 1);
        }
        if (!v.IsValid) return v.ToError();
        Title = d.Title!.Trim();
        StartsAt = d.StartsAt!.Value.ToUniversalTime();
        EndsAt = d.EndsAt!.Value.ToUniversalTime();
        TimeZone = d.TimeZone!.Trim();
        Place = d.Place?.Trim() ?? "";
        RemoteUrl = string.IsNullOrWhiteSpace(d.RemoteUrl) ? null : d.RemoteUrl.Trim();
        Kind = d.Kind!.Value;
        SeatsPerGroup = d.SeatsPerGroup;
        agenda.Clear();
        agenda.AddRange(d.Agenda.Select((a, i) => new AgendaItem(Guid.CreateVersion7(now), Id, i + 1, a.Title.Trim(), a.Link)));
        UpdatedAt = now;
        return null;
    }
}

/// <summary>What the secretariat states when it schedules or changes a meeting (checked by the meeting).</summary>
public sealed record MeetingDetails(string? Title, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? TimeZone, string? Place,
    string? RemoteUrl, MeetingKind? Kind, int? SeatsPerGroup, IReadOnlyList<AgendaEntry> Agenda);

/// <summary>An agenda item as asked for, its link already found.</summary>
public sealed record AgendaEntry(string Title, AgendaLink? Link);

public enum AgendaLinkKind
{
    Document,
    Consultation,
    Decision,
}

/// <summary>What an agenda item takes up on the platform.</summary>
public sealed record AgendaLink(AgendaLinkKind Kind, Guid Id);

/// <summary>An item of a meeting's agenda, numbered from 1 in order.</summary>
public sealed class AgendaItem
{
    private AgendaItem()
    {
    }

    internal AgendaItem(Guid id, Guid meetingId, int number, string title, AgendaLink? link)
    {
        Id = id;
        MeetingId = meetingId;
        Number = number;
        Title = title;
        LinkKind = link?.Kind;
        LinkId = link?.Id;
    }

    public Guid Id { get; private set; }

    public Guid MeetingId { get; private set; }

    public int Number { get; private set; }

    public string Title { get; private set; } = "";

    public AgendaLinkKind? LinkKind { get; private set; }

    public Guid? LinkId { get; private set; }
}
