using Ecp.Common;

namespace Ecp.Features.Issues;

// The expected failures of the issue map: one record each, with the code and message key the
// API and the pages show.

public sealed record IssueNotFound() : NotFoundError("Issue.NotFound");

public sealed record MappingProposalNotFound() : NotFoundError("Issue.ProposalNotFound");

public sealed record IssueTagNotFound() : NotFoundError("Issue.TagNotFound");

public sealed record OnlyParticipantsAssess() : ForbiddenError("Issue.OnlyParticipantsAssess");

public sealed record OnlyParticipantsPropose() : ForbiddenError("Issue.OnlyParticipantsPropose");

/// <summary>A merged or retired issue takes no new assessment, mapping, tag or name.</summary>
public sealed record IssueNotActive() : ConflictError("issue-not-active", "Issue.NotActive");

public sealed record IssueCodeTaken(string Code) : ConflictError("issue-code-taken", "Issue.CodeTaken", Code);

public sealed record ProposalDecided() : ConflictError("proposal-decided", "Issue.ProposalDecided");

/// <summary>The mapping a proposal would change was removed or changed since it was proposed.</summary>
public sealed record MappingGone() : ConflictError("mapping-gone", "Issue.MappingGone");

public sealed record AlreadyTagged() : ConflictError("already-tagged", "Issue.AlreadyTagged");
