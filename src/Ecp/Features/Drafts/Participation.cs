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

    /// <summary>Whether the actor may comment and amend (what a page asks before showing the forms).</summary>
    public static bool CanParticipate(Actor actor) => GroupOf(actor).IsSuccess;
}
