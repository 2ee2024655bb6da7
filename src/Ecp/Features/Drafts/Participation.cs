using Ecp.Common;
using Ecp.Features.Registry;

namespace Ecp.Features.Drafts;

/// <summary>Who may comment on and amend a draft: accredited delegates and stakeholders, each
/// under their stakeholder group (a delegate's group is Government).</summary>
internal static class Participation
{
    public static Result<StakeholderGroup> GroupOf(Actor actor) => actor switch
    {
        { IsAuthenticated: false } => new UnauthenticatedError(),
        { ParticipantGroup: { } group } => group,
        _ => new OnlyParticipants(),
    };
}
