namespace Ecp.Features.Issues;

/// <summary>The record's action names for the issue map, as "entity.verb": written by the use
/// cases, read by the projections (the home page's activity, the issue's history).</summary>
public static class IssueActions
{
    public const string Added = "issue.added";
    public const string Renamed = "issue.renamed";
    public const string Merged = "issue.merged";
    public const string Retired = "issue.retired";
    public const string ScopeAssessed = "scope-assessment.recorded";
    public const string MappingProposed = "mapping-proposal.made";
    public const string MappingProposalAccepted = "mapping-proposal.accepted";
    public const string MappingProposalRejected = "mapping-proposal.rejected";
    public const string Tagged = "issue-tag.added";
    public const string Untagged = "issue-tag.removed";

    /// <summary>The record's entity name for an issue: entries about it are found by ("issue", code).</summary>
    public const string Entity = "issue";
}
