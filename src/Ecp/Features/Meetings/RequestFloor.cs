using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Meetings;

/// <summary>A participant holding a seat at the meeting asks for the floor on an agenda item: last in its queue, on the record.</summary>
public sealed class RequestFloor(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        /// <summary>The agenda item's number.</summary>
        public int? AgendaItem { get; init; }
    }

    public async Task<Result<FloorRequest>> HandleAsync(Actor actor, Guid meetingId, Command command, CancellationToken ct = default)
    {
        if (!actor.IsAuthenticated) return new UnauthenticatedError();
        await record.BeginAsync(ct);
        if (await db.Meetings.Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == meetingId, ct) is not { } meeting) return new MeetingNotFound();
        if (meeting.Status == MeetingStatus.Cancelled) return new MeetingCancelled();
        if (meeting.Agenda.All(a => a.Number != command.AgendaItem)) return new ValidationError([new FieldError(nameof(Command.AgendaItem), "Meeting.AgendaItemUnknown")]);
        var registration = await db.MeetingRegistrations.FirstOrDefaultAsync(r => r.MeetingId == meetingId && r.PersonId == actor.PersonId
            && (r.Status == RegistrationStatus.Seated || r.Status == RegistrationStatus.Confirmed), ct);
        if (registration is null) return new NotSeatedAtMeeting();
        var item = command.AgendaItem!.Value;
        var queue = await db.FloorRequests.Where(f => f.MeetingId == meetingId && f.AgendaNumber == item).ToListAsync(ct);
        if (queue.Any(f => f.PersonId == registration.PersonId && f.Status != FloorStatus.Spoke)) return new AlreadyAskedForFloor();
        var request = FloorRequest.Request(registration, item, queue.Count == 0 ? 1 : queue.Max(f => f.Order) + 1, clock.GetUtcNow());
        db.FloorRequests.Add(request);
        record.Append(actor, MeetingActions.FloorRequested, MeetingActions.Entity, meetingId.ToString(), FloorPayload.Of(request));
        await record.SaveAsync(ct);
        return request;
    }
}
