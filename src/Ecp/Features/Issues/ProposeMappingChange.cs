using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Issues;

/// <summary>An accredited participant proposes a change to what the map says addresses an issue,
/// with a reason; it waits for the secretariat's decision.</summary>
public sealed class ProposeMappingChange(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        /// <summary>"add" (the default), "update" or "remove".</summary>
        public string? Change { get; init; }
        /// <summary>For "add": "organization", "document" or "external".</summary>
        public string? Kind { get; init; }
        /// <summary>For an organization of the registry.</summary>
        public Guid? OrganizationId { get; init; }
        /// <summary>For a document on the platform.</summary>
        public Guid? DocumentId { get; init; }
        /// <summary>For "update" and "remove": the mapping concerned.</summary>
        public Guid? MappingId { get; init; }
        /// <summary>For an external instrument: its title and its http(s) address.</summary>
        [Name] public string? Title { get; init; }
        public string? Url { get; init; }
        /// <summary>How the organization or instrument addresses the issue, and how far it has got.</summary>
        public string? StatusNote { get; init; }
        /// <summary>Gap types found: "implementation", "awareness", "capacity", "research".</summary>
        public IReadOnlyList<string>? Gaps { get; init; }
        public string? Reason { get; init; }
    }

    public async Task<Result<MappingProposal>> HandleAsync(Actor actor, string issueCode, Command command, CancellationToken ct = default)
    {
        if (!actor.IsAuthenticated) return new UnauthenticatedError();
        await record.BeginAsync(ct);
        if (await db.Issues.ResolveAsync(issueCode, ct) is not { } issue) return new IssueNotFound();
        var v = new Validation();
        var change = command.Change is null ? ProposalChange.Add : Codes.Parse<ProposalChange>(command.Change);
        if (change is null) v.Add(nameof(Command.Change), "Issue.ChangeInvalid");
        var kind = Codes.Parse<MappingKind>(command.Kind);
        if (command.Kind is not null && kind is null) v.Add(nameof(Command.Kind), "Issue.MappingKindInvalid");
        var gaps = Gaps.Parse(command.Gaps);
        if (gaps is null) v.Add(nameof(Command.Gaps), "Issue.GapInvalid");
        if (change == ProposalChange.Add && kind == MappingKind.Organization && command.OrganizationId is { } org
            && !await db.Organizations.AnyAsync(o => o.Id == org, ct))
        {
            v.Add(nameof(Command.OrganizationId), "Issue.OrganizationNotFound");
        }
        if (change == ProposalChange.Add && kind == MappingKind.Document && command.DocumentId is { } doc
            && !await db.Documents.AnyAsync(d => d.Id == doc, ct))
        {
            v.Add(nameof(Command.DocumentId), "Issue.DocumentNotFound");
        }
        if (change is ProposalChange.Update or ProposalChange.Remove && command.MappingId is { } mapping
            && !await db.IssueMappings.AnyAsync(m => m.Id == mapping && m.IssueCode == issue.Code && m.RemovedAt == null, ct))
        {
            v.Add(nameof(Command.MappingId), "Issue.MappingNotFound");
        }
        if (!v.IsValid) return v.ToError();
        var proposed = MappingProposal.Propose(issue, actor, new MappingProposal.Draft(change!.Value, kind, command.OrganizationId,
            command.DocumentId, command.MappingId, command.Title, command.Url, command.StatusNote, gaps!.Value, command.Reason), clock.GetUtcNow());
        if (!proposed.IsSuccess) return proposed;
        var proposal = proposed.Value;
        db.MappingProposals.Add(proposal);
        record.Append(actor, IssueActions.MappingProposed, IssueActions.Entity, issue.Code, new
        {
            issue = issue.Code,
            proposalId = proposal.Id,
            change = proposal.Change.ToCode(),
            mappingId = proposal.MappingId,
            kind = proposal.Kind?.ToCode(),
            organizationId = proposal.OrganizationId,
            documentId = proposal.DocumentId,
            title = proposal.Title,
            url = proposal.Url,
            statusNote = proposal.StatusNote,
            gaps = proposal.Gaps.ToCodes(),
            reason = proposal.Reason,
            group = proposal.ProposerGroup?.ToCode(),
        });
        await record.SaveAsync(ct);
        return proposal;
    }
}
