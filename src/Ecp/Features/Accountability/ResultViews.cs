using Ecp.Features.Drafts;

namespace Ecp.Features.Accountability;

/// <summary>A result in a list: its own status and its progress by the roll-up rule.</summary>
public sealed record ResultSummary(Guid Id, Guid DocumentId, string DocumentSymbol, string? Paragraph, string Title, string Status,
    int? Progress, Guid? ParentId, int Depth, BodyRef Body, int AdoptedYear, DateTimeOffset UpdatedAt);

/// <summary>A result in its document's tree, with its children; progress by the roll-up rule.</summary>
public sealed record ResultNode(Guid Id, string? Paragraph, string Title, string Status, int? Progress, IReadOnlyList<ResultNode> Children);

public sealed record MilestoneView(Guid Id, string Title, DateOnly DueOn, DateOnly? DoneOn);

public sealed record ImplementerView(Guid OrganizationId, string Name);

/// <summary>One result: where it derives from, its status and progress (own and rolled up, with
/// the rule that computes it), its children, milestones, implementers and where its history is.</summary>
public sealed record ResultView(Guid Id, Guid DocumentId, string DocumentSymbol, string DocumentTitle, int AdoptedVersion, string? Paragraph,
    string Title, string Description, string Status, int? OwnProgress, int? Progress, string RollUpRule, Guid? ParentId, int Depth,
    BodyRef Body, int AdoptedYear, IReadOnlyList<ResultNode> Children, IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyList<ImplementerView> Implementers, string RecordHref, DateTimeOffset DefinedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<ResultReportRef> Reports);

/// <summary>A submitted annual performance report that speaks of a result: one of its outcomes links the
/// result's page or names the result's document by its symbol.</summary>
public sealed record ResultReportRef(Guid ReportId, Guid OrganizationId, string Organization, int Year, string Url);

/// <summary>A document's results as a tree.</summary>
public sealed record DocumentResultsView(Guid DocumentId, string RollUpRule, IReadOnlyList<ResultNode> Results);

/// <summary>One body and adoption year of the dashboard: how many results stand in each status.</summary>
public sealed record DashboardRow(BodyRef Body, int Year, int NotStarted, int InProgress, int Completed, int Delayed, int Discontinued)
{
    public int Total => NotStarted + InProgress + Completed + Delayed + Discontinued;
}
