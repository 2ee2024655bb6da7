using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Issues;

/// <summary>The secretariat accepts a mapping proposal (the map changes) or rejects it, with a reason.</summary>
public sealed class DecideMappingProposal(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        /// <summary>"accept" or "reject".</summary>
        public string? Decision { get; init; }
        public string? Reason { get; init; }
    }

    public async Task<Result<MappingProposal>> HandleAsync(Actor actor, string issueCode, Guid proposalId, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        if (await db.Issues.ResolveAsync(issueCode, ct) is not { } issue) return new IssueNotFound();
        var proposal = await db.MappingProposals.FirstOrDefaultAsync(p => p.Id == proposalId && p.IssueCode == issue.Code, ct);
        if (proposal is null) return new MappingProposalNotFound();
        if (command.Decision is not ("accept" or "reject"))
        {
            return new ValidationError([new FieldError(nameof(Command.Decision), "Issue.DecisionInvalid")]);
        }
        var accept = command.Decision == "accept";
        if (accept && issue.AcceptsViews() is { } closed) return closed;
        var mapping = proposal.MappingId is { } id ? await db.IssueMappings.FirstOrDefaultAsync(m => m.Id == id, ct) : null;
        var decided = proposal.Decide(accept, command.Reason, mapping, clock.GetUtcNow());
        if (!decided.IsSuccess) return decided.Error!;
        if (proposal.Change == ProposalChange.Add && decided.Value is { } added) db.IssueMappings.Add(added);
        record.Append(actor, accept ? IssueActions.MappingProposalAccepted : IssueActions.MappingProposalRejected, IssueActions.Entity, issue.Code, new
        {
            issue = issue.Code,
            proposalId = proposal.Id,
            mappingId = decided.Value?.Id,
            reason = proposal.DecisionReason,
        });
        await record.SaveAsync(ct);
        return proposal;
    }
}
