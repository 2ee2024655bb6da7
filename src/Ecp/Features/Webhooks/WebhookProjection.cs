using System.Text.Json;
using System.Text.Json.Nodes;
using Ecp.Data;
using Ecp.Features.Notifications;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ecp.Features.Webhooks;

/// <summary>
/// Follows the public record from its checkpoint ("webhooks") and, for each entry about a body, a
/// consultation or a document (named in its payload as bodyId, consultationId, documentId, or as
/// the entry's entity; a consultation's and a document's entries are also its body's), queues one
/// delivery per active subscription to that target. The deliveries and the moved checkpoint are
/// saved in one transaction, so a restart neither loses nor repeats one; the work is cluster-wide
/// and runs under the lease "webhooks.projection".
/// </summary>
public sealed class WebhookProjection(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<WebhookOptions> options,
    ILogger<WebhookProjection> log) : BackgroundService
{
    public const string CheckpointName = "webhooks";
    public const string LeaseName = "webhooks.projection";
    internal const int BatchSize = 200;

    private readonly string holder = DatabaseLease.NewHolderName();
    private readonly SemaphoreSlim gate = new(1, 1);

    private TimeSpan LeaseDuration => TimeSpan.FromSeconds(Math.Max(60, options.Value.PollSeconds * 3));

    /// <summary>Reads the record after the checkpoint, in batches, until it has caught up.
    /// Returns the number of deliveries queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
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
                var batch = await RecordProjection.NextAsync(db, CheckpointName, LeaseName, holder, LeaseDuration, now, BatchSize,
                    e => e, e => e.Sequence, entries => DeliveriesAsync(db, entries, now, ct), ct);
                queued += batch.Saved.Count;
                if (batch.Saved.Count > 0) log.LogInformation("Webhooks: queued {Count} deliveries up to record entry {Sequence}.", batch.Saved.Count, batch.LastSequence);
                if (batch.Read < BatchSize) return queued;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
        => Ticks.EveryAsync(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), clock, RunOnceAsync, log, "webhooks projection", stoppingToken);

    private static async Task<List<WebhookDelivery>> DeliveriesAsync(AppDbContext db, List<RecordEntry> entries, DateTimeOffset now, CancellationToken ct)
    {
        var subjects = entries.Select(e => (Entry: e, Subjects: Subjects(e))).Where(x => x.Subjects.Any()).ToList();
        if (subjects.Count == 0) return [];
        var subscriptions = await db.Set<WebhookSubscription>().AsNoTracking().Where(s => s.RemovedAt == null)
            .Select(s => new { s.Id, s.BodyId, s.ConsultationId, s.DocumentId, s.CreatedAt }).ToListAsync(ct);
        if (subscriptions.Count == 0) return [];

        // The body of each consultation and document named: its subscribers hear of them too.
        var consultationIds = subjects.SelectMany(x => x.Subjects.Consultations).Distinct().ToList();
        var documentIds = subjects.SelectMany(x => x.Subjects.Documents).Distinct().ToList();
        var consultationBodies = await db.Consultations.AsNoTracking().Where(c => consultationIds.Contains(c.Id))
            .Select(c => new { c.Id, c.BodyId }).ToDictionaryAsync(c => c.Id, c => (Guid?)c.BodyId, ct);
        var documentBodies = await db.Documents.AsNoTracking().Where(d => documentIds.Contains(d.Id))
            .Select(d => new { d.Id, d.BodyId }).ToDictionaryAsync(d => d.Id, d => d.BodyId, ct);

        var deliveries = new List<WebhookDelivery>();
        foreach (var (entry, named) in subjects)
        {
            var bodies = named.Bodies
                .Concat(named.Consultations.Select(c => consultationBodies.GetValueOrDefault(c)).OfType<Guid>())
                .Concat(named.Documents.Select(d => documentBodies.GetValueOrDefault(d)).OfType<Guid>())
                .ToHashSet();
            var body = BodyOf(entry);
            // One delivery per subscription, though the entry names its target more than once.
            // A subscription hears of what happens from when it was made (to the millisecond of
            // the record's times), not of the history before it.
            foreach (var s in subscriptions.Where(s => entry.Time.UtcTicks >= s.CreatedAt.UtcTicks - s.CreatedAt.UtcTicks % TimeSpan.TicksPerMillisecond)
                         .Where(s =>
                         (s.BodyId is { } b && bodies.Contains(b))
                         || (s.ConsultationId is { } c && named.Consultations.Contains(c))
                         || (s.DocumentId is { } d && named.Documents.Contains(d))))
            {
                deliveries.Add(WebhookDelivery.Queue(s.Id, entry.Sequence, entry.Action, body, now));
            }
        }
        return deliveries;
    }

    /// <summary>The JSON POSTed: the entry as the public API shows it.</summary>
    internal static string BodyOf(RecordEntry e) => new JsonObject
    {
        ["sequence"] = e.Sequence,
        ["time"] = e.Time,
        ["action"] = e.Action,
        ["entity"] = e.Entity,
        ["entityId"] = e.EntityId,
        ["payload"] = RecordCanonicalForm.PayloadOf(e),
    }.ToJsonString();

    private sealed record Named(HashSet<Guid> Bodies, HashSet<Guid> Consultations, HashSet<Guid> Documents)
    {
        public bool Any() => Bodies.Count + Consultations.Count + Documents.Count > 0;
    }

    /// <summary>The bodies, consultations and documents an entry is about.</summary>
    private static Named Subjects(RecordEntry e)
    {
        var named = new Named([], [], []);
        void Add(string kind, Guid id)
        {
            switch (kind)
            {
                case "body": named.Bodies.Add(id); break;
                case "consultation": named.Consultations.Add(id); break;
                case "document": named.Documents.Add(id); break;
            }
        }
        if (Guid.TryParse(e.EntityId, out var entityId)) Add(e.Entity, entityId);
        try
        {
            using var json = JsonDocument.Parse(e.Payload);
            if (json.RootElement.ValueKind != JsonValueKind.Object) return named;
            foreach (var kind in new[] { "body", "consultation", "document" })
            {
                if (json.RootElement.TryGetProperty(kind + "Id", out var id) && id.ValueKind == JsonValueKind.String && Guid.TryParse(id.GetString(), out var guid)) Add(kind, guid);
            }
        }
        catch (JsonException)
        {
            // A payload that is no longer JSON (tampered): its entity is all it names.
        }
        return named;
    }
}
