using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Issues;

/// <summary>The secretariat removes a tag; the record keeps that it was there.</summary>
public sealed class UntagIssue(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public async Task<Result<IssueTag>> HandleAsync(Actor actor, string issueCode, Guid tagId, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        if (await db.Issues.ResolveAsync(issueCode, ct) is not { } issue) return new IssueNotFound();
        var tag = await db.IssueTags.FirstOrDefaultAsync(t => t.Id == tagId && t.IssueCode == issue.Code && t.RemovedAt == null, ct);
        if (tag is null) return new IssueTagNotFound();
        tag.Remove(clock.GetUtcNow());
        record.Append(actor, IssueActions.Untagged, IssueActions.Entity, issue.Code, new
        {
            issue = issue.Code,
            tagId = tag.Id,
            subject = tag.Subject.ToCode(),
            subjectId = tag.SubjectId,
        });
        await record.SaveAsync(ct);
        return tag;
    }
}
