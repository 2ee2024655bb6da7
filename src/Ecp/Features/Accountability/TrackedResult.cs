using Ecp.Common;

namespace Ecp.Features.Accountability;

/// <summary>Where a result stands: the small set the dashboard counts by.</summary>
public enum ResultStatus
{
    NotStarted,
    InProgress,
    Completed,
    Delayed,
    Discontinued,
}

/// <summary>
/// A result derived from an adopted outcome: the whole document or one paragraph of its adopted
/// version, tracked by the secretariat with its implementing organizations and milestones. Results
/// nest under a parent of the same document (at most <see cref="MaxDepth"/> levels); a parent's
/// progress is never stated, it rolls up from its children (<see cref="ResultRollUp"/>). The
/// parent is fixed when the result is defined and must already exist, so no cycle can form.
/// </summary>
public sealed class TrackedResult
{
    public const int TitleMaxLength = 300;
    public const int DescriptionMaxLength = 4000;
    public const int ReasonMaxLength = 2000;
    public const int MaxDepth = 3;
    public const int MaxImplementers = 50;

    private readonly List<Milestone> milestones = [];

    private TrackedResult()
    {
    }

    public Guid Id { get; private set; }

    public Guid DocumentId { get; private set; }

    /// <summary>The body that adopted the document, for the dashboard.</summary>
    public Guid BodyId { get; private set; }

    /// <summary>The year the document was adopted (its decision closed), for the dashboard.</summary>
    public int AdoptedYear { get; private set; }

    /// <summary>The adopted version, whose paragraph numbers <see cref="Paragraph"/> refers to.</summary>
    public int AdoptedVersion { get; private set; }

    /// <summary>A paragraph number of the adopted version, or null for the whole document.</summary>
    public string? Paragraph { get; private set; }

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    public Guid? ParentId { get; private set; }

    /// <summary>1 for a result without parent, its parent's depth + 1 otherwise.</summary>
    public int Depth { get; private set; }

    public ResultStatus Status { get; private set; }

    /// <summary>A leaf's own progress in percent, as the secretariat last stated it.</summary>
    public int? Progress { get; private set; }

    public DateTimeOffset DefinedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<Milestone> Milestones => milestones;

    /// <summary>Defines a result on an adopted document; <paramref name="parent"/>, when given, is
    /// of the same document and not at the deepest level.</summary>
    public static Result<TrackedResult> Define(AdoptedDocument document, string? paragraph, string? title, string? description,
        TrackedResult? parent, DateTimeOffset now)
    {
        var v = new Validation()
            .RequiredText("Title", title, TitleMaxLength)
            .MaxLength("Description", description, DescriptionMaxLength);
        var number = string.IsNullOrWhiteSpace(paragraph) ? null : paragraph.Trim();
        if (number is not null && !document.Paragraphs.Contains(number)) v.Add("Paragraph", "Result.ParagraphUnknown", number);
        if (parent is not null && parent.DocumentId != document.Id) v.Add("Parent", "Result.ParentOtherDocument");
        else if (parent is not null && parent.Depth >= MaxDepth) v.Add("Parent", "Result.TooDeep", MaxDepth);
        if (!v.IsValid) return v.ToError();
        return new TrackedResult
        {
            Id = Guid.CreateVersion7(now),
            DocumentId = document.Id,
            BodyId = document.BodyId,
            AdoptedYear = document.AdoptedYear,
            AdoptedVersion = document.Version,
            Paragraph = number,
            Title = title!.Trim(),
            Description = description?.Trim() ?? "",
            ParentId = parent?.Id,
            Depth = (parent?.Depth ?? 0) + 1,
            Status = ResultStatus.NotStarted,
            DefinedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>A new status, and for a leaf its progress (0-100), with the reason that goes on the
    /// record. A result with children takes no progress of its own: it rolls up.</summary>
    public Error? Update(ResultStatus? status, int? progress, string? reason, bool hasChildren, DateTimeOffset now)
    {
        var v = new Validation().RequiredText("Reason", reason, ReasonMaxLength);
        if (status is null) v.Add("Status", "Validation.Required");
        if (progress is < 0 or > 100) v.Add("Progress", "Result.ProgressRange");
        else if (progress is not null && hasChildren) v.Add("Progress", "Result.ProgressRollsUp");
        if (!v.IsValid) return v.ToError();
        Status = status!.Value;
        Progress = hasChildren ? null : progress ?? Progress;
        UpdatedAt = now;
        return null;
    }

    public Result<Milestone> AddMilestone(string? title, DateOnly? dueOn, DateTimeOffset now)
    {
        var v = new Validation().RequiredText("Title", title, TitleMaxLength);
        if (dueOn is null) v.Add("DueOn", "Validation.Required");
        if (!v.IsValid) return v.ToError();
        var milestone = new Milestone(Guid.CreateVersion7(now), Id, title!.Trim(), dueOn!.Value);
        milestones.Add(milestone);
        UpdatedAt = now;
        return milestone;
    }

    public Result<Milestone> CompleteMilestone(Guid milestoneId, DateOnly doneOn, DateTimeOffset now)
    {
        if (milestones.FirstOrDefault(m => m.Id == milestoneId) is not { } milestone) return new MilestoneNotFound();
        if (milestone.DoneOn is not null) return new MilestoneDone();
        milestone.Complete(doneOn);
        UpdatedAt = now;
        return milestone;
    }

    public void Touch(DateTimeOffset now) => UpdatedAt = now;
}

/// <summary>A dated step of a result; done once its done date is set.</summary>
public sealed class Milestone
{
    private Milestone()
    {
    }

    internal Milestone(Guid id, Guid resultId, string title, DateOnly dueOn)
    {
        Id = id;
        ResultId = resultId;
        Title = title;
        DueOn = dueOn;
    }

    public Guid Id { get; private set; }

    public Guid ResultId { get; private set; }

    public string Title { get; private set; } = "";

    public DateOnly DueOn { get; private set; }

    public DateOnly? DoneOn { get; private set; }

    internal void Complete(DateOnly doneOn) => DoneOn = doneOn;
}

/// <summary>An organization of the registry that implements a result.</summary>
public sealed class ResultImplementer
{
    private ResultImplementer()
    {
    }

    public ResultImplementer(Guid resultId, Guid organizationId)
    {
        ResultId = resultId;
        OrganizationId = organizationId;
    }

    public Guid ResultId { get; private set; }

    public Guid OrganizationId { get; private set; }
}

/// <summary>What a result needs to know of the adopted document it derives from: the body and
/// year of its adoption, the adopted version and that version's paragraph numbers.</summary>
public sealed record AdoptedDocument(Guid Id, Guid BodyId, int AdoptedYear, int Version, IReadOnlySet<string> Paragraphs);
