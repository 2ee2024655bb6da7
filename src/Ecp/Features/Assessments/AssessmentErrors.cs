using Ecp.Common;

namespace Ecp.Features.Assessments;

// The expected failures of assessment rounds: one record each, with the code and message key the
// API and the pages show.

public sealed record AssessmentNotFound() : NotFoundError("Assessment.NotFound");

public sealed record OnlyParticipantsRate() : ForbiddenError("Assessment.OnlyParticipants");

public sealed record AssessmentClosed() : ConflictError("assessment-closed", "Assessment.Closed");
