using System.Linq.Expressions;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Notifications;

/// <summary>
/// One batch of a projection of the public record (the mail projections, the webhooks): reads the
/// entries after its checkpoint, takes its lease, turns them into rows (mail, deliveries), and saves
/// the rows and the moved checkpoint in one transaction, so a restart neither loses nor repeats one.
/// </summary>
public static class RecordProjection
{
    /// <summary>The outcome of a batch: how many entries it read (0 when it did nothing: caught up,
    /// the lease is another node's, or another node moved the checkpoint first) and the rows it saved.</summary>
    public sealed record Batch<TRow>(int Read, long LastSequence, IReadOnlyList<TRow> Saved);

    public static async Task<Batch<TRow>> NextAsync<TEntry, TRow>(AppDbContext db, string checkpointName, string leaseName, string holder,
        TimeSpan leaseDuration, DateTimeOffset now, int batchSize, Expression<Func<RecordEntry, TEntry>> select, Func<TEntry, long> sequenceOf,
        Func<List<TEntry>, Task<List<TRow>>> compose, CancellationToken ct, Func<CancellationToken, Task>? alsoInTransaction = null)
        where TRow : class
    {
        var checkpoint = await db.Set<ProjectionCheckpoint>().AsNoTracking()
            .Where(c => c.Name == checkpointName).Select(c => c.LastSequence).SingleAsync(ct);
        // Reads first, outside any transaction: an idle pass writes nothing.
        var entries = await db.RecordEntries.AsNoTracking()
            .Where(e => e.Sequence > checkpoint)
            .OrderBy(e => e.Sequence)
            .Take(batchSize)
            .Select(select)
            .ToListAsync(ct);
        if (entries.Count == 0 || !await DatabaseLease.TryAcquireAsync(db, leaseName, holder, leaseDuration, now, ct)) return new Batch<TRow>(0, checkpoint, []);

        var rows = await compose(entries);
        var last = sequenceOf(entries[^1]);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Moves the checkpoint only from where this pass read it: if another node got there
        // first, these rows are theirs already, and this batch is rolled back.
        var moved = await db.Set<ProjectionCheckpoint>()
            .Where(c => c.Name == checkpointName && c.LastSequence == checkpoint)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSequence, last), ct);
        if (moved != 1) return new Batch<TRow>(0, checkpoint, []);
        if (alsoInTransaction is not null) await alsoInTransaction(ct);
        db.AddRange(rows);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Batch<TRow>(entries.Count, last, rows);
    }
}
