using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Record;

public sealed record RecordVerification(bool IsValid, long EntriesChecked, long? FirstBrokenSequence, string? Problem, string HeadHash);

/// <summary>Recomputes the whole chain, streaming, and names the first entry that does not hold.</summary>
public sealed class RecordVerifier(AppDbContext db)
{
    public async Task<RecordVerification> VerifyAsync(IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var expectedSequence = 1L;
        var previousHash = RecordEntry.GenesisHash;
        var query = db.RecordEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
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
                return new RecordVerification(false, expectedSequence - 1, at, problem, previousHash);
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
            return new RecordVerification(false, checkedCount, firstBroken, "head-mismatch", previousHash);
        }
        return new RecordVerification(true, checkedCount, null, null, previousHash);
    }
}
