namespace Ecp.Features.AnnualReports;

/// <summary>The record's action names for annual performance reports, as "entity.verb": written by
/// the use cases, read by the projections (the home page's activity), the same constants.</summary>
public static class AnnualReportActions
{
    public const string CycleOpened = "reporting-cycle.opened";
    public const string ExtensionGranted = "reporting-cycle.extension-granted";
    public const string CycleClosed = "reporting-cycle.closed";
    /// <summary>The compilation published or revised: each version's full text is on the record.</summary>
    public const string Compiled = "reporting-cycle.compiled";
    /// <summary>A private draft: the entry carries a reference and the content's hash, never the text.</summary>
    public const string DraftSaved = "report.draft-saved";
    public const string Submitted = "report.submitted";
    public const string Revised = "report.revised";
    /// <summary>A revision's text in another language: public, so its full text is on the record.</summary>
    public const string LanguageVersionAdded = "report.language-version-added";

    /// <summary>The record's entity names: a cycle is found by ("reporting-cycle", year), a report by ("report", id).</summary>
    public const string CycleEntity = "reporting-cycle";
    public const string ReportEntity = "report";
}
