using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Search;

/// <summary>
/// The search projection, on every node: follows the public record after the index's checkpoint
/// (kept in the Lucene commit), re-reads the current public state of each entity an entry touched,
/// (re)indexes or deletes it, commits with the new checkpoint and refreshes the searcher. It polls
/// every 150 ms, so a publication on any node is searchable well within a second. Searches are
/// served from the index as it is while it catches up.
/// </summary>
public sealed class SearchProjection(IServiceScopeFactory scopes, SearchIndex index, IEnumerable<ISearchSource> sources, IConfiguration configuration, ILogger<SearchProjection> log) : BackgroundService
{
    internal const int BatchSize = 1000;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(150);
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<string, ISearchSource> byEntity = sources.ToDictionary(s => s.Entity);
    /// <summary>The reference data is in the index since it last started from nothing.</summary>
    private bool referenceIndexed;
    /// <summary>The index's checkpoint has been checked against this database's record.</summary>
    private bool followsThisRecord;

    public long Checkpoint => index.Checkpoint;

    /// <summary>Runs passes until the record is caught up; returns the entries read.</summary>
    public async Task<long> CatchUpAsync(IProgress<(long Done, long Total)>? progress = null, CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            long read = 0;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var last = await db.RecordEntries.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
            if (!followsThisRecord && index.Checkpoint > 0)
            {
                // An index on disk may have been built from another database (a copied data directory,
                // a restored backup, a second database beside the first): it is trusted only if the
                // entry at its checkpoint is the one it saw. Otherwise it is rebuilt, serving meanwhile.
                var at = index.Checkpoint;
                var hash = await db.RecordEntries.AsNoTracking().Where(e => e.Sequence == at).Select(e => e.Hash).FirstOrDefaultAsync(ct);
                if (hash is null || hash != index.CheckpointHash)
                {
                    log.LogWarning("The search index follows another record (entry {Sequence} differs); rebuilding it.", at);
                    index.DeleteAll();
                    index.Commit(0);
                    referenceIndexed = false;
                }
            }
            followsThisRecord = true;
            if (index.Checkpoint == 0 && !referenceIndexed)
            {
                // An index starting from nothing: what exists without a record entry first.
                foreach (var source in byEntity.Values)
                {
                    var ids = await source.ReferenceIdsAsync(db, ct);
                    if (ids.Count == 0) continue;
                    var docs = await source.LoadAsync(db, ids, ct);
                    index.PutAll(docs.Select(d => d.Value with { Id = $"{source.Entity}/{d.Key}" }).ToList());
                }
                index.Commit(0);
                referenceIndexed = true;
                db.ChangeTracker.Clear();
            }
            while (true)
            {
                var from = index.Checkpoint;
                var entries = await db.RecordEntries.AsNoTracking().Where(e => e.Sequence > from).OrderBy(e => e.Sequence).Take(BatchSize)
                    .Select(e => new { e.Sequence, e.Entity, e.EntityId, e.Hash }).ToListAsync(ct);
                if (entries.Count == 0)
                {
                    index.EndRebuild();
                    return read;
                }
                // Each entity an entry touched, by its source; and every entry itself, for the record's source.
                var touched = entries.Where(e => byEntity.ContainsKey(e.Entity)).GroupBy(e => e.Entity)
                    .Select(g => (Entity: g.Key, Ids: g.Select(e => e.EntityId).Distinct().ToList()));
                if (byEntity.ContainsKey(RecordSearchSource.Kind))
                {
                    touched = touched.Append((RecordSearchSource.Kind, entries.Select(e => e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList()));
                }
                foreach (var (entity, ids) in touched.ToList())
                {
                    var docs = await byEntity[entity].LoadAsync(db, ids, ct);
                    foreach (var id in ids.Where(i => !docs.ContainsKey(i))) index.Delete($"{entity}/{id}");
                    index.PutAll(docs.Select(d => d.Value with { Id = $"{entity}/{d.Key}" }).ToList());
                }
                index.Commit(entries[^1].Sequence, entries[^1].Hash);
                read += entries.Count;
                progress?.Report((entries[^1].Sequence, Math.Max(last, entries[^1].Sequence)));
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>For tests and the API's freshness: waits until the index has reached this record sequence.</summary>
    public async Task WaitForAsync(long sequence, CancellationToken ct = default)
    {
        while (index.Checkpoint < sequence)
        {
            await CatchUpAsync(ct: ct);
            if (index.Checkpoint < sequence) await Task.Delay(20, ct);
        }
    }

    /// <summary>Waits until the index has reached the record's last entry, as it is now.</summary>
    public async Task WaitForRecordAsync(CancellationToken ct = default)
    {
        long last;
        await using (var scope = scopes.CreateAsyncScope())
        {
            last = await scope.ServiceProvider.GetRequiredService<AppDbContext>().RecordEntries.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
        }
        await WaitForAsync(last, ct);
    }

    /// <summary>Empties the index; the next pass rebuilds it from the whole record.</summary>
    public async Task ResetAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            index.DeleteAll();
            index.Commit(0);
            referenceIndexed = false;
        }
        finally
        {
            gate.Release();
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
        // Ecp:Search:Follow=false: this node does not index in the background (a test measuring
        // something else); searches still answer from what the index holds.
        => configuration.GetValue("Ecp:Search:Follow", true)
            ? Ticks.EveryAsync(Poll, TimeProvider.System, ct => CatchUpAsync(ct: ct), log, "search indexing", stoppingToken)
            : Task.CompletedTask;
}
