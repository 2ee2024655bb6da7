using System.Collections.Concurrent;
using Ecp.Common;
using Ecp.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ecp.Features.Record;

/// <summary>
/// The unit of work of every use case that changes the process:
/// <list type="number">
/// <item><see cref="BeginAsync"/> opens the transaction and takes the record's write lock
/// (a row lock on the head on PostgreSQL, the database write lock on SQLite) <em>before</em>
/// the use case reads the state it checks, so two requests racing on one node or on several
/// can never both pass a check that only one of them should (two approvals of one request);</item>
/// <item>the use case changes its entities and <see cref="Append"/>s what happened;</item>
/// <item><see cref="SaveAsync"/> chains the entries to the head and commits both at once.</item>
/// </list>
/// A use case that returns an error simply does not save: the transaction is rolled back.
/// </summary>
public sealed class PublicRecord(AppDbContext db, TimeProvider clock) : IAsyncDisposable
{
    /// <summary>
    /// One writer at a time per SQLite file inside this process. SQLite has one write lock; when
    /// many requests ask for it at once, all but one get SQLITE_BUSY and the driver sleeps and
    /// retries, which collapses throughput under a flash crowd. Queuing here, in memory, hands
    /// the lock over without any sleep. (PostgreSQL queues writers on the head row itself.)
    /// </summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SqliteWriters = new();

    private readonly List<RecordDraft> pending = [];
    private IDbContextTransaction? transaction;
    private RecordHead? head;
    private SemaphoreSlim? writer;

    public async Task BeginAsync(CancellationToken ct = default)
    {
        if (head is not null) return;
        if (db is SqliteAppDbContext && writer is null)
        {
            var gate = SqliteWriters.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(ct);
            writer = gate;
        }
        try
        {
            // A use case that must also write through another store (Identity's UserManager)
            // runs inside this same transaction.
            if (db.Database.CurrentTransaction is null)
            {
                transaction = await db.Database.BeginTransactionAsync(ct);
            }
            // A context that lives across several use cases (the demo loader, a test) still
            // tracks the head it read last time; another context (the contribution writer, a
            // second node) may have advanced it since. Read it afresh.
            foreach (var stale in db.ChangeTracker.Entries<RecordHead>().ToList()) stale.State = EntityState.Detached;
            head = await db.LockRecordHeadAsync(ct);
        }
        catch
        {
            Release();
            throw;
        }
    }

    public void Append(Actor actor, string action, string entity, string entityId, object payload)
        => pending.Add(new RecordDraft(
            actor.RecordReference,
            actor.DisplayName,
            actor.Role.ToCode(),
            actor.Group is { } g ? g.ToCode() : null,
            action,
            entity,
            entityId,
            CanonicalJson.Serialize(payload)));

    /// <summary>
    /// Appends for an actor who did not consent to be cited individually: the entry names only
    /// their role and stakeholder group, and commits to the identity by hash
    /// (<paramref name="identityCommitment"/>), which the platform can later open to an auditor.
    /// </summary>
    public void AppendWithoutIdentity(Actor actor, string identityCommitment, string action, string entity, string entityId, object payload)
        => pending.Add(new RecordDraft(
            $"committed/{identityCommitment}",
            "",
            actor.Role.ToCode(),
            actor.Group is { } g ? g.ToCode() : null,
            action,
            entity,
            entityId,
            CanonicalJson.Serialize(payload)));

    /// <summary>Saves the tracked changes and the appended entries atomically.</summary>
    public Task<IReadOnlyList<RecordEntry>> SaveAsync(CancellationToken ct = default) => SaveAsync(insertEntries: false, ct);

    /// <summary>
    /// For a batch of new rows that the caller has inserted with <see cref="RowInserter"/> (group
    /// commit): the entries are inserted the same way, the other tracked changes (the head) are
    /// saved as usual, and all of it commits at once.
    /// </summary>
    public Task<IReadOnlyList<RecordEntry>> SaveInsertedAsync(CancellationToken ct = default) => SaveAsync(insertEntries: true, ct);

    private async Task<IReadOnlyList<RecordEntry>> SaveAsync(bool insertEntries, CancellationToken ct)
    {
        if (pending.Count == 0)
        {
            throw new InvalidOperationException("A change to the process must append to the public record.");
        }
        await BeginAsync(ct);
        var now = clock.GetUtcNow();
        var written = new List<RecordEntry>(pending.Count);
        foreach (var draft in pending)
        {
            var entry = RecordEntry.Chain(head!.Sequence + 1, head.Hash, now, draft);
            head.Advance(entry);
            written.Add(entry);
        }
        if (insertEntries) await RowInserter.InsertAsync(db, written, ct);
        else db.RecordEntries.AddRange(written);
        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
            await transaction.DisposeAsync();
            transaction = null;
            Release();
        }
        pending.Clear();
        head = null;
        return written;
    }

    public async ValueTask DisposeAsync()
    {
        if (transaction is not null) await transaction.DisposeAsync();
        Release();
    }

    private void Release()
    {
        writer?.Release();
        writer = null;
    }
}
