using Ecp.Common;

namespace Ecp.Features.Accountability;

// The expected failures of accountability: one record each, with the code and message key the
// API and the pages show.

public sealed record ResultNotFound() : NotFoundError("Result.NotFound");

public sealed record MilestoneNotFound() : NotFoundError("Result.MilestoneNotFound");

/// <summary>Results derive only from a document adopted by consensus.</summary>
public sealed record DocumentNotAdopted() : ConflictError("document-not-adopted", "Result.DocumentNotAdopted");

public sealed record MilestoneDone() : ConflictError("milestone-done", "Result.MilestoneDone");
