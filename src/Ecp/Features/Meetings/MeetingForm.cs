using System.Globalization;
using System.Text.RegularExpressions;
using Ecp.Common;

namespace Ecp.Features.Meetings;

/// <summary>
/// The secretariat's meeting form, as a person fills it in: start and end as wall-clock times in
/// the meeting's own zone (what the invitation says), the agenda one item per line. A line may end
/// with the address of what it takes up on the platform ("/documents/{id}", "/consultations/{id}",
/// "/decisions/{id}", or the full URL). The API takes instants and structured items instead.
/// </summary>
public sealed partial record MeetingForm
{
    public Guid? BodyId { get; init; }
    public string? Title { get; init; }
    public DateTime? Start { get; init; }
    public DateTime? End { get; init; }
    public string? TimeZone { get; init; } = "Europe/Zurich";
    public string? Place { get; init; }
    public string? RemoteUrl { get; init; }
    public string? Kind { get; init; } = MeetingKind.MemberStatesOnly.ToCode();
    public int? SeatsPerGroup { get; init; }
    public string? AgendaText { get; init; }
    /// <summary>For a change: why, on the record.</summary>
    public string? Reason { get; init; }

    public ScheduleMeeting.Command ToSchedule() => Fill(new ScheduleMeeting.Command { BodyId = BodyId });

    public ChangeMeeting.Command ToChange() => Fill(new ChangeMeeting.Command { Reason = Reason });

    /// <summary>The form of a meeting as it stands, to change it.</summary>
    public static MeetingForm Of(MeetingView m) => new()
    {
        BodyId = m.Body.Id,
        Title = m.Title,
        Start = DateTime.ParseExact(m.LocalStart, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        End = DateTime.ParseExact(m.LocalEnd, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        TimeZone = m.TimeZone,
        Place = m.Place,
        RemoteUrl = m.RemoteUrl,
        Kind = m.Kind,
        SeatsPerGroup = m.SeatsPerGroup == m.Body.SeatsPerNonGovernmentGroup && m.Kind == MeetingKind.MemberStatesOnly.ToCode() ? null : m.SeatsPerGroup,
        AgendaText = string.Join("\n", m.Agenda.Select(a => a.Href is null ? a.Title : $"{a.Title} {a.Href}")),
    };

    /// <summary>Where a use case's field error shows on this form.</summary>
    public static string FieldOf(string prefix, string field) => field switch
    {
        "StartsAt" => $"{prefix}.Start",
        "EndsAt" => $"{prefix}.End",
        "Agenda" => $"{prefix}.AgendaText",
        _ => $"{prefix}.{field}",
    };

    public static string Local(DateTime? t) => t?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) ?? "";

    private T Fill<T>(T request) where T : MeetingRequest => request with
    {
        Title = Title,
        StartsAt = MeetingTime.FromLocal(Start, TimeZone),
        EndsAt = MeetingTime.FromLocal(End, TimeZone),
        TimeZone = TimeZone,
        Place = Place,
        RemoteUrl = RemoteUrl,
        Kind = Kind,
        SeatsPerGroup = SeatsPerGroup,
        Agenda = (AgendaText ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ItemOf).ToList(),
    };

    internal static AgendaItemRequest ItemOf(string line)
    {
        var linked = LinkedLine().Match(line);
        if (!linked.Success) return new AgendaItemRequest { Title = line };
        var id = Guid.Parse(linked.Groups["id"].Value);
        var title = linked.Groups["title"].Value;
        return linked.Groups["kind"].Value switch
        {
            "documents" => new AgendaItemRequest { Title = title, DocumentId = id },
            "consultations" => new AgendaItemRequest { Title = title, ConsultationId = id },
            _ => new AgendaItemRequest { Title = title, DecisionId = id },
        };
    }

    [GeneratedRegex(@"^(?<title>.*?)\s+(?:https?://[^/\s]+)?/(?<kind>documents|consultations|decisions)/(?<id>[0-9a-fA-F-]{36})/?$")]
    private static partial Regex LinkedLine();
}
