using Ecp.Common;
using Ecp.Features.Registry;

namespace Ecp.Features.AnnualReports;

/// <summary>
/// An organization's annual performance report for one cycle. The draft is private to the
/// organization (the record carries only its hash); the submission is once, and each submitted
/// revision is immutable: a correction is a new revision with a reason, the earlier kept.
/// </summary>
public sealed class AnnualReport
{
    public const int ReasonMaxLength = 2000;

    private readonly List<ReportRevision> revisions = [];

    private AnnualReport()
    {
    }

    public Guid Id { get; private set; }

    public Guid CycleId { get; private set; }

    public int Year { get; private set; }

    public Guid OrganizationId { get; private set; }

    /// <summary>The private draft, as canonical JSON (<see cref="ReportContent"/>); none once submitted.</summary>
    public string? DraftContent { get; private set; }

    public string? DraftLanguage { get; private set; }

    public DateTimeOffset? DraftSavedAt { get; private set; }

    /// <summary>The report's number in its cycle, in order of submission (cited as [R-n] by the
    /// compilation); none before submission.</summary>
    public int? Number { get; private set; }

    /// <summary>When the first revision was submitted: what counts against the deadline.</summary>
    public DateTimeOffset? SubmittedAt { get; private set; }

    public IReadOnlyList<ReportRevision> Revisions => revisions;

    public bool IsSubmitted => SubmittedAt is not null;

    /// <summary>
    /// The guard of drafting, submitting and revising: only a reporter of that organization, and
    /// only for an organization the cycle requested.
    /// </summary>
    public static Error? UnlessReporterOf(Actor actor, ReportingCycle cycle, Guid organizationId)
    {
        if (!actor.IsAuthenticated) return new UnauthenticatedError();
        if (actor.Role != Role.Reporter || actor.OrganizationId is null) return new OnlyReporters();
        if (actor.OrganizationId != organizationId) return new NotYourOrganization();
        return cycle.RequestOf(organizationId) is null ? new NotRequested() : null;
    }

    /// <summary>The organization's report in the cycle, before anything is saved in it.</summary>
    public static AnnualReport Start(ReportingCycle cycle, Guid organizationId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CycleId = cycle.Id,
        Year = cycle.Year,
        OrganizationId = organizationId,
    };

    /// <summary>Saves the private draft, replacing the last one; refused once submitted.</summary>
    public Result<string> SaveDraft(string language, ReportContent content, DateTimeOffset now)
    {
        if (IsSubmitted) return new ReportAlreadySubmitted();
        DraftContent = content.ToJson();
        DraftLanguage = language;
        DraftSavedAt = now;
        return ReportContent.Hash(DraftContent);
    }

    /// <summary>Submits the report, once, as the cycle's <paramref name="number"/>th: it becomes
    /// revision 1, public and immutable; the draft goes.</summary>
    public Result<ReportRevision> Submit(Actor reporter, int number, string language, ReportContent content, DateTimeOffset now)
    {
        if (IsSubmitted) return new ReportAlreadySubmitted();
        Number = number;
        SubmittedAt = now;
        DraftContent = null;
        DraftLanguage = null;
        DraftSavedAt = null;
        return Add(reporter, language, content, null, now);
    }

    /// <summary>A correction of a submitted report: a new revision with a reason; the earlier ones stay.</summary>
    public Result<ReportRevision> Revise(Actor reporter, string language, ReportContent content, string? reason, DateTimeOffset now)
    {
        if (!IsSubmitted) return new ReportNotFound();
        var check = new Validation().RequiredText("Reason", reason, ReasonMaxLength);
        if (!check.IsValid) return check.ToError();
        return Add(reporter, language, content, reason!.Trim(), now);
    }

    private ReportRevision Add(Actor reporter, string language, ReportContent content, string? reason, DateTimeOffset now)
    {
        var revision = new ReportRevision(Id, revisions.Count + 1, language, content.ToJson(), reason, reporter, now);
        revisions.Add(revision);
        return revision;
    }
}

/// <summary>One submitted version of a report: never changed once written.</summary>
public sealed class ReportRevision
{
    private ReportRevision()
    {
        Language = null!;
        Content = null!;
        ContentHash = null!;
        SubmittedByName = null!;
    }

    internal ReportRevision(Guid reportId, int number, string language, string content, string? reason, Actor reporter, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        ReportId = reportId;
        Number = number;
        TemplateVersion = ReportTemplate.Version;
        Language = language;
        Content = content;
        ContentHash = ReportContent.Hash(content);
        Reason = reason;
        SubmittedById = reporter.PersonId;
        SubmittedByName = reporter.DisplayName;
        SubmittedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ReportId { get; private set; }

    public int Number { get; private set; }

    public int TemplateVersion { get; private set; }

    public string Language { get; private set; }

    /// <summary>The fields as canonical JSON (<see cref="ReportContent"/>).</summary>
    public string Content { get; private set; }

    public string ContentHash { get; private set; }

    /// <summary>Why a correction was made; none for the original submission.</summary>
    public string? Reason { get; private set; }

    public Guid? SubmittedById { get; private set; }

    public string SubmittedByName { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }
}
