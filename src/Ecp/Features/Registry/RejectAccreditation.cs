using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Registry;

/// <summary>The secretariat rejects a request, always with a reason that the applicant and the
/// public record both show.</summary>
public sealed class RejectAccreditation(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        public string? Reason { get; init; }
    }

    public async Task<Result<Accreditation>> HandleAsync(Actor actor, Guid accreditationId, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        var check = new Validation().RequiredText(nameof(Command.Reason), command.Reason, Accreditation.TextMaxLength);
        if (!check.IsValid) return check.ToError();

        var accreditation = await db.Accreditations.FirstOrDefaultAsync(a => a.Id == accreditationId, ct);
        if (accreditation is null) return new AccreditationNotFound();
        var rejected = accreditation.Reject(actor.PersonId!.Value, command.Reason!, clock.GetUtcNow());
        if (!rejected.IsSuccess) return rejected;

        record.Append(actor, RegistryActions.AccreditationRejected, "accreditation", accreditation.Id.ToString(), new
        {
            accreditationId = accreditation.Id,
            personId = accreditation.PersonId,
            kind = accreditation.Kind,
            reason = accreditation.Reason,
        });
        await record.SaveAsync(ct);
        return accreditation;
    }
}
