using Ecp.Common;

namespace Ecp.Features.AnnualReports;

// The expected failures of annual performance reports: one record each, with the code and message
// key the API and the pages show.

public sealed record ReportingCycleNotFound() : NotFoundError("Report.CycleNotFound");

/// <summary>No submitted report under this id (a draft is not a report anyone else may read).</summary>
public sealed record ReportNotFound() : NotFoundError("Report.NotFound");

public sealed record DraftNotFound() : NotFoundError("Report.DraftNotFound");

public sealed record OnlyReporters() : ForbiddenError("Report.OnlyReporters");

public sealed record NotYourOrganization() : ForbiddenError("Report.NotYourOrganization");

/// <summary>The cycle did not request a report from the organization.</summary>
public sealed record NotRequested() : ForbiddenError("Report.NotRequested");

public sealed record CycleYearTaken(int Year) : ConflictError("cycle-year-taken", "Report.CycleYearTaken", Year);

public sealed record CycleNotOpen() : ConflictError("cycle-not-open", "Report.CycleNotOpen");

/// <summary>A submitted report does not change: a correction is a revision with a reason.</summary>
public sealed record ReportAlreadySubmitted() : ConflictError("report-submitted", "Report.AlreadySubmitted");

/// <summary>Closing waits for every requested organization's own deadline.</summary>
public sealed record CycleDeadlinesAhead() : ConflictError("cycle-deadlines-ahead", "Report.DeadlinesAhead");

/// <summary>A compilation is of a closed cycle.</summary>
public sealed record CycleNotClosed() : ConflictError("cycle-not-closed", "Report.CycleNotClosed");

public sealed record CompilationNotFound() : NotFoundError("Report.CompilationNotFound");

public sealed record OnlyReportersOrSecretariat() : ForbiddenError("Report.OnlyReportersOrSecretariat");

/// <summary>A language version of a revision is written once; a better one comes with a correction of the report.</summary>
public sealed record ReportLanguageVersionExists(string Language) : ConflictError("report-language-version-exists", "Report.LanguageVersionExists", Language);
