namespace Ecp.Features.Decisions;

/// <summary>The record's action names for decisions, as "entity.verb": written by the use cases,
/// read by the projections (notifications, feeds, the home page's activity), the same constants.</summary>
public static class DecisionActions
{
    public const string Opened = "decision.opened";
    public const string PositionStated = "position.stated";
    public const string AdvisoryViewStated = "advisory-view.stated";
    public const string Closed = "decision.closed";
}
