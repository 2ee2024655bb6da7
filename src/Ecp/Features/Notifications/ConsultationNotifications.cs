using System.Globalization;
using System.Text.Json;
using Ecp.Data;
using Ecp.Features.Consultations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ecp.Features.Notifications;

/// <summary>
/// The notifications projection. It follows the public record from its checkpoint and, for each
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
    ILogger<ConsultationNotifications> log) : BackgroundService
{
    public const string CheckpointName = "notifications.consultations";
    public const string LeaseName = "notifications.consultations";
    public const string ReminderKind = "consultation.reminder";
    internal const int BatchSize = 200;

    private readonly string holder = DatabaseLease.NewHolderName();
    private readonly SemaphoreSlim gate = new(1, 1);

    private TimeSpan LeaseDuration => TimeSpan.FromSeconds(Math.Max(60, options.Value.PollSeconds * 3));

    /// <summary>One projection pass and one reminder pass, as the timers would run them.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default) => await ProjectAsync(ct) + await RemindAsync(ct);

    /// <summary>Reads the record after the checkpoint, in batches, until it has caught up.
    /// Returns the number of mails queued.</summary>
    public async Task<int> ProjectAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            var queued = 0;
            while (true)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var checkpoint = await db.Set<ProjectionCheckpoint>().AsNoTracking()
                    .Where(c => c.Name == CheckpointName).Select(c => c.LastSequence).SingleAsync(ct);
                // Reads first, outside any transaction: an idle pass writes nothing.
                var entries = await db.RecordEntries.AsNoTracking()
                    .Where(e => e.Sequence > checkpoint)
                    .OrderBy(e => e.Sequence)
                    .Take(BatchSize)
                    .Select(e => new RecordFact(e.Sequence, e.Action, e.Payload))
                    .ToListAsync(ct);
                if (entries.Count == 0) return queued;
                var now = clock.GetUtcNow();
                if (!await DatabaseLease.TryAcquireAsync(db, LeaseName, holder, LeaseDuration, now, ct)) return queued;

                var messages = await NoticesAsync(db, scope.ServiceProvider.GetRequiredService<NotificationMail>(),
                    entries.Where(e => e.Action is ConsultationActions.Opened or ConsultationActions.Extended).ToList(), now, ct);

                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                // Moves the checkpoint only from where this pass read it: if another node got
                // there first, this pass's mail is theirs already, and it is rolled back.
                var moved = await db.Set<ProjectionCheckpoint>()
                    .Where(c => c.Name == CheckpointName && c.LastSequence == checkpoint)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSequence, entries[^1].Sequence), ct);
                if (moved != 1) return queued;
                db.AddRange(messages);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                queued += messages.Count;
                if (messages.Count > 0) log.LogInformation("Queued {Count} consultation notice(s) up to record entry {Sequence}.", messages.Count, entries[^1].Sequence);
                if (entries.Count < BatchSize) return queued;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Queues one reminder per follower of each open consultation within a threshold of
    /// its close: the smallest threshold reached, so a late start sends one reminder, not two. The
    /// key names the closing instant: after an extension, the new close is reminded again.</summary>
    public async Task<int> RemindAsync(CancellationToken ct = default)
    {
        var thresholds = options.Value.ReminderThresholds();
        if (thresholds.Count == 0) return 0;
        await gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var mail = scope.ServiceProvider.GetRequiredService<NotificationMail>();
            var now = clock.GetUtcNow();
            var horizon = now.AddDays(thresholds[0]);
            var closing = await (
                    from c in db.Consultations.AsNoTracking()
                    where c.Phase == ConsultationPhase.Open && c.ClosesAt > now && c.ClosesAt <= horizon
                    join b in db.Bodies.AsNoTracking() on c.BodyId equals b.Id
                    select new { Facts = new ConsultationFacts(c.Id, c.Topic, c.BodyId, b.Name), c.ClosesAt })
                .ToListAsync(ct);
            if (closing.Count == 0) return 0;

            var followers = await FollowersAsync(db, closing.Select(c => c.Facts).ToList(), ct);
            var due = new List<(string Key, ConsultationFacts Facts, DateTimeOffset ClosesAt, Follower Follower)>();
            foreach (var c in closing)
            {
                var days = thresholds.Where(d => c.ClosesAt - now <= TimeSpan.FromDays(d)).Min();
                foreach (var f in FollowersOf(c.Facts, followers))
                {
                    due.Add(($"reminder:{c.Facts.Id:N}:{f.PersonId:N}:{days}d:{c.ClosesAt.UtcTicks}", c.Facts, c.ClosesAt, f));
                }
            }
            if (due.Count == 0) return 0;
            var keys = due.Select(d => d.Key).ToList();
            var queuedBefore = (await db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => keys.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(ct)).ToHashSet();
            var missing = due.Where(d => !queuedBefore.Contains(d.Key)).ToList();
            if (missing.Count == 0) return 0;
            if (!await DatabaseLease.TryAcquireAsync(db, LeaseName, holder, LeaseDuration, now, ct)) return 0;
            foreach (var d in missing)
            {
                var (subject, body) = mail.Reminder(d.Facts, d.ClosesAt, d.Follower.FollowsBodyOnly, d.Follower.Language);
                db.Add(OutboxMessage.Queue(ReminderKind, d.Key, d.Follower.PersonId, d.Follower.Email, subject, body, now));
            }
            await db.SaveChangesAsync(ct);
            log.LogInformation("Queued {Count} reminder(s) of consultations closing soon.", missing.Count);
            return missing.Count;
        }
        finally
        {
            gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        var reminders = TimeSpan.FromSeconds(Math.Max(1, options.Value.ReminderCheckSeconds));
        await Task.WhenAll(
            Ticks.EveryAsync(poll, clock, ProjectAsync, log, "notifications", stoppingToken),
            Ticks.EveryAsync(reminders, clock, RemindAsync, log, "reminders", stoppingToken));
    }

    private async Task<List<OutboxMessage>> NoticesAsync(AppDbContext db, NotificationMail mail, IReadOnlyList<RecordFact> entries, DateTimeOffset now, CancellationToken ct)
    {
        if (entries.Count == 0) return [];
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

    private sealed record RecordFact(long Sequence, string Action, string Payload);

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
