using System.Data.Common;
using System.Globalization;
using System.Text;
using Ecp.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ecp.Features.Record;

/// <summary>
/// The record's Merkle tree (<see cref="MerkleTree"/>) as the database keeps it: a projection of the
/// record that follows it in order, leaf i being SHA-256(0x00 || the UTF-8 download line of entry
/// i + 1), storing the hash of every complete subtree as it completes (<see cref="RecordTreeNode"/>).
/// Its checkpoint is its own size: the last leaf stored.
/// </summary>
public sealed class RecordTree(AppDbContext db)
{
    internal const int BatchSize = 5000;
    private const long LevelOne = 1L << 56;

    private DbSet<RecordTreeNode> Nodes => db.Set<RecordTreeNode>();

    /// <summary>How many entries the tree holds.</summary>
    public async Task<long> SizeAsync(CancellationToken ct = default)
        => await Nodes.Where(n => n.Key < LevelOne).MaxAsync(n => (long?)n.Key, ct) is { } last ? last + 1 : 0;

    /// <summary>Adds the entries the record has and the tree has not, in batches, each in its own
    /// transaction. Two nodes catching up at once cannot both add a leaf: the second one's batch fails
    /// on the key and is rolled back. Returns the tree's size.</summary>
    public async Task<long> CatchUpAsync(CancellationToken ct = default)
    {
        var size = await SizeAsync(ct);
        var head = await db.RecordHeads.AsNoTracking().Select(h => h.Sequence).SingleAsync(ct);
        if (size >= head) return size;
        var frontier = await FrontierAsync(size, ct);
        while (size < head)
        {
            var entries = await db.RecordEntries.AsNoTracking()
                .Where(e => e.Sequence > size && e.Sequence <= size + BatchSize)
                .OrderBy(e => e.Sequence).ToListAsync(ct);
            if (entries.Count == 0 || entries[0].Sequence != size + 1) break; // not yet visible to this reader
            var nodes = new List<RecordTreeNode>(entries.Count * 2);
            foreach (var entry in entries) Add(LeafOf(entry), size++, frontier, nodes);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                await RowInserter.InsertAsync(db, nodes, ct);
                await transaction.CommitAsync(ct);
            }
            catch (DbException)
            {
                // Someone else added them first: theirs are the same hashes.
                await transaction.RollbackAsync(ct);
                return await SizeAsync(ct);
            }
        }
        return size;
    }

    /// <summary>The leaf of an entry: its download line, the bytes a verifier hashes.</summary>
    public static byte[] LeafOf(RecordEntry entry)
        => MerkleTree.LeafHash(Encoding.UTF8.GetBytes(RecordCanonicalForm.ToDownloadLine(entry)));

    /// <summary>Adds leaf index to the tree: stores it and every subtree it completes. frontier[level]
    /// holds the hash of the complete left subtree at that level still waiting for its right sibling.</summary>
    internal static void Add(byte[] leaf, long index, byte[]?[] frontier, List<RecordTreeNode> nodes)
    {
        var hash = leaf;
        var level = 0;
        nodes.Add(new RecordTreeNode(new TreeNode(0, index), hash));
        while ((index & 1) == 1)
        {
            hash = MerkleTree.NodeHash(frontier[level]!, hash);
            frontier[level] = null;
            index >>= 1;
            level++;
            nodes.Add(new RecordTreeNode(new TreeNode(level, index), hash));
        }
        frontier[level] = hash;
    }

    private async Task<byte[]?[]> FrontierAsync(long size, CancellationToken ct)
    {
        var frontier = new byte[]?[64];
        var wanted = Enumerable.Range(0, 63).Where(l => ((size >> l) & 1) == 1).Select(l => new TreeNode(l, (size >> l) - 1)).ToList();
        var found = await LoadAsync(wanted, ct) ?? throw new InvalidOperationException("The record's tree is missing a node it should hold.");
        foreach (var node in wanted) frontier[node.Level] = found[node];
        return frontier;
    }

    /// <summary>The hashes of ranges of a tree no larger than this one, each from its stored complete
    /// subtrees, read in one query.</summary>
    public async Task<IReadOnlyList<byte[]>> HashesAsync(IReadOnlyList<TreeRange> ranges, CancellationToken ct = default)
        => await TryHashesAsync(ranges, ct) ?? throw new InvalidOperationException("The record's tree is missing a node it should hold.");

    /// <summary>As <see cref="HashesAsync"/>, or null when a range reaches past the tree: its last
    /// complete subtree, the one holding its last leaf, is not stored yet. One query, so a proof
    /// needs no separate read of the tree's size.</summary>
    public async Task<IReadOnlyList<byte[]>?> TryHashesAsync(IReadOnlyList<TreeRange> ranges, CancellationToken ct = default)
    {
        var found = await LoadAsync(ranges.SelectMany(MerkleTree.NodesOf).Distinct().ToList(), ct);
        return found is null ? null : ranges.Select(r => MerkleTree.HashOf(r, n => found[n])).ToList();
    }

    public async Task<byte[]> RootAsync(long size, CancellationToken ct = default)
        => (await HashesAsync([new TreeRange(0, size)], ct))[0];

    /// <summary>The stored hashes of those subtrees, or null if one is not stored. One plain query
    /// (the keys are numbers, written into it), read with a data reader: a proof is a few dozen
    /// rows, and the query pipeline and materializer of EF Core cost more than the database does.</summary>
    private async Task<Dictionary<TreeNode, byte[]>?> LoadAsync(IReadOnlyCollection<TreeNode> nodes, CancellationToken ct)
    {
        var found = new Dictionary<TreeNode, byte[]>(nodes.Count);
        if (nodes.Count == 0) return found;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"""SELECT "Key", "Hash" FROM "{db.Model.FindEntityType(typeof(RecordTreeNode))!.GetTableName()}" WHERE "Key" IN ({string.Join(',', nodes.Select(n => n.Key.ToString(CultureInfo.InvariantCulture)))})""";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) found[TreeNode.FromKey(reader.GetInt64(0))] = reader.GetFieldValue<byte[]>(1);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return found.Count == nodes.Count ? found : null;
    }
}
