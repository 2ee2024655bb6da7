using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Meetings;

/// <summary>A person withdraws their own registration (or the secretariat does, for them); the
/// seat it held goes to the first who waits in its group, on the record in the same transaction.</summary>
public sealed class WithdrawRegistration(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public async Task<Result<MeetingRegistration>> HandleAsync(Actor actor, Guid meetingId, Guid registrationId, CancellationToken ct = default)
    {
        if (!actor.IsAuthenticated) return new UnauthenticatedError();
        await record.BeginAsync(ct);
        if (await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct) is not { } meeting) return new MeetingNotFound();
        var registrations = await db.MeetingRegistrations.Where(r => r.MeetingId == meetingId).ToListAsync(ct);
        if (registrations.FirstOrDefault(r => r.Id == registrationId) is not { } registration) return new RegistrationNotFound();
        if (registration.PersonId != actor.PersonId && !actor.IsSecretariat) return new NotYourRegistration();
        var now = clock.GetUtcNow();
        if (registration.Withdraw(now) is { } invalid) return invalid;
        record.Append(actor, MeetingActions.RegistrationWithdrawn, MeetingActions.Entity, meetingId.ToString(), RegistrationPayload.Of(registration));
        if (meeting.Status == MeetingStatus.Scheduled)
        {
            var body = await db.Bodies.FirstAsync(b => b.Id == meeting.BodyId, ct);
            foreach (var moved in MeetingSeats.FillFreeSeats(registrations, meeting.EffectiveSeatsPerGroup(body), now))
            {
                record.Append(actor, MeetingActions.MovedUp, MeetingActions.Entity, meetingId.ToString(), RegistrationPayload.Of(moved));
            }
        }
        await record.SaveAsync(ct);
        return registration;
    }
}
