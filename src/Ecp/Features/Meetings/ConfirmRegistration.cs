using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Meetings;

/// <summary>The secretariat confirms a seated registration; the person is told by e-mail (a projection of the record).</summary>
public sealed class ConfirmRegistration(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public async Task<Result<MeetingRegistration>> HandleAsync(Actor actor, Guid meetingId, Guid registrationId, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        if (await db.MeetingRegistrations.FirstOrDefaultAsync(r => r.Id == registrationId && r.MeetingId == meetingId, ct) is not { } registration) return new RegistrationNotFound();
        if (registration.Confirm(clock.GetUtcNow()) is { } invalid) return invalid;
        record.Append(actor, MeetingActions.RegistrationConfirmed, MeetingActions.Entity, meetingId.ToString(), RegistrationPayload.Of(registration));
        await record.SaveAsync(ct);
        return registration;
    }
}
