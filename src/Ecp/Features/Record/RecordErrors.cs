using Ecp.Common;

namespace Ecp.Features.Record;

// The expected failures of the record's transparency log: one record each, with the code and message key the API shows.

public sealed record CheckpointNotFound(long Size) : NotFoundError("Record.CheckpointNotFound", Size);

public sealed record NoCheckpointYet() : NotFoundError("Record.NoCheckpointYet");

public sealed record RecordEmpty() : ConflictError("record-empty", "Record.Empty");

/// <summary>A proof asked of a tree larger than the one the log holds so far.</summary>
public sealed record TreeTooSmall(long Asked, long Size) : ConflictError("tree-too-small", "Record.TreeTooSmall", Asked, Size);
