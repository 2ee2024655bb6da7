using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Registry;

/// <summary>The secretariat approves a request; the person takes the role at once.</summary>
public sealed class ApproveAccreditation(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        public string? Note { get; init; }
    }

    public async Task<Result<Accreditation>> HandleAsync(Actor actor, Guid accreditationId, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        var check = new Validation().MaxLength(nameof(Command.Note), command.Note, Accreditation.TextMaxLength);
        if (!check.IsValid) return check.ToError();

        var accreditation = await db.Accreditations.FirstOrDefaultAsync(a => a.Id == accreditationId, ct);
        if (accreditation is null) return new AccreditationNotFound();
        var approved = accreditation.Approve(actor.PersonId!.Value, command.Note, clock.GetUtcNow());
        if (!approved.IsSuccess) return approved;

        var person = await db.People.SingleAsync(p => p.Id == accreditation.PersonId, ct);
        person.Accredit(accreditation);
        record.AppendAccreditationApproved(actor, accreditation, person);
        await record.SaveAsync(ct);
        return accreditation;
    }
}
