namespace Ecp.Features.Assessments;

/// <summary>The record's action names for assessment rounds, as "entity.verb": written by the use cases,
/// read by the projections (the home page's activity), the same constants.</summary>
public static class AssessmentActions
{
    public const string Opened = "assessment.opened";
    public const string RatingRecorded = "rating.recorded";
    public const string Closed = "assessment.closed";
}
