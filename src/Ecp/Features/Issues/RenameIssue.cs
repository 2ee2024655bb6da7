using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Issues;

/// <summary>The secretariat renames an issue in some languages; its code, links and id stay.</summary>
public sealed class RenameIssue(AppDbContext db, PublicRecord record)
{
    public sealed record Command
    {
        public NamesInput? Names { get; init; }
    }

    public async Task<Result<Issue>> HandleAsync(Actor actor, string issueCode, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        if (await db.Issues.FirstOrDefaultAsync(i => i.Code == issueCode, ct) is not { } issue) return new IssueNotFound();
        var before = issue.Names.ToDictionary();
        var renamed = issue.Rename(command.Names?.ToDictionary() ?? new Dictionary<string, string?>());
        if (!renamed.IsSuccess) return renamed.Error!;
        record.Append(actor, IssueActions.Renamed, IssueActions.Entity, issue.Code, new
        {
            issue = issue.Code,
            before,
            names = renamed.Value.ToDictionary(),
        });
        await record.SaveAsync(ct);
        return issue;
    }
}
