namespace Ecp.Features.Issues;

/// <summary>A consultation or a document tagged with an issue by the secretariat: the issue's page
/// lists it, its page links back. Removing a tag keeps the row (and the record says who, when).</summary>
public sealed class IssueTag
{
    private IssueTag()
    {
    }

    public IssueTag(string issueCode, TagSubject subject, Guid subjectId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        IssueCode = issueCode;
        Subject = subject;
        SubjectId = subjectId;
        TaggedAt = now;
    }

    public Guid Id { get; private set; }

    public string IssueCode { get; private set; } = "";

    public TagSubject Subject { get; private set; }

    public Guid SubjectId { get; private set; }

    public DateTimeOffset TaggedAt { get; private set; }

    public DateTimeOffset? RemovedAt { get; private set; }

    public bool IsActive => RemovedAt is null;

    public void Remove(DateTimeOffset now) => RemovedAt ??= now;
}
