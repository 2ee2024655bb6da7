using Ecp.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ecp.Features.Notifications;

/// <summary>
/// What every mail projection shares (consultation notices, annual report requests). It follows
/// the public record from a checkpoint of its own and queues the mail of the entries it cares
/// about; the mail and the moved checkpoint are saved in one transaction, so a restart neither
/// loses nor repeats one. On a slower timer it queues the reminders due, each under an
/// idempotency key that says what it reminds of, so each goes once.
/// The work is cluster-wide (one mail per person, not one per node): it runs under a lease.
/// </summary>
public abstract class MailProjection(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<NotificationOptions> options,
    ILogger log) : BackgroundService
{
    internal const int BatchSize = 200;

    private readonly string holder = DatabaseLease.NewHolderName();
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>The name of its checkpoint and of its lease (both rows seeded by NotificationsConfiguration).</summary>
    protected abstract string Name { get; }

    /// <summary>The settings, for the projections' own thresholds.</summary>
    protected NotificationOptions Settings => options.Value;

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
                var now = clock.GetUtcNow();
                var batch = await RecordProjection.NextAsync(db, Name, Name, holder, LeaseDuration, now, BatchSize,
                    e => new RecordFact(e.Sequence, e.Action, e.Payload), e => e.Sequence,
                    entries => NoticesAsync(scope.ServiceProvider, db, entries, now, ct), ct);
                queued += batch.Saved.Count;
                if (batch.Saved.Count > 0) log.LogInformation("{Projection}: queued {Count} mail(s) up to record entry {Sequence}.", Name, batch.Saved.Count, batch.LastSequence);
                if (batch.Read < BatchSize) return queued;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Queues the reminders due now that no pass (of any node, before any restart)
    /// queued already. Returns the number queued.</summary>
    public async Task<int> RemindAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = clock.GetUtcNow();
            var due = await DueAsync(scope.ServiceProvider, db, now, ct);
            if (due.Count == 0) return 0;
            var keys = due.Select(d => d.Key).ToList();
            var queuedBefore = (await db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => keys.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(ct)).ToHashSet();
            var missing = due.Where(d => !queuedBefore.Contains(d.Key)).ToList();
            if (missing.Count == 0) return 0;
            if (!await DatabaseLease.TryAcquireAsync(db, Name, holder, LeaseDuration, now, ct)) return 0;
            foreach (var d in missing) db.Add(d.Compose(now));
            await db.SaveChangesAsync(ct);
            log.LogInformation("{Projection}: queued {Count} reminder(s).", Name, missing.Count);
            return missing.Count;
        }
        finally
        {
            gate.Release();
        }
    }

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        var reminders = TimeSpan.FromSeconds(Math.Max(1, options.Value.ReminderCheckSeconds));
        await Task.WhenAll(
            Ticks.EveryAsync(poll, clock, ProjectAsync, log, Name, stoppingToken),
            Ticks.EveryAsync(reminders, clock, RemindAsync, log, Name + " reminders", stoppingToken));
    }

    /// <summary>The mail of a batch of record entries, of every action: each projection picks its own.</summary>
    protected abstract Task<List<OutboxMessage>> NoticesAsync(IServiceProvider services, AppDbContext db, IReadOnlyList<RecordFact> entries, DateTimeOffset now, CancellationToken ct);

    /// <summary>Every reminder due at <paramref name="now"/>, queued before or not: the keys tell.</summary>
    protected abstract Task<List<PendingMail>> DueAsync(IServiceProvider services, AppDbContext db, DateTimeOffset now, CancellationToken ct);

    protected sealed record RecordFact(long Sequence, string Action, string Payload);

    /// <summary>A mail under its idempotency key, composed only if it was not queued before.</summary>
    protected sealed record PendingMail(string Key, Func<DateTimeOffset, OutboxMessage> Compose);
}
