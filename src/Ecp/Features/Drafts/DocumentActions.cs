namespace Ecp.Features.Drafts;

/// <summary>The record's action names for documents, their amendments and comments, as "entity.verb": written by the use cases,
/// read by the projections (notifications, feeds, the home page's activity), the same constants.</summary>
public static class DocumentActions
{
    public const string Drafted = "document.drafted";
    public const string VersionCirculated = "document.version-circulated";
    public const string LanguageVersionAdded = "document.language-version-added";
    public const string AmendmentProposed = "amendment.proposed";
    public const string AmendmentAccepted = "amendment.accepted";
    public const string AmendmentRejected = "amendment.rejected";
    public const string AmendmentMerged = "amendment.merged";
    public const string CommentPosted = "comment.posted";

    /// <summary>The action of an amendment's decision.</summary>
    public static string AmendmentDecided(AmendmentStatus decision) => decision switch
    {
        AmendmentStatus.Accepted => AmendmentAccepted,
        AmendmentStatus.Rejected => AmendmentRejected,
        AmendmentStatus.Merged => AmendmentMerged,
        _ => throw new ArgumentOutOfRangeException(nameof(decision)),
    };
}
