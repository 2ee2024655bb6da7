namespace Ecp.Features.Bodies;

/// <summary>The record's action names for bodies, as "entity.verb": written by the use cases,
/// read by the projections (notifications, feeds, the home page's activity), the same constants.</summary>
public static class BodyActions
{
    public const string Established = "body.established";
}
