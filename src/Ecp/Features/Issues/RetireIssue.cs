using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Issues;

/// <summary>The secretariat takes an issue off the map, with a reason; its page and what was said
/// of it stay readable.</summary>
public sealed class RetireIssue(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        public string? Reason { get; init; }
    }

    public async Task<Result<Issue>> HandleAsync(Actor actor, string issueCode, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        if (await db.Issues.FirstOrDefaultAsync(i => i.Code == issueCode, ct) is not { } issue) return new IssueNotFound();
        if (issue.Retire(command.Reason, clock.GetUtcNow()) is { } refused) return refused;
        record.Append(actor, IssueActions.Retired, IssueActions.Entity, issue.Code, new { issue = issue.Code, reason = issue.EndReason });
        await record.SaveAsync(ct);
        return issue;
    }
}
