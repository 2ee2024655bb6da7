using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Consultations;

/// <summary>The secretariat records that the contributions and synthesis were presented at the body's meeting.</summary>
public sealed class PresentConsultation(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        /// <summary>The meeting, e.g. "CWG-Internet, 20th meeting, Geneva".</summary>
        [Name] public string? Meeting { get; init; }
    }

    public async Task<Result<Consultation>> HandleAsync(Actor actor, Guid consultationId, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        var consultation = await db.Consultations.FirstOrDefaultAsync(c => c.Id == consultationId, ct);
        if (consultation is null) return new ConsultationNotFound();
        var check = new Validation().RequiredText(nameof(Command.Meeting), command.Meeting, 300);
        if (!check.IsValid) return check.ToError();
        var presented = consultation.MarkPresented(clock.GetUtcNow());
        if (!presented.IsSuccess) return presented;
        record.Append(actor, ConsultationActions.Presented, "consultation", consultationId.ToString(), new { consultationId, meeting = command.Meeting!.Trim() });
        await record.SaveAsync(ct);
        return consultation;
    }
}
