using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Consultations;

/// <summary>The secretariat moves the closing instant of an open consultation later, with a reason
/// (any number of times).</summary>
public sealed class ExtendConsultation(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        public DateTimeOffset? ClosesAt { get; init; }
        public string? Reason { get; init; }
    }

    public async Task<Result<Consultation>> HandleAsync(Actor actor, Guid consultationId, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        var consultation = await db.Consultations.FirstOrDefaultAsync(c => c.Id == consultationId, ct);
        if (consultation is null) return new ConsultationNotFound();
        var extended = consultation.Extend(command.ClosesAt, command.Reason, clock.GetUtcNow());
        if (!extended.IsSuccess) return extended.Error!;
        record.Append(actor, ConsultationActions.Extended, "consultation", consultation.Id.ToString(), new
        {
            consultationId = consultation.Id,
            previousClosesAt = RecordTime.Of(extended.Value.PreviousClosesAt),
            closesAt = RecordTime.Of(extended.Value.NewClosesAt),
            reason = extended.Value.Reason,
        });
        await record.SaveAsync(ct);
        return consultation;
    }
}
