using Ecp.Common;

namespace Ecp.Features.Record;

public sealed record InclusionProofView(long Entry, long Size, long LeafIndex, string LeafHash, string RootHash, IReadOnlyList<string> Path);

public sealed record ConsistencyProofView(long From, long To, string FromRootHash, string ToRootHash, IReadOnlyList<string> Proof);

/// <summary>RFC 9162 proofs over the record's tree; hashes in standard base64, as in checkpoints.</summary>
public sealed class RecordProofs(RecordTree tree)
{
    /// <summary>That entry (its sequence number) is in the record of the first <paramref name="size"/> entries.</summary>
    public async Task<Result<InclusionProofView>> InclusionAsync(long entry, long size, CancellationToken ct = default)
    {
        if (size < 1) return Invalid("size", "Record.SizeInvalid");
        if (entry < 1 || entry > size) return Invalid("entry", "Record.EntryOutsideSize", size);
        var ranges = MerkleTree.InclusionRanges(entry - 1, size);
        if (await tree.TryHashesAsync([new TreeRange(entry - 1, 1), new TreeRange(0, size), .. ranges], ct) is not { } hashes) return await TooSmallAsync(size, ct);
        return new InclusionProofView(entry, size, entry - 1, Base64(hashes[0]), Base64(hashes[1]), hashes.Skip(2).Select(Base64).ToList());
    }

    /// <summary>The record of the first <paramref name="from"/> entries is a prefix of the one of <paramref name="to"/>.</summary>
    public async Task<Result<ConsistencyProofView>> ConsistencyAsync(long from, long to, CancellationToken ct = default)
    {
        if (from < 1) return Invalid("from", "Record.SizeInvalid");
        if (to < from) return Invalid("to", "Record.ToBeforeFrom", from);
        var ranges = MerkleTree.ConsistencyRanges(from, to);
        if (await tree.TryHashesAsync([new TreeRange(0, from), new TreeRange(0, to), .. (from == to ? [] : ranges)], ct) is not { } hashes) return await TooSmallAsync(to, ct);
        return new ConsistencyProofView(from, to, Base64(hashes[0]), Base64(hashes[1]), hashes.Skip(2).Select(Base64).ToList());
    }

    /// <summary>A range reached past the tree: the tree of that size is not there yet. (The stored
    /// subtrees are read in one query; the size only when one is missing.)</summary>
    private async Task<Error> TooSmallAsync(long size, CancellationToken ct) => new TreeTooSmall(size, await tree.SizeAsync(ct));

    private static ValidationError Invalid(string field, string key, params object[] args) => new Validation().Add(field, key, args).ToError();

    private static string Base64(byte[] hash) => Convert.ToBase64String(hash);
}

public sealed record CheckpointView(long Size, string RootHash, DateTimeOffset Time, string Note);

public sealed record SigningKeyView(string Name, string Algorithm, string KeyId, string VerifierKey, string PublicKey);
