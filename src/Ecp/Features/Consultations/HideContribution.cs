using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Consultations;

/// <summary>The secretariat hides a contribution with a reason. Nothing disappears: it stays on
/// the record, in the counts and in open data marked hidden; the author sees why.</summary>
public sealed class HideContribution(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        /// <summary>"abuse", "spam", "off-topic" or "duplicate".</summary>
        public string? Reason { get; init; }
        public string? Note { get; init; }
    }

    public async Task<Result<Contribution>> HandleAsync(Actor actor, Guid contributionId, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        var contribution = await db.Contributions.FirstOrDefaultAsync(c => c.Id == contributionId, ct);
        if (contribution is null) return new ContributionNotFound();
        var reason = Codes.Parse<ModerationReason>(command.Reason);
        if (reason is null) return new Validation().Add(nameof(Command.Reason), "Contribution.HideReasonInvalid").ToError();
        var hidden = contribution.Hide(reason.Value, command.Note, clock.GetUtcNow());
        if (!hidden.IsSuccess) return hidden;
        record.Append(actor, ConsultationActions.ContributionHidden, "contribution", contribution.Id.ToString(), new
        {
            contributionId = contribution.Id,
            consultationId = contribution.ConsultationId,
            reason = reason.Value.ToCode(),
            note = contribution.HiddenNote,
        });
        await record.SaveAsync(ct);
        return contribution;
    }
}
