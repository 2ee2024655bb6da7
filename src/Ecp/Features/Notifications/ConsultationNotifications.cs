using System.Globalization;
using System.Text.Json;
using Ecp.Data;
using Ecp.Features.Consultations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ecp.Features.Notifications;

/// <summary>
/// The consultations' mail projection (see <see cref="MailProjection"/>). It follows the public record from its checkpoint and, for each
/// consultation.opened and consultation.extended entry, queues a mail to every follower of the
/// consultation or of its body; the mail and the moved checkpoint are saved in one transaction,
/// so a restart neither loses nor repeats a notice. Once a minute it also queues the reminders
/// before a close (settings Ecp:Notifications:ReminderDays, default "7,1").
/// The work is cluster-wide (one mail per follower, not one per node): it runs under a lease.
/// </summary>
public sealed class ConsultationNotifications(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<NotificationOptions> options,
    ILogger<ConsultationNotifications> log) : MailProjection(scopes, clock, options, log)
{
    public const string CheckpointName = "notifications.consultations";
    public const string LeaseName = CheckpointName;
    public const string ReminderKind = "consultation.reminder";

    protected override string Name => CheckpointName;

    /// <summary>One reminder per follower of each open consultation within a threshold of its
    /// close: the smallest threshold reached, so a late start sends one reminder, not two. The
    /// key names the closing instant: after an extension, the new close is reminded again.</summary>
    protected override async Task<List<PendingMail>> DueAsync(IServiceProvider services, AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var thresholds = Settings.ReminderThresholds();
        if (thresholds.Count == 0) return [];
        var mail = services.GetRequiredService<NotificationMail>();
        var horizon = now.AddDays(thresholds[0]);
        var closing = await (
                from c in db.Consultations.AsNoTracking()
                where c.Phase == ConsultationPhase.Open && c.ClosesAt > now && c.ClosesAt <= horizon
                join b in db.Bodies.AsNoTracking() on c.BodyId equals b.Id
                select new { Facts = new ConsultationFacts(c.Id, c.Topic, c.BodyId, b.Name), c.ClosesAt })
            .ToListAsync(ct);
        if (closing.Count == 0) return [];

        var followers = await FollowersAsync(db, closing.Select(c => c.Facts).ToList(), ct);
        var due = new List<PendingMail>();
        foreach (var c in closing)
        {
            var days = thresholds.Where(d => c.ClosesAt - now <= TimeSpan.FromDays(d)).Min();
            foreach (var f in FollowersOf(c.Facts, followers))
            {
                var key = $"reminder:{c.Facts.Id:N}:{f.PersonId:N}:{days}d:{c.ClosesAt.UtcTicks}";
                due.Add(new PendingMail(key, at =>
                {
                    var (subject, body) = mail.Reminder(c.Facts, c.ClosesAt, f.FollowsBodyOnly, f.Language);
                    return OutboxMessage.Queue(ReminderKind, key, f.PersonId, f.Email, subject, body, at);
                }));
            }
        }
        return due;
    }

    /// <summary>For each consultation.opened and consultation.extended entry, a mail to every
    /// follower of the consultation or of its body.</summary>
    protected override async Task<List<OutboxMessage>> NoticesAsync(IServiceProvider services, AppDbContext db, IReadOnlyList<RecordFact> all, DateTimeOffset now, CancellationToken ct)
    {
        var entries = all.Where(e => e.Action is ConsultationActions.Opened or ConsultationActions.Extended).ToList();
        if (entries.Count == 0) return [];
        var mail = services.GetRequiredService<NotificationMail>();
        var events = entries.Select(Parse).ToList();
        var ids = events.Select(e => e.ConsultationId).Distinct().ToList();
        var consultations = await (
                from c in db.Consultations.AsNoTracking()
                where ids.Contains(c.Id)
                join b in db.Bodies.AsNoTracking() on c.BodyId equals b.Id
                select new { Facts = new ConsultationFacts(c.Id, c.Topic, c.BodyId, b.Name), c.ClosesAt })
            .ToDictionaryAsync(c => c.Facts.Id, ct);
        var followers = await FollowersAsync(db, consultations.Values.Select(c => c.Facts).ToList(), ct);

        var messages = new List<OutboxMessage>();
        foreach (var e in events)
        {
            // Replaying an old record (a feature switched on late, a long outage): a notice of a
            // consultation that has closed since helps no one.
            if (!consultations.TryGetValue(e.ConsultationId, out var c) || c.ClosesAt <= now) continue;
            foreach (var f in FollowersOf(c.Facts, followers))
            {
                var (subject, body) = e.Action == ConsultationActions.Opened
                    ? mail.Opened(c.Facts, e.ClosesAt, f.FollowsBodyOnly, f.Language)
                    : mail.Extended(c.Facts, e.PreviousClosesAt ?? e.ClosesAt, e.ClosesAt, e.Reason ?? "", f.FollowsBodyOnly, f.Language);
                messages.Add(OutboxMessage.Queue(e.Action, $"record:{e.Sequence}:{f.PersonId:N}", f.PersonId, f.Email, subject, body, now));
            }
        }
        return messages;
    }

    private sealed record ConsultationEvent(long Sequence, string Action, Guid ConsultationId, DateTimeOffset ClosesAt, DateTimeOffset? PreviousClosesAt, string? Reason);

    private sealed record FollowRow(Guid PersonId, Guid? BodyId, Guid? ConsultationId, string Email, string Language);

    private sealed record Follower(Guid PersonId, string Email, bool FollowsBodyOnly, string Language);

    private static ConsultationEvent Parse(RecordFact entry)
    {
        using var json = JsonDocument.Parse(entry.Payload);
        var root = json.RootElement;
        return new ConsultationEvent(entry.Sequence, entry.Action,
            root.GetProperty("consultationId").GetGuid(),
            Time(root.GetProperty("closesAt").GetString()!),
            root.TryGetProperty("previousClosesAt", out var previous) ? Time(previous.GetString()!) : null,
            root.TryGetProperty("reason", out var reason) ? reason.GetString() : null);
    }

    private static DateTimeOffset Time(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Everyone who follows one of the consultations or its body, with their address and language now.</summary>
    private static async Task<List<FollowRow>> FollowersAsync(AppDbContext db, IReadOnlyList<ConsultationFacts> consultations, CancellationToken ct)
    {
        var consultationIds = consultations.Select(c => (Guid?)c.Id).Distinct().ToList();
        var bodyIds = consultations.Select(c => (Guid?)c.BodyId).Distinct().ToList();
        return await (
                from f in db.Set<Follow>().AsNoTracking()
                where consultationIds.Contains(f.ConsultationId) || bodyIds.Contains(f.BodyId)
                join p in db.People.AsNoTracking() on f.PersonId equals p.Id
                join a in db.Users.AsNoTracking() on p.AccountId equals a.Id
                where a.Email != null
                select new FollowRow(f.PersonId, f.BodyId, f.ConsultationId, a.Email!, a.Language))
            .ToListAsync(ct);
    }

    /// <summary>One per person, though they follow both the consultation and its body.</summary>
    private static IEnumerable<Follower> FollowersOf(ConsultationFacts c, List<FollowRow> rows)
        => rows.Where(r => r.ConsultationId == c.Id || r.BodyId == c.BodyId)
            .GroupBy(r => r.PersonId)
            .Select(g => new Follower(g.Key, g.First().Email, g.All(r => r.ConsultationId != c.Id), g.First().Language));
}
