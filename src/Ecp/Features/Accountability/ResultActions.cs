namespace Ecp.Features.Accountability;

/// <summary>The record's action names for results, as "entity.verb": written by the use cases,
/// read by the projections (the home page's activity, a result's history).</summary>
public static class ResultActions
{
    public const string Defined = "result.defined";
    public const string StatusUpdated = "result.status-updated";
    public const string MilestoneAdded = "result.milestone-added";
    public const string MilestoneCompleted = "result.milestone-completed";
    public const string ImplementersAssigned = "result.implementers-assigned";

    /// <summary>The record's entity name for a result: entries about it are found by ("result", id).</summary>
    public const string Entity = "result";
}
