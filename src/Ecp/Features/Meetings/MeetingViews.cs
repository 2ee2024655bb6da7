namespace Ecp.Features.Meetings;

/// <summary>A meeting as the API and the pages show it: its instants in UTC and in its own zone,
/// the seats of each group under the body's rules, who holds one and who waits, in order.</summary>
public sealed record MeetingView(
    Guid Id,
    MeetingBodyView Body,
    string Title,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string TimeZone,
    string LocalStart,
    string LocalEnd,
    string UtcOffset,
    string Place,
    string? RemoteUrl,
    string Kind,
    int? SeatsPerGroup,
    string Status,
    int Sequence,
    IReadOnlyList<AgendaItemView> Agenda,
    IReadOnlyList<RegistrationView> Registrations,
    string CalendarHref,
    string RecordHref,
    MinutesView Minutes);

/// <summary>A meeting's minutes: the documents holding its summary and transcript, if recorded.</summary>
public sealed record MinutesView(MinutesDocumentView? Summary, MinutesDocumentView? Transcript);

/// <summary>A document of the minutes, with the UN languages its current version exists in and those still missing.</summary>
public sealed record MinutesDocumentView(Guid DocumentId, string Symbol, string Title, string Href, IReadOnlyList<string> Languages, IReadOnlyList<string> Missing);

public sealed record MeetingBodyView(Guid Id, string Name, string Acronym, string ObserverRule, int SeatsPerNonGovernmentGroup);

/// <summary>An agenda item; <see cref="Href"/> is the page of what it takes up, if anything.</summary>
public sealed record AgendaItemView(int Number, string Title, string? Link, Guid? LinkId, string? LinkTitle, string? Href);

/// <summary>A registration: <see cref="WaitingPosition"/> is its place on its group's waiting list (1 first).</summary>
public sealed record RegistrationView(Guid Id, Guid PersonId, string DisplayName, string Capacity, string Group, string? MemberState,
    string? Organization, string Status, DateTimeOffset RequestedAt, int? WaitingPosition);

/// <summary>A meeting in a list.</summary>
public sealed record MeetingSummary(Guid Id, Guid BodyId, string BodyAcronym, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string TimeZone, string LocalStart, string Place, string Kind, string Status, int Sequence);

/// <summary>One entry of the speakers list: heard ones first in the order they spoke, then the queue in the Chair's order.</summary>
public sealed record SpeakerView(Guid Id, int AgendaItem, int Order, Guid PersonId, string DisplayName, string Group, string? MemberState,
    string Status, DateTimeOffset RequestedAt, DateTimeOffset? GivenAt, DateTimeOffset? ClosedAt);
