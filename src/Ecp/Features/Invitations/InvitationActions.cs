namespace Ecp.Features.Invitations;

/// <summary>The record's action names for invitations, as "entity.verb": written by the use cases,
/// read by the projections (notifications, feeds, the home page's activity), the same constants.</summary>
public static class InvitationActions
{
    public const string Issued = "invitation.issued";
    public const string Accepted = "invitation.accepted";
}
