using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Drafts;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Decisions;

/// <summary>The Chair determines the outcome; the document's negotiation ends with it.</summary>
public sealed class CloseDecision(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        /// <summary>"adopted-by-consensus", "not-adopted-divergent-views" or "withdrawn".</summary>
        public string? Outcome { get; init; }
    }

    public async Task<Result<Decision>> HandleAsync(Actor actor, Guid decisionId, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        var decision = await db.Decisions.FirstOrDefaultAsync(d => d.Id == decisionId, ct);
        if (decision is null) return new DecisionNotFound();
        var outcome = Codes.Parse<DecisionOutcome>(command.Outcome);
        if (outcome is null) return new ValidationError([new FieldError(nameof(Command.Outcome), "Decision.OutcomeInvalid")]);

        var closed = decision.Close(outcome.Value, clock.GetUtcNow());
        if (!closed.IsSuccess) return closed.Error!;
        var document = await db.Documents.SingleAsync(d => d.Id == decision.DocumentId, ct);
        document.Conclude(outcome.Value switch
        {
            DecisionOutcome.AdoptedByConsensus => DocumentState.AdoptedByConsensus,
            DecisionOutcome.NotAdoptedDivergentViews => DocumentState.NotAdoptedDivergentViews,
            _ => DocumentState.Withdrawn,
        });
        record.Append(actor, DecisionActions.Closed, "decision", decision.Id.ToString(), new
        {
            decisionId = decision.Id,
            documentId = decision.DocumentId,
            version = decision.VersionNumber,
            outcome = outcome.Value.ToCode(),
            reservations = decision.Reservations.Select(p => new { memberState = p.MemberStateCode, statement = p.Statement }).ToArray(),
            objections = decision.Objections.Select(p => new { memberState = p.MemberStateCode, statement = p.Statement }).ToArray(),
        });
        await record.SaveAsync(ct);
        return decision;
    }
}
