using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Meetings;

/// <summary>
/// An accredited person asks to attend a meeting, as member or observer, under the body's rules
/// (<see cref="Meeting.SeatRule"/>): a seat if one of their group is free, else a place on the
/// public waiting list in the order of request time. The request and where it landed go on the
/// record under the record's lock, so two requests for the last seat cannot both take it.
/// </summary>
public sealed class RegisterForMeeting(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        /// <summary>member or observer.</summary>
        public string? Capacity { get; init; }
    }

    public async Task<Result<MeetingRegistration>> HandleAsync(Actor actor, Guid meetingId, Command command, CancellationToken ct = default)
    {
        if (!actor.IsAuthenticated) return new UnauthenticatedError();
        if (actor.PersonId is not { } personId || actor.ParticipantGroup is not { } group) return new NotAccreditedToAttend();
        var capacity = Codes.Parse<AttendanceCapacity>(command.Capacity);
        if (capacity is null)
        {
            return new ValidationError([new FieldError(nameof(Command.Capacity), command.Capacity is null ? "Validation.Required" : "Meeting.CapacityUnknown")]);
        }
        await record.BeginAsync(ct);
        if (await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct) is not { } meeting) return new MeetingNotFound();
        var body = await db.Bodies.FirstAsync(b => b.Id == meeting.BodyId, ct);
        var rule = meeting.SeatRule(body, capacity.Value, group, actor.MemberStateCode);
        if (!rule.IsSuccess) return rule.Error!;
        var registrations = await db.MeetingRegistrations.Where(r => r.MeetingId == meetingId && r.Status != RegistrationStatus.Withdrawn).ToListAsync(ct);
        if (registrations.Any(r => r.PersonId == personId)) return new AlreadyRegistered();
        var seats = rule.Value;
        var free = !MeetingSeats.IsCapped(group, seats)
                   || (registrations.Count(r => r.Group == group && r.HoldsSeat) < seats && !registrations.Any(r => r.Group == group && r.Status == RegistrationStatus.Waiting));
        var now = clock.GetUtcNow();
        var registration = MeetingRegistration.Request(meetingId, personId, capacity.Value, group, actor.MemberStateCode, actor.OrganizationId, free, now);
        db.MeetingRegistrations.Add(registration);
        var position = free ? (int?)null : MeetingSeats.WaitingInOrder(registrations, group).Count() + 1;
        record.Append(actor, MeetingActions.RegistrationRequested, MeetingActions.Entity, meetingId.ToString(), RegistrationPayload.Of(registration, position));
        await record.SaveAsync(ct);
        return registration;
    }
}

/// <summary>What the record keeps of a registration at each step.</summary>
internal static class RegistrationPayload
{
    public static object Of(MeetingRegistration r, int? waitingPosition = null) => new
    {
        meetingId = r.MeetingId,
        registrationId = r.Id,
        personId = r.PersonId,
        capacity = r.Capacity.ToCode(),
        group = r.Group.ToCode(),
        memberState = r.MemberStateCode,
        organizationId = r.OrganizationId,
        status = r.Status.ToCode(),
        waitingPosition,
        requestedAt = r.RequestedAt,
    };
}
