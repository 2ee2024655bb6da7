using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecp.Features.Record;

/// <summary>The hash of one complete subtree of the record's Merkle tree (<see cref="TreeNode"/>),
/// kept so that a proof never recomputes from the leaves. Leaves are level 0; the tree of n entries
/// keeps fewer than 2n of them.</summary>
public sealed class RecordTreeNode
{
    private RecordTreeNode()
    {
        Hash = null!;
    }

    public RecordTreeNode(TreeNode node, byte[] hash)
    {
        Key = node.Key;
        Hash = hash;
    }

    /// <summary><see cref="TreeNode.Key"/>: the level in the top byte, the index below.</summary>
    public long Key { get; private set; }

    public byte[] Hash { get; private set; }
}

/// <summary>A signed tree head of the record: the C2SP checkpoint of its first <see cref="Size"/>
/// entries. Every checkpoint made is kept.</summary>
public sealed class RecordCheckpoint
{
    private RecordCheckpoint()
    {
        RootHash = null!;
        Note = null!;
    }

    public RecordCheckpoint(long size, byte[] rootHash, DateTimeOffset time, string note)
    {
        Size = size;
        RootHash = rootHash;
        Time = time;
        Note = note;
    }

    public long Size { get; private set; }

    public byte[] RootHash { get; private set; }

    public DateTimeOffset Time { get; private set; }

    /// <summary>The signed note, exactly as served (C2SP tlog-checkpoint in a C2SP signed-note).</summary>
    public string Note { get; private set; }
}

internal sealed class RecordTreeNodeConfiguration : IEntityTypeConfiguration<RecordTreeNode>
{
    public void Configure(EntityTypeBuilder<RecordTreeNode> b)
    {
        b.HasKey(n => n.Key);
        b.Property(n => n.Key).ValueGeneratedNever();
        b.Property(n => n.Hash).HasMaxLength(MerkleTree.HashSize);
    }
}

internal sealed class RecordCheckpointConfiguration : IEntityTypeConfiguration<RecordCheckpoint>
{
    public void Configure(EntityTypeBuilder<RecordCheckpoint> b)
    {
        b.HasKey(c => c.Size);
        b.Property(c => c.Size).ValueGeneratedNever();
        b.Property(c => c.RootHash).HasMaxLength(MerkleTree.HashSize);
        b.Property(c => c.Note).HasMaxLength(2000);
        b.HasIndex(c => c.Time);
    }
}
