using Ecp.Common;

namespace Ecp.Features.Decisions;

// The expected failures of decisions by consensus: one record each, with the code and message
// key the API and the pages show.

public sealed record DecisionNotFound() : NotFoundError("Decision.NotFound");

public sealed record OnlyDelegates() : ForbiddenError("Decision.OnlyDelegates");

public sealed record NotAMember() : ForbiddenError("Decision.NotAMember");

public sealed record OnlyStakeholdersAdvise() : ForbiddenError("Decision.OnlyStakeholdersAdvise");

public sealed record DecisionClosed() : ConflictError("decision-closed", "Decision.Closed");

/// <summary>A decision is already open on the document: its text stands still until it closes.</summary>
public sealed record DecisionOpen() : ConflictError("decision-open", "Document.DecisionOpen");

public sealed record ObjectionStands(int Objections) : ConflictError("objection-stands", "Decision.ObjectionStands", Objections);

public sealed record NoObjectionStands() : ConflictError("no-objection", "Decision.NoObjectionStands");
