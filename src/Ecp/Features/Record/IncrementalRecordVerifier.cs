using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Record;

/// <summary>
/// The verification open to anyone (<c>GET /api/v1/record/verify</c>): cheap, because it recomputes
/// only the entries appended since this node's checkpoint, and the whole chain at most once per
/// <see cref="FullCheckEvery"/>. Calls are taken one at a time, so a crowd of callers costs one
/// recomputation, not one each. What an incremental answer does not see until the next full check,
/// and what catches it sooner, is in docs/record.md ("Verification on the server").
/// </summary>
public sealed class IncrementalRecordVerifier(RecordVerifier verifier, RecordVerificationCheckpoint checkpoint, AppDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan FullCheckEvery = TimeSpan.FromMinutes(10);

    public async Task<RecordVerification> VerifyAsync(CancellationToken ct)
    {
        await checkpoint.Gate.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow();
            if (checkpoint.Broken is { } broken && now - broken.FullCheckAt < FullCheckEvery) return broken;
            if (checkpoint.Verified is { } last && now - last.FullCheckAt < FullCheckEvery && await StillHoldsAsync(last.Sequence, last.Hash, ct))
            {
                var result = await verifier.VerifyAfterAsync(last.Sequence, last.Hash, null, ct);
                if (result.IsValid) checkpoint.Verified = (result.EntriesChecked, result.HeadHash, last.FullCheckAt);
                return result with { Scope = "incremental", FullCheckAt = last.FullCheckAt };
            }
            var full = await verifier.VerifyAsync(null, ct) with { FullCheckAt = now };
            checkpoint.Verified = full.IsValid ? (full.EntriesChecked, full.HeadHash, now) : null;
            checkpoint.Broken = full.IsValid ? null : full;
            return full;
        }
        finally
        {
            checkpoint.Gate.Release();
        }
    }

    /// <summary>The checkpoint's own entry, re-hashed on every call: a record that no longer reaches
    /// it, or a rewrite of it, sends the call to a full check at once.</summary>
    private async Task<bool> StillHoldsAsync(long sequence, string hash, CancellationToken ct)
    {
        if (sequence == 0) return true;
        var entry = await db.RecordEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Sequence == sequence, ct);
        return entry is not null && entry.Hash == hash && RecordCanonicalForm.HashOf(entry) == hash;
    }
}
