using System.Numerics;
using System.Security.Cryptography;

namespace Ecp.Features.Record;

/// <summary>
/// The Merkle tree of RFC 9162 section 2.1 over the record's entries, leaf i being entry i + 1:
/// leaf hash SHA-256(0x00 || bytes), node hash SHA-256(0x01 || left || right), a tree of n leaves
/// split at the largest power of two below n. Any RFC 9162 (or RFC 6962) verifier checks the proofs
/// made here unchanged.
/// </summary>
/// <remarks>
/// Proofs are made from the hashes of <em>complete</em> subtrees only (<see cref="TreeNode"/>: 2^level
/// leaves starting at index * 2^level), which the tree keeps as it grows, so a proof for any entry of
/// any size reads at most a few dozen stored hashes and never recomputes from the leaves.
/// </remarks>
public static class MerkleTree
{
    public const int HashSize = 32;

    public static byte[] LeafHash(ReadOnlySpan<byte> leaf)
    {
        Span<byte> input = leaf.Length < 4096 ? stackalloc byte[leaf.Length + 1] : new byte[leaf.Length + 1];
        input[0] = 0x00;
        leaf.CopyTo(input[1..]);
        return SHA256.HashData(input);
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> input = stackalloc byte[1 + 2 * HashSize];
        input[0] = 0x01;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + HashSize)..]);
        return SHA256.HashData(input);
    }

    /// <summary>The hash of the empty tree, SHA-256 of nothing.</summary>
    public static byte[] EmptyRoot() => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>The largest power of two strictly below n (n &gt; 1).</summary>
    internal static long SplitPoint(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));

    /// <summary>The ranges whose hashes make the audit path of leaf m in a tree of n leaves (RFC 9162
    /// 2.1.3.1, PATH), nearest the leaf first.</summary>
    public static IReadOnlyList<TreeRange> InclusionRanges(long m, long n)
    {
        if (n < 1 || m < 0 || m >= n) throw new ArgumentOutOfRangeException(nameof(m), $"Leaf {m} is not in a tree of {n}.");
        var path = new List<TreeRange>();
        long start = 0, size = n;
        while (size > 1)
        {
            var k = SplitPoint(size);
            if (m - start < k)
            {
                path.Add(new TreeRange(start + k, size - k));
                size = k;
            }
            else
            {
                path.Add(new TreeRange(start, k));
                start += k;
                size -= k;
            }
        }
        path.Reverse();
        return path;
    }

    /// <summary>The ranges whose hashes prove a tree of m leaves a prefix of one of n (RFC 9162 2.1.4.1,
    /// PROOF), in the order of the proof.</summary>
    public static IReadOnlyList<TreeRange> ConsistencyRanges(long m, long n)
    {
        if (m < 1 || m > n) throw new ArgumentOutOfRangeException(nameof(m), $"No consistency proof from {m} to {n}.");
        var proof = new List<TreeRange>();
        long start = 0, size = n, first = m;
        var whole = true;
        while (first != size)
        {
            var k = SplitPoint(size);
            if (first <= k)
            {
                proof.Add(new TreeRange(start + k, size - k));
                size = k;
            }
            else
            {
                proof.Add(new TreeRange(start, k));
                start += k;
                size -= k;
                first -= k;
                whole = false;
            }
        }
        if (!whole) proof.Add(new TreeRange(start, size));
        proof.Reverse();
        return proof;
    }

    /// <summary>The complete subtrees whose hashes make up the hash of a range, left to right.</summary>
    public static IEnumerable<TreeNode> NodesOf(TreeRange range)
    {
        long start = range.Start, size = range.Size;
        while (size > 0)
        {
            // The largest complete subtree that starts here and fits.
            var level = BitOperations.Log2((ulong)size);
            if (start != 0) level = Math.Min(level, BitOperations.TrailingZeroCount(start));
            yield return new TreeNode(level, start >> level);
            start += 1L << level;
            size -= 1L << level;
        }
    }

    /// <summary>The hash of a range from the hashes of its complete subtrees (as <see cref="NodesOf"/>
    /// lists them), split as RFC 9162 splits: the right edge folds from the right.</summary>
    public static byte[] HashOf(TreeRange range, Func<TreeNode, byte[]> node)
    {
        if (range.Size == 0) return EmptyRoot();
        var nodes = NodesOf(range).ToList();
        var hash = node(nodes[^1]);
        for (var i = nodes.Count - 2; i >= 0; i--) hash = NodeHash(node(nodes[i]), hash);
        return hash;
    }

    /// <summary>RFC 9162 2.1.3.2: does the path lead from the leaf hash at index to the root of a tree of size?</summary>
    public static bool VerifyInclusion(long index, long size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> path, ReadOnlySpan<byte> root)
    {
        if (index < 0 || index >= size) return false;
        long fn = index, sn = size - 1;
        var r = leafHash.ToArray();
        foreach (var p in path)
        {
            if (p.Length != HashSize || sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                r = NodeHash(p, r);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                r = NodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    /// <summary>RFC 9162 2.1.4.2: is the tree of size first (root firstRoot) a prefix of the tree of size
    /// second (root secondRoot)?</summary>
    public static bool VerifyConsistency(long first, long second, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot, IReadOnlyList<byte[]> proof)
    {
        if (first < 1 || first > second) return false;
        if (first == second) return proof.Count == 0 && firstRoot.SequenceEqual(secondRoot);
        if (proof.Count == 0 || proof.Any(p => p.Length != HashSize)) return false;
        var path = new List<byte[]>(proof);
        if (BitOperations.IsPow2(first)) path.Insert(0, firstRoot.ToArray());
        long fn = first - 1, sn = second - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path[0], sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = NodeHash(c, fr);
                sr = NodeHash(c, sr);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                sr = NodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return fr.AsSpan().SequenceEqual(firstRoot) && sr.AsSpan().SequenceEqual(secondRoot) && sn == 0;
    }
}

/// <summary>Leaves [Start, Start + Size) of the tree.</summary>
public readonly record struct TreeRange(long Start, long Size);

/// <summary>A complete subtree: 2^Level leaves from Index * 2^Level. Stored under one number, <see cref="Key"/>.</summary>
public readonly record struct TreeNode(int Level, long Index)
{
    public long Key => ((long)Level << 56) | Index;

    public static TreeNode FromKey(long key) => new((int)(key >> 56), key & ((1L << 56) - 1));
}
