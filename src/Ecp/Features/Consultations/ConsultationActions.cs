namespace Ecp.Features.Consultations;

/// <summary>The record's action names for consultations and contributions, as "entity.verb": written by the use cases,
/// read by the projections (notifications, feeds, the home page's activity), the same constants.</summary>
public static class ConsultationActions
{
    public const string Drafted = "consultation.drafted";
    public const string Opened = "consultation.opened";
    public const string Extended = "consultation.extended";
    public const string Synthesized = "consultation.synthesized";
    public const string Presented = "consultation.presented";
    public const string ContributionSubmitted = "contribution.submitted";
    public const string ContributionEdited = "contribution.edited";
    public const string ContributionWithdrawn = "contribution.withdrawn";
    public const string ContributionHidden = "contribution.hidden";
    public const string AttachmentAdded = "contribution.attachment-added";
}
