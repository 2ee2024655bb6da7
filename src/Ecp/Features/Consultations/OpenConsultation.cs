using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Consultations;

/// <summary>The secretariat opens a drafted consultation to contributions.</summary>
public sealed class OpenConsultation(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public async Task<Result<Consultation>> HandleAsync(Actor actor, Guid consultationId, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        var consultation = await db.Consultations.FirstOrDefaultAsync(c => c.Id == consultationId, ct);
        if (consultation is null) return new ConsultationNotFound();
        var opened = consultation.Open(clock.GetUtcNow());
        if (!opened.IsSuccess) return opened;
        record.Append(actor, ConsultationActions.Opened, "consultation", consultation.Id.ToString(), new
        {
            consultationId = consultation.Id,
            opensAt = RecordTime.Of(consultation.OpensAt),
            closesAt = RecordTime.Of(consultation.ClosesAt),
        });
        await record.SaveAsync(ct);
        return consultation;
    }
}
