using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Issues;

/// <summary>
/// The secretariat merges an issue into another. The merged issue's links and id lead to its
/// successor from then on; its mappings, proposals, scope assessments and tags move there. Where
/// a voice had assessed both, its later assessment stands and the other is superseded; where an
/// organization, document or instrument was mapped to both, or a subject tagged with both, one
/// stays. History (superseded assessments, removed mappings) moves too, so nothing is lost.
/// </summary>
public sealed class MergeIssue(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        /// <summary>The code of the issue it becomes part of.</summary>
        public string? Into { get; init; }
        public string? Reason { get; init; }
    }

    public async Task<Result<Issue>> HandleAsync(Actor actor, string issueCode, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        if (await db.Issues.FirstOrDefaultAsync(i => i.Code == issueCode, ct) is not { } issue) return new IssueNotFound();
        var successor = command.Into is { } into ? await db.Issues.FirstOrDefaultAsync(i => i.Code == into, ct) : null;
        if (successor is null) return new ValidationError([new FieldError(nameof(Command.Into), "Issue.SuccessorNotFound")]);
        var now = clock.GetUtcNow();
        if (issue.MergeInto(successor, command.Reason, now) is { } refused) return refused;

        var from = issue.Code;
        var to = successor.Code;
        var assessments = db.ScopeAssessments;
        // One standing assessment per voice: the later of the two stands.
        var superseded = await assessments
            .Where(a => a.IssueCode == from && a.SupersededAt == null
                && assessments.Any(b => b.IssueCode == to && b.SupersededAt == null && b.Voice == a.Voice && b.AssessedAt >= a.AssessedAt))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SupersededAt, now), ct);
        superseded += await assessments
            .Where(b => b.IssueCode == to && b.SupersededAt == null
                && assessments.Any(a => a.IssueCode == from && a.SupersededAt == null && a.Voice == b.Voice))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.SupersededAt, now), ct);
        var movedAssessments = await assessments.Where(a => a.IssueCode == from).ExecuteUpdateAsync(s => s.SetProperty(a => a.IssueCode, to), ct);

        var mappings = db.IssueMappings;
        var duplicateMappings = await mappings
            .Where(m => m.IssueCode == from && m.RemovedAt == null
                && mappings.Any(n => n.IssueCode == to && n.RemovedAt == null && n.Kind == m.Kind
                    && n.OrganizationId == m.OrganizationId && n.DocumentId == m.DocumentId && n.Url == m.Url))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.RemovedAt, now), ct);
        var movedMappings = await mappings.Where(m => m.IssueCode == from).ExecuteUpdateAsync(s => s.SetProperty(m => m.IssueCode, to), ct);
        var movedProposals = await db.MappingProposals.Where(p => p.IssueCode == from).ExecuteUpdateAsync(s => s.SetProperty(p => p.IssueCode, to), ct);

        var tags = db.IssueTags;
        await tags
            .Where(t => t.IssueCode == from && t.RemovedAt == null
                && tags.Any(u => u.IssueCode == to && u.RemovedAt == null && u.SubjectId == t.SubjectId))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RemovedAt, now), ct);
        var movedTags = await tags.Where(t => t.IssueCode == from).ExecuteUpdateAsync(s => s.SetProperty(t => t.IssueCode, to), ct);

        record.Append(actor, IssueActions.Merged, IssueActions.Entity, from, new
        {
            issue = from,
            into = to,
            reason = issue.EndReason,
            moved = new { assessments = movedAssessments, mappings = movedMappings, proposals = movedProposals, tags = movedTags },
            superseded = new { assessments = superseded, mappings = duplicateMappings },
        });
        await record.SaveAsync(ct);
        return issue;
    }
}
