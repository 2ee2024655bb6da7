using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Record;

/// <summary>The outcome of a verification. <see cref="EntriesChecked"/> is the length of the chain
/// found to hold; <see cref="Scope"/> says whether every entry was recomputed ("full") or only
/// those from <see cref="RecomputedFrom"/> on, after a checkpoint ("incremental", see
/// <see cref="IncrementalRecordVerifier"/>); <see cref="FullCheckAt"/> is when the last full
/// check behind this answer ran, where known.</summary>
public sealed record RecordVerification(bool IsValid, long EntriesChecked, long? FirstBrokenSequence, string? Problem, string HeadHash,
    string Scope = "full", long RecomputedFrom = 1, DateTimeOffset? FullCheckAt = null);

/// <summary>Recomputes the chain, streaming, and names the first entry that does not hold.</summary>
public sealed class RecordVerifier(AppDbContext db)
{
    /// <summary>The whole chain, from entry 1 (what <c>ecp verify-record</c> runs).</summary>
    public Task<RecordVerification> VerifyAsync(IProgress<long>? progress = null, CancellationToken ct = default)
        => VerifyAfterAsync(0, RecordEntry.GenesisHash, progress, ct);

    /// <summary>The entries after <paramref name="afterSequence"/>, taking on trust that the chain up to
    /// it holds and ends in <paramref name="afterHash"/>; then the head.</summary>
    public async Task<RecordVerification> VerifyAfterAsync(long afterSequence, string afterHash, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var expectedSequence = afterSequence + 1;
        var previousHash = afterHash;
        var query = db.RecordEntries.AsNoTracking().Where(e => e.Sequence > afterSequence).OrderBy(e => e.Sequence).AsSingleQuery().AsAsyncEnumerable();
        await foreach (var entry in query.WithCancellation(ct))
        {
            var problem =
                entry.Sequence != expectedSequence ? "sequence-gap"
                : entry.PreviousHash != previousHash ? "previous-hash-mismatch"
                : RecordCanonicalForm.HashOf(entry) != entry.Hash ? "hash-mismatch"
                : null;
            if (problem is not null)
            {
                // A gap is reported at the first missing sequence number.
                var at = problem == "sequence-gap" ? Math.Min(entry.Sequence, expectedSequence) : entry.Sequence;
                return new RecordVerification(false, expectedSequence - 1, at, problem, previousHash, RecomputedFrom: afterSequence + 1);
            }
            previousHash = entry.Hash;
            expectedSequence++;
            if (expectedSequence % 1000 == 0) progress?.Report(expectedSequence - 1);
        }
        var checkedCount = expectedSequence - 1;
        progress?.Report(checkedCount);
        var head = await db.RecordHeads.AsNoTracking().SingleAsync(ct);
        if (head.Sequence != checkedCount || head.Hash != previousHash)
        {
            // Entries were removed from (or added to) the end behind the application's back.
            var firstBroken = head.Sequence < checkedCount ? head.Sequence + 1 : checkedCount + 1;
            return new RecordVerification(false, checkedCount, firstBroken, "head-mismatch", previousHash, RecomputedFrom: afterSequence + 1);
        }
        return new RecordVerification(true, checkedCount, null, null, previousHash, RecomputedFrom: afterSequence + 1);
    }
}
