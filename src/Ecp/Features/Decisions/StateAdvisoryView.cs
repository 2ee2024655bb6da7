using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Decisions;

/// <summary>A non-government stakeholder states an advisory view on an open decision.</summary>
public sealed class StateAdvisoryView(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        /// <summary>"support", "concerns" or "oppose".</summary>
        public string? Stance { get; init; }
        public string? Text { get; init; }
    }

    public async Task<Result<AdvisoryView>> HandleAsync(Actor actor, Guid decisionId, Command command, CancellationToken ct = default)
    {
        if (!actor.IsAuthenticated) return new UnauthenticatedError();
        await record.BeginAsync(ct);
        var decision = await db.Decisions.FirstOrDefaultAsync(d => d.Id == decisionId, ct);
        if (decision is null) return new DecisionNotFound();
        var stance = Codes.Parse<AdvisoryStance>(command.Stance);
        if (stance is null) return new ValidationError([new FieldError(nameof(Command.Stance), "Decision.StanceInvalid")]);

        var view = decision.RecordAdvisoryView(actor, stance.Value, command.Text, clock.GetUtcNow());
        if (!view.IsSuccess) return view;
        record.Append(actor, DecisionActions.AdvisoryViewStated, "decision", decision.Id.ToString(), new
        {
            decisionId = decision.Id,
            viewId = view.Value.Id,
            stakeholderGroup = view.Value.Group.ToCode(),
            stance = view.Value.Stance.ToCode(),
            text = view.Value.Text,
        });
        await record.SaveAsync(ct);
        return view;
    }
}
