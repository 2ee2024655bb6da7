using Ecp.Common;
using Ecp.Data;

namespace Ecp.Features.Record;

/// <summary>
/// The unit of work of every use case that changes the process: the use case changes its
/// entities, appends what happened, and <see cref="SaveAsync"/> writes both in one transaction,
/// chaining each entry to the current head of the record.
/// </summary>
public sealed class PublicRecord(AppDbContext db, TimeProvider clock)
{
    private readonly List<RecordDraft> pending = [];

    public void Append(Actor actor, string action, string entity, string entityId, object payload)
        => pending.Add(new RecordDraft(
            actor.RecordReference,
            actor.DisplayName,
            actor.Role.ToCode(),
            actor.Group is { } g ? Registry.StakeholderGroups.ToCode(g) : null,
            action,
            entity,
            entityId,
            CanonicalJson.Serialize(payload)));

    /// <summary>Saves the tracked changes and the appended entries atomically.</summary>
    public async Task<IReadOnlyList<RecordEntry>> SaveAsync(CancellationToken ct = default)
    {
        if (pending.Count == 0)
        {
            throw new InvalidOperationException("A change to the process must append to the public record.");
        }
        // A use case that must also write through another store (Identity's UserManager)
        // opens the transaction itself; then the entries join it.
        var ambient = db.Database.CurrentTransaction is not null;
        await using var tx = ambient ? null : await db.Database.BeginTransactionAsync(ct);
        // Serializes writers: a row lock on PostgreSQL, the database write lock on SQLite.
        var head = await db.LockRecordHeadAsync(ct);
        var now = clock.GetUtcNow();
        var written = new List<RecordEntry>(pending.Count);
        foreach (var draft in pending)
        {
            var entry = RecordEntry.Chain(head.Sequence + 1, head.Hash, now, draft);
            db.RecordEntries.Add(entry);
            head.Advance(entry);
            written.Add(entry);
        }
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        pending.Clear();
        return written;
    }
}
