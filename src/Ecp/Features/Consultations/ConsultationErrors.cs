using Ecp.Common;

namespace Ecp.Features.Consultations;

// Every expected failure of consultations and contributions, typed: the code and the message
// key are written here once, and the problem details (or the page's message) come from them.

public sealed record ConsultationNotFound() : NotFoundError("Consultation.NotFound");

public sealed record ContributionNotFound() : NotFoundError("Contribution.NotFound");

/// <summary>No such attachment, or one of a hidden contribution that the caller may not see.</summary>
public sealed record AttachmentNotFound() : NotFoundError("Attachment.NotFound");

/// <summary>Only the author changes a contribution.</summary>
public sealed record ContributionNotYours() : ForbiddenError("Contribution.NotYours");

/// <summary>The consultation's eligibility does not admit the contributor's stakeholder group.</summary>
public sealed record ContributorNotEligible() : ForbiddenError("Contribution.NotEligible");

public sealed record ContributionWithdrawn() : ConflictError("contribution-withdrawn", "Contribution.Withdrawn");

public sealed record ContributionAlreadyHidden() : ConflictError("contribution-hidden", "Contribution.AlreadyHidden");

/// <summary>Too late to contribute, edit or withdraw: the consultation closed at <paramref name="ClosedAt"/> (record time).</summary>
public sealed record ConsultationClosed(string ClosedAt) : ConflictError("consultation-closed", "Contribution.ConsultationClosed", ClosedAt);

/// <summary>Too early to contribute: not yet open.</summary>
public sealed record ConsultationNotYetOpen() : ConflictError("consultation-not-open", "Contribution.ConsultationNotOpen");

public sealed record ConsultationNotDraft() : ConflictError("consultation-not-draft", "Consultation.NotDraft");

public sealed record ConsultationClosesInPast() : ConflictError("consultation-closes-in-past", "Consultation.ClosesInPast");

/// <summary>Only an open consultation is extended.</summary>
public sealed record ConsultationNotOpen() : ConflictError("consultation-not-open", "Consultation.NotOpen");

public sealed record ConsultationNotClosed() : ConflictError("consultation-not-closed", "Consultation.NotClosed");

public sealed record ConsultationNotSynthesized() : ConflictError("consultation-not-synthesized", "Consultation.NotSynthesized");
