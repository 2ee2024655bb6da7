using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Issues;

/// <summary>
/// A participant says whether an issue is an international public policy issue (¶69), with a
/// reason. It replaces their voice's earlier assessment: a delegate's replaces their State's, a
/// stakeholder's their own. Both stay on the record.
/// </summary>
public sealed class AssessScope(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        /// <summary>"international-public-policy", "national-public-policy" or "technical-operational".</summary>
        public string? Scope { get; init; }
        public string? Reason { get; init; }
    }

    public async Task<Result<ScopeAssessment>> HandleAsync(Actor actor, string issueCode, Command command, CancellationToken ct = default)
    {
        if (!actor.IsAuthenticated) return new UnauthenticatedError();
        await record.BeginAsync(ct);
        if (await db.Issues.ResolveAsync(issueCode, ct) is not { } issue) return new IssueNotFound();
        var now = clock.GetUtcNow();
        var recorded = ScopeAssessment.Record(issue, actor, command.Scope, command.Reason, now);
        if (!recorded.IsSuccess) return recorded;
        var assessment = recorded.Value;
        var standing = await db.ScopeAssessments
            .Where(a => a.IssueCode == issue.Code && a.Voice == assessment.Voice && a.SupersededAt == null)
            .ToListAsync(ct);
        foreach (var earlier in standing) earlier.Supersede(now);
        db.ScopeAssessments.Add(assessment);
        record.Append(actor, IssueActions.ScopeAssessed, IssueActions.Entity, issue.Code, new
        {
            issue = issue.Code,
            assessmentId = assessment.Id,
            group = assessment.Group.ToCode(),
            memberState = assessment.MemberStateCode,
            scope = assessment.Scope.ToCode(),
            reason = assessment.Reason,
            replaces = standing.Select(a => a.Id).FirstOrDefault() is var id && id != Guid.Empty ? id : (Guid?)null,
        });
        await record.SaveAsync(ct);
        return assessment;
    }
}
