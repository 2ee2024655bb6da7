using Ecp.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ecp.Features.Record;

/// <summary>The signed checkpoints of the record: the latest, one of a size, and a new one.</summary>
public sealed class RecordCheckpoints(AppDbContext db, RecordTree tree, RecordSigningKey key, TimeProvider clock, IOptions<TransparencyLogOptions> options)
{
    private DbSet<RecordCheckpoint> Checkpoints => db.Set<RecordCheckpoint>();

    public Task<RecordCheckpoint?> LatestAsync(CancellationToken ct = default)
        => Checkpoints.AsNoTracking().OrderByDescending(c => c.Size).FirstOrDefaultAsync(ct);

    public Task<RecordCheckpoint?> OfSizeAsync(long size, CancellationToken ct = default)
        => Checkpoints.AsNoTracking().SingleOrDefaultAsync(c => c.Size == size, ct);

    /// <summary>Brings the tree up to the record's head and signs a checkpoint of it (or returns the one
    /// already signed for that size).</summary>
    public async Task<Result<RecordCheckpoint>> SignAsync(CancellationToken ct = default)
    {
        var size = await tree.CatchUpAsync(ct);
        if (size == 0) return new RecordEmpty();
        if (await OfSizeAsync(size, ct) is { } signed) return signed;
        var root = await tree.RootAsync(size, ct);
        var checkpoint = new RecordCheckpoint(size, root, clock.GetUtcNow(), key.Sign(SignedNote.CheckpointText(key.Name, size, root)));
        Checkpoints.Add(checkpoint);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node signed this size at the same moment: the tree is the same, keep theirs.
            db.ChangeTracker.Clear();
            return (await OfSizeAsync(size, ct))!;
        }
        return checkpoint;
    }

    /// <summary>Signs a checkpoint when the record grew and the last one is older than the interval.</summary>
    public async Task<RecordCheckpoint?> SignIfDueAsync(CancellationToken ct = default)
    {
        var latest = await LatestAsync(ct);
        var head = await db.RecordHeads.AsNoTracking().Select(h => h.Sequence).SingleAsync(ct);
        if (head == 0 || latest?.Size >= head) return null;
        if (latest is not null && clock.GetUtcNow() - latest.Time < TimeSpan.FromMinutes(Math.Max(1, options.Value.CheckpointMinutes))) return null;
        var signed = await SignAsync(ct);
        return signed.IsSuccess ? signed.Value : null;
    }
}
