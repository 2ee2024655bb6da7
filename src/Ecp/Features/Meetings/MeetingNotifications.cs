using System.Text.Json;
using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ecp.Features.Meetings;

/// <summary>
/// The meetings' mail projection (see <see cref="MailProjection"/>), each in the recipient's
/// language: "registration confirmed" for meeting.registration-confirmed, "you have a seat" for
/// meeting.moved-up, and to every active registrant of the meeting (seated, confirmed or
/// waiting) "meeting changed" or "meeting cancelled", with the link to the new .ics.
/// </summary>
public sealed class MeetingNotifications(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<NotificationOptions> options,
    ILogger<MeetingNotifications> log) : MailProjection(scopes, clock, options, log)
{
    public const string CheckpointName = "notifications.meetings";
    public const string LeaseName = CheckpointName;
    public const string ConfirmedKind = "meeting.mail-confirmed";
    public const string MovedUpKind = "meeting.mail-moved-up";
    public const string ChangedKind = "meeting.mail-changed";

    protected override string Name => CheckpointName;

    protected override async Task<List<OutboxMessage>> NoticesAsync(IServiceProvider services, AppDbContext db, IReadOnlyList<RecordFact> entries, DateTimeOffset now, CancellationToken ct)
    {
        var facts = entries
            .Where(e => e.Action is MeetingActions.RegistrationConfirmed or MeetingActions.MovedUp or MeetingActions.Changed or MeetingActions.Cancelled)
            .Select(e => (e.Sequence, e.Action, Ids: IdsOf(e.Action, e.Payload)))
            .ToList();
        if (facts.Count == 0) return [];
        var meetingIds = facts.Select(f => f.Ids.MeetingId).Distinct().ToList();
        var meetings = await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var registrants = (await (
                from r in db.MeetingRegistrations.AsNoTracking()
                where meetingIds.Contains(r.MeetingId)
                join p in db.People.AsNoTracking() on r.PersonId equals p.Id
                join a in db.Users.AsNoTracking() on p.AccountId equals a.Id
                where a.Email != null
                select new { r.MeetingId, r.PersonId, r.Status, Email = a.Email!, a.Language })
            .ToListAsync(ct));
        var byPerson = registrants.GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => (g.First().Email, g.First().Language));
        var mail = services.GetRequiredService<MeetingMail>();

        var messages = new List<OutboxMessage>();
        foreach (var (sequence, action, ids) in facts)
        {
            if (!meetings.TryGetValue(ids.MeetingId, out var meeting)) continue;
            if (action is MeetingActions.RegistrationConfirmed or MeetingActions.MovedUp)
            {
                if (ids.PersonId is not { } personId || !byPerson.TryGetValue(personId, out var to)) continue;
                var (kind, (subject, body)) = action == MeetingActions.MovedUp
                    ? (MovedUpKind, mail.MovedUp(meeting, to.Language))
                    : (ConfirmedKind, mail.Confirmed(meeting, to.Language));
                messages.Add(OutboxMessage.Queue(kind, $"record:{sequence}:{personId:N}", personId, to.Email, subject, body, now));
                continue;
            }
            // A change of a meeting long past (a replay of the demo's record) helps no one.
            if (meeting.EndsAt < now) continue;
            foreach (var r in registrants.Where(r => r.MeetingId == meeting.Id && r.Status != RegistrationStatus.Withdrawn))
            {
                var (subject, body) = mail.Changed(meeting, action == MeetingActions.Cancelled, r.Language);
                messages.Add(OutboxMessage.Queue(ChangedKind, $"record:{sequence}:{r.PersonId:N}", r.PersonId, r.Email, subject, body, now));
            }
        }
        return messages;
    }

    /// <summary>No reminders (yet): every meeting mail follows a record entry.</summary>
    protected override Task<List<PendingMail>> DueAsync(IServiceProvider services, AppDbContext db, DateTimeOffset now, CancellationToken ct) => Task.FromResult(new List<PendingMail>());

    private static (Guid MeetingId, Guid? PersonId) IdsOf(string action, string payload)
    {
        using var json = JsonDocument.Parse(payload);
        var root = action == MeetingActions.Changed ? json.RootElement.GetProperty("meeting") : json.RootElement;
        var person = root.TryGetProperty("personId", out var p) ? p.GetGuid() : (Guid?)null;
        return (root.GetProperty("meetingId").GetGuid(), person);
    }
}
