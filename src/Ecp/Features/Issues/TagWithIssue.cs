using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Issues;

/// <summary>The secretariat tags a consultation or a document with an issue: the issue's page lists
/// it and its page links back.</summary>
public sealed class TagWithIssue(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        /// <summary>"consultation" or "document".</summary>
        public string? Subject { get; init; }
        public Guid? SubjectId { get; init; }
    }

    public async Task<Result<IssueTag>> HandleAsync(Actor actor, string issueCode, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        if (await db.Issues.ResolveAsync(issueCode, ct) is not { } issue) return new IssueNotFound();
        if (issue.AcceptsViews() is { } closed) return closed;
        var subject = Codes.Parse<TagSubject>(command.Subject);
        var v = new Validation();
        if (subject is null) v.Add(nameof(Command.Subject), "Issue.TagSubjectInvalid");
        else if (command.SubjectId is not { } id || !await ExistsAsync(subject.Value, id, ct)) v.Add(nameof(Command.SubjectId), "Issue.TagSubjectNotFound");
        if (!v.IsValid) return v.ToError();
        if (await db.IssueTags.AnyAsync(t => t.IssueCode == issue.Code && t.SubjectId == command.SubjectId && t.RemovedAt == null, ct))
        {
            return new AlreadyTagged();
        }
        var tag = new IssueTag(issue.Code, subject!.Value, command.SubjectId!.Value, clock.GetUtcNow());
        db.IssueTags.Add(tag);
        record.Append(actor, IssueActions.Tagged, IssueActions.Entity, issue.Code, new
        {
            issue = issue.Code,
            tagId = tag.Id,
            subject = tag.Subject.ToCode(),
            subjectId = tag.SubjectId,
        });
        await record.SaveAsync(ct);
        return tag;
    }

    private Task<bool> ExistsAsync(TagSubject subject, Guid id, CancellationToken ct) => subject switch
    {
        TagSubject.Consultation => db.Consultations.AnyAsync(c => c.Id == id, ct),
        _ => db.Documents.AnyAsync(d => d.Id == id, ct),
    };
}
