using Ecp.Common;

namespace Ecp.Features.Invitations;

// The invitations' expected failures: one record each, its code and message key written once.

public sealed record InvitationNotFound() : NotFoundError("Invitation.NotFound");

public sealed record InvitationUsed() : ConflictError("invitation-used", "Invitation.Used");

public sealed record InvitationExpired() : ConflictError("invitation-expired", "Invitation.Expired");
