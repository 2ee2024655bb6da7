using Ecp.Data;
using Ecp.Features.Notifications;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ecp.Features.Meetings;

/// <summary>
/// Meetings as iCalendar (RFC 5545) through Ical.Net: one VEVENT per meeting, whose UID never
/// changes and whose SEQUENCE is the meeting's, so a calendar that imported it takes a change as
/// an update and a cancellation (STATUS:CANCELLED) as the end of that event. Times are written in
/// UTC (no VTIMEZONE to keep in step with tzdata); the zone is named in the description.
/// </summary>
public sealed class MeetingCalendar(AppDbContext db, IOptions<NotificationOptions> options)
{
    public const string MediaType = "text/calendar";

    /// <summary>The UID of a meeting's event, the same on every node and after every change.</summary>
    public static string Uid(Guid meetingId) => $"meeting-{meetingId:N}@ecp";

    public async Task<string?> OfMeetingAsync(Guid meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return null;
        var body = await db.Bodies.AsNoTracking().Where(b => b.Id == meeting.BodyId).Select(b => b.Name).FirstAsync(ct);
        return Serialize(body, [meeting]);
    }

    /// <summary>Every meeting of a body (a subscription: cancelled ones stay, marked so).</summary>
    public async Task<string?> OfBodyAsync(Guid bodyId, CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().Where(b => b.Id == bodyId).Select(b => b.Name).FirstOrDefaultAsync(ct);
        if (body is null) return null;
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Agenda).Where(m => m.BodyId == bodyId)
            .OrderBy(m => m.StartsAt).ThenBy(m => m.Id).ToListAsync(ct);
        return Serialize(body, meetings);
    }

    private string Serialize(string bodyName, IEnumerable<Meeting> meetings)
    {
        var site = options.Value.SiteUrl.TrimEnd('/');
        var calendar = new Calendar { Method = "PUBLISH", ProductId = "-//ECP//Enhanced Cooperation Platform//EN" };
        calendar.AddProperty("X-WR-CALNAME", bodyName);
        foreach (var m in meetings)
        {
            var agenda = string.Join("\n", m.Agenda.OrderBy(a => a.Number).Select(a => $"{a.Number}. {a.Title}"));
            calendar.Events.Add(new CalendarEvent
            {
                Uid = Uid(m.Id),
                Sequence = m.Sequence,
                Summary = m.Title,
                Start = new CalDateTime(m.StartsAt.UtcDateTime),
                End = new CalDateTime(m.EndsAt.UtcDateTime),
                DtStamp = new CalDateTime(m.UpdatedAt.UtcDateTime),
                LastModified = new CalDateTime(m.UpdatedAt.UtcDateTime),
                Location = string.Join(" · ", new[] { m.Place, m.RemoteUrl }.Where(s => !string.IsNullOrEmpty(s))),
                Url = new Uri($"{site}/meetings/{m.Id}"),
                Status = m.Status == MeetingStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                Description = $"{bodyName}\n{m.TimeZone}: {MeetingTime.Local(m.StartsAt, m.TimeZone)} – {MeetingTime.Local(m.EndsAt, m.TimeZone)}\n{agenda}".TrimEnd(),
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
