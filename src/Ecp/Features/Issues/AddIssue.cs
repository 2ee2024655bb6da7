using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Issues;

/// <summary>The secretariat adds an issue to a cluster of the map.</summary>
public sealed class AddIssue(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        /// <summary>The cluster's code ("security").</summary>
        public string? Cluster { get; init; }
        /// <summary>The issue's code, its id in links and the API; by default made from the English name.</summary>
        public string? Code { get; init; }
        public NamesInput? Names { get; init; }
    }

    public async Task<Result<Issue>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        var cluster = command.Cluster is { } c ? await db.IssueClusters.FirstOrDefaultAsync(x => x.Code == c, ct) : null;
        if (cluster is null) return new ValidationError([new FieldError(nameof(Command.Cluster), "Issue.ClusterNotFound")]);
        var names = command.Names?.ToDictionary() ?? new Dictionary<string, string?>();
        var code = string.IsNullOrWhiteSpace(command.Code) ? Issue.CodeFrom(names.GetValueOrDefault("en") ?? "") : command.Code.Trim();
        var last = await db.Issues.Where(i => i.ClusterCode == cluster.Code).MaxAsync(i => (int?)i.Position, ct) ?? 0;
        var added = Issue.Add(code, cluster, last + 1, names, clock.GetUtcNow());
        if (!added.IsSuccess) return added;
        if (await db.Issues.AnyAsync(i => i.Code == code, ct)) return new IssueCodeTaken(code);
        var issue = added.Value;
        db.Issues.Add(issue);
        record.Append(actor, IssueActions.Added, IssueActions.Entity, issue.Code, new
        {
            issue = issue.Code,
            cluster = cluster.Code,
            names = issue.Names.ToDictionary(),
        });
        await record.SaveAsync(ct);
        return issue;
    }
}
