namespace Ecp.Features.Record;

/// <summary>Settings under "Ecp:TransparencyLog": the Merkle tree over the record and its signed checkpoints.</summary>
public sealed class TransparencyLogOptions
{
    /// <summary>Whether this node builds the tree and signs checkpoints in the background (one node of
    /// a cluster at a time, under a lease). Proofs are served either way.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The log's name, first line of every checkpoint and the signing key's name: a
    /// schema-less URL that names this deployment, e.g. "ecp.example.org/record".</summary>
    public string Origin { get; set; } = "ecp.local/record";

    /// <summary>The Ed25519 signing key file; made on first start when missing. Every node of a
    /// cluster must be given the same file. Default: beside the SQLite file, or "ecp.record-key"
    /// in the working directory with PostgreSQL.</summary>
    public string? KeyPath { get; set; }

    /// <summary>A checkpoint is signed at least this often while the record grows.</summary>
    public int CheckpointMinutes { get; set; } = 10;

    /// <summary>How often the tree follows the record.</summary>
    public double PollSeconds { get; set; } = 1;
}
