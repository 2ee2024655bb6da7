using Ecp.Common;
using Ecp.Features.Drafts;

namespace Ecp.Features.AnnualReports;

/// <summary>One field a revision changed, word by word against the revision before it.</summary>
public sealed record FieldChange(string Field, IReadOnlyList<WordPieceView> Words);

/// <summary>
/// What a correction changed: each field that differs from the previous revision, word by word
/// (the same comparison as between document versions). A list field (issues, involvement,
/// outcomes, indicators) is compared as its items, one a line.
/// </summary>
public static class RevisionDiff
{
    public static IReadOnlyList<FieldChange> Compare(ReportContent before, ReportContent after)
    {
        var fields = new (string Field, Func<ReportContent, string> Text)[]
        {
            ("activities", c => c.Activities ?? ""),
            ("issuesAddressed", c => string.Join("\n", c.IssuesAddressed)),
            ("stakeholderInvolvement", c => string.Join("\n", c.StakeholderInvolvement.Select(i => $"{i.StakeholderGroup}: {i.How}"))),
            ("outcomes", c => string.Join("\n", c.Outcomes.Select(o => string.Join(" ", new[] { o.Title, o.Url, o.Symbol }.OfType<string>())))),
            ("indicators", c => string.Join("\n", c.Indicators.Select(i => $"{i.Name}: {i.Value} {i.Unit}"))),
            ("difficulties", c => c.Difficulties ?? ""),
            ("plans", c => c.Plans ?? ""),
        };
        return fields
            .Select(f => (f.Field, Before: f.Text(before), After: f.Text(after)))
            .Where(f => f.Before != f.After)
            .Select(f => new FieldChange(f.Field, VersionDiff.Words(f.Before, f.After).Select(w => new WordPieceView(w.Text, w.Change.ToCode())).ToList()))
            .ToList();
    }
}
