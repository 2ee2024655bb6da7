namespace Ecp.Features.AnnualReports;

// The read models of annual performance reports (ReportQueries), as the API shows them. Only
// submitted revisions are public; a draft is read by its own organization's reporters alone.

/// <summary>A cycle in the list: how many organizations it requested, how many submitted, and how many stand
/// on time, late, missing or still awaited, computed from the clock.</summary>
public sealed record CycleSummary(int Year, DateTimeOffset OpensAt, DateTimeOffset Deadline, string State, int Requested, int Submitted,
    int OnTime, int Late, int Missing, int Awaited);

/// <summary>One requested organization's row of a cycle's compliance table, computed at <see cref="CycleView.ComputedAt"/>.</summary>
public sealed record ComplianceRow(Guid OrganizationId, string OrganizationName, string? Acronym, DateTimeOffset Deadline,
    bool ExtensionGranted, string? ExtensionReason, string Status, int? DaysLate, DateTimeOffset? SubmittedAt, Guid? ReportId);

public sealed record CycleView(Guid Id, int Year, DateTimeOffset OpensAt, DateTimeOffset Deadline, string State, DateTimeOffset ComputedAt,
    IReadOnlyList<ComplianceRow> Compliance);

/// <summary>A submitted revision; <see cref="Changes"/>: what it changed from the one before (none for the first).</summary>
public sealed record RevisionView(int Number, int TemplateVersion, string Language, DateTimeOffset SubmittedAt, string SubmittedBy, string? Reason,
    string ContentHash, ReportContent Content, IReadOnlyList<FieldChange> Changes);

/// <summary>A submitted report: the standing (on time or late, by its first submission), the current
/// revision, and every revision, oldest first.
/// <see cref="LanguageVersions"/>: the current revision in other languages; <see cref="MissingLanguages"/>: the UN languages it is not in yet.</summary>
public sealed record ReportView(Guid Id, int Year, Guid OrganizationId, string OrganizationName, DateTimeOffset Deadline, DateTimeOffset SubmittedAt,
    string Status, int? DaysLate, RevisionView Current, IReadOnlyList<RevisionView> Revisions, IReadOnlyList<LanguageVersionView> LanguageVersions,
    IReadOnlyList<string> MissingLanguages, int? Number = null);

/// <summary>A revision of a report in another language: the original's structure, that language's words.</summary>
public sealed record LanguageVersionView(int Revision, string Language, DateTimeOffset AddedAt, string AddedBy, string ContentHash, ReportContent Content);

/// <summary>The organization's private draft, for its reporters.</summary>
public sealed record DraftView(Guid ReportId, int Year, Guid OrganizationId, string Language, DateTimeOffset SavedAt, string ContentHash, ReportContent Content);

/// <summary>An organization's standing in one year, for the comparison across years.</summary>
public sealed record OrganizationYear(int Year, DateTimeOffset Deadline, bool ExtensionGranted, string Status, int? DaysLate, Guid? ReportId, int Revisions);

/// <summary>One year of an organization's comparison: its standing and, where it submitted, the current revision's content.</summary>
public sealed record ComparedYear(OrganizationYear Standing, string? Language, ReportContent? Content);

/// <summary>One indicator (name and unit) over the years of a comparison: a value per year, in the order of
/// <see cref="ReportComparison.Years"/>; none where that year's report did not give it.</summary>
public sealed record IndicatorSeries(string Name, string Unit, IReadOnlyList<string?> Values);

/// <summary>An organization's reports side by side across the years that requested it, oldest first.</summary>
public sealed record ReportComparison(Guid OrganizationId, string OrganizationName, string? Acronym, IReadOnlyList<ComparedYear> Years,
    IReadOnlyList<IndicatorSeries> Indicators);

/// <summary>A submitted report of a compiled cycle, and whether the compilation cites it (as [R-<see cref="Number"/>]).</summary>
public sealed record CompiledReport(int Number, Guid ReportId, Guid OrganizationId, string OrganizationName, bool Cited);

/// <summary>An earlier version of a compilation, from the record entry that published it.</summary>
public sealed record CompilationVersionView(int Version, DateTimeOffset PublishedAt, long Sequence, string Markdown, string Html);

/// <summary>A cycle's compilation: the current version, every submitted report cited or not, and the earlier versions, newest first.</summary>
public sealed record CompilationView(int Year, string State, int Version, string Markdown, string Html, DateTimeOffset PublishedAt,
    IReadOnlyList<int> Cited, IReadOnlyList<CompiledReport> Reports, IReadOnlyList<CompilationVersionView> EarlierVersions);

/// <summary>One organization's standing in one year of the grid; a year that did not request it has no cell.</summary>
public sealed record GridCell(int Year, string Status, int? DaysLate, bool ExtensionGranted, Guid? ReportId);

public sealed record GridRow(Guid OrganizationId, string OrganizationName, string? Acronym, IReadOnlyList<GridCell> Cells);

/// <summary>The organization x year grid: a page of the organizations ever requested, by name, and every
/// cycle's year; <see cref="NextAfter"/> is the cursor of the next page (the last organization's id).</summary>
public sealed record ComplianceGrid(IReadOnlyList<int> Years, IReadOnlyList<GridRow> Rows, DateTimeOffset ComputedAt, Guid? NextAfter, string? Next);
