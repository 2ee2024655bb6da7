using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Record;

/// <summary>What this node last found to hold (one per node, in memory: each node checks for itself
/// and another node's checkpoint would be a claim to trust, not a check).</summary>
public sealed class RecordVerificationCheckpoint
{
    internal SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The chain up to <c>Sequence</c>, ending in <c>Hash</c>, held at the full check at <c>FullCheckAt</c>.</summary>
    internal (long Sequence, string Hash, DateTimeOffset FullCheckAt)? Verified { get; set; }

    /// <summary>A full check that failed, kept until the next full check is due.</summary>
    internal RecordVerification? Broken { get; set; }
}
