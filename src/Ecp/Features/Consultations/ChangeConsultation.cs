using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Consultations;

/// <summary>The secretariat opens a drafted consultation, or extends an open one with a reason.</summary>
public sealed class ChangeConsultation(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Extension
    {
        public DateTimeOffset? ClosesAt { get; init; }
        public string? Reason { get; init; }
    }

    public async Task<Result<Consultation>> OpenAsync(Actor actor, Guid consultationId, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        var consultation = await db.Consultations.FirstOrDefaultAsync(c => c.Id == consultationId, ct);
        if (consultation is null) return new NotFoundError("Consultation.NotFound");
        var opened = consultation.Open(clock.GetUtcNow());
        if (!opened.IsSuccess) return opened;
        record.Append(actor, "consultation.opened", "consultation", consultation.Id.ToString(), new
        {
            consultationId = consultation.Id,
            opensAt = DraftConsultation.RecordTime(consultation.OpensAt),
            closesAt = DraftConsultation.RecordTime(consultation.ClosesAt),
        });
        await record.SaveAsync(ct);
        return consultation;
    }

    public async Task<Result<Consultation>> ExtendAsync(Actor actor, Guid consultationId, Extension command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        var consultation = await db.Consultations.FirstOrDefaultAsync(c => c.Id == consultationId, ct);
        if (consultation is null) return new NotFoundError("Consultation.NotFound");
        if (command.ClosesAt is null) return new ValidationError([new FieldError(nameof(Extension.ClosesAt), "Validation.Required")]);
        if (command.Reason is { Length: > Consultation.TextMaxLength }) return new ValidationError([new FieldError(nameof(Extension.Reason), "Validation.TooLong", Consultation.TextMaxLength)]);
        var extended = consultation.Extend(command.ClosesAt.Value, command.Reason ?? "", clock.GetUtcNow());
        if (!extended.IsSuccess) return extended.Error!;
        record.Append(actor, "consultation.extended", "consultation", consultation.Id.ToString(), new
        {
            consultationId = consultation.Id,
            previousClosesAt = DraftConsultation.RecordTime(extended.Value.PreviousClosesAt),
            closesAt = DraftConsultation.RecordTime(extended.Value.NewClosesAt),
            reason = extended.Value.Reason,
        });
        await record.SaveAsync(ct);
        return consultation;
    }
}
