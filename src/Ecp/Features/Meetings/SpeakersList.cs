using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Meetings;

/// <summary>
/// The speakers list's use cases, each on the record with its time: a seated participant asks for
/// the floor on an agenda item (last in the queue); the Chair (the secretariat) orders the queue,
/// gives the floor (one speaker at a time) and closes it.
/// </summary>
public sealed class SpeakersList(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Ask
    {
        /// <summary>The agenda item's number.</summary>
        public int? AgendaItem { get; init; }
    }

    public sealed record Reorder
    {
        public int? AgendaItem { get; init; }
        /// <summary>Every waiting request of the item, in the new order.</summary>
        public IReadOnlyList<Guid>? Order { get; init; }
    }

    public async Task<Result<FloorRequest>> AskAsync(Actor actor, Guid meetingId, Ask command, CancellationToken ct = default)
    {
        if (!actor.IsAuthenticated) return new UnauthenticatedError();
        await record.BeginAsync(ct);
        if (await db.Meetings.Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == meetingId, ct) is not { } meeting) return new MeetingNotFound();
        if (meeting.Status == MeetingStatus.Cancelled) return new MeetingCancelled();
        if (meeting.Agenda.All(a => a.Number != command.AgendaItem)) return new ValidationError([new FieldError(nameof(Ask.AgendaItem), "Meeting.AgendaItemUnknown")]);
        var registration = await db.MeetingRegistrations.FirstOrDefaultAsync(r => r.MeetingId == meetingId && r.PersonId == actor.PersonId
            && (r.Status == RegistrationStatus.Seated || r.Status == RegistrationStatus.Confirmed), ct);
        if (registration is null) return new NotSeatedAtMeeting();
        var item = command.AgendaItem!.Value;
        var queue = await db.FloorRequests.Where(f => f.MeetingId == meetingId && f.AgendaNumber == item).ToListAsync(ct);
        if (queue.Any(f => f.PersonId == registration.PersonId && f.Status != FloorStatus.Spoke)) return new AlreadyAskedForFloor();
        var request = FloorRequest.Request(registration, item, queue.Count == 0 ? 1 : queue.Max(f => f.Order) + 1, clock.GetUtcNow());
        db.FloorRequests.Add(request);
        record.Append(actor, MeetingActions.FloorRequested, MeetingActions.Entity, meetingId.ToString(), Payload(request));
        await record.SaveAsync(ct);
        return request;
    }

    public async Task<Result<IReadOnlyList<FloorRequest>>> ReorderAsync(Actor actor, Guid meetingId, Reorder command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId, ct)) return new MeetingNotFound();
        var waiting = await db.FloorRequests.Where(f => f.MeetingId == meetingId && f.AgendaNumber == command.AgendaItem && f.Status == FloorStatus.Waiting).ToListAsync(ct);
        var order = command.Order ?? [];
        if (order.Count != waiting.Count || order.Distinct().Count() != order.Count || !order.All(id => waiting.Any(w => w.Id == id)))
        {
            return new ValidationError([new FieldError(nameof(Reorder.Order), "Meeting.OrderIncomplete")]);
        }
        // Waiting requests follow whatever has already been heard on the item.
        var start = await db.FloorRequests.Where(f => f.MeetingId == meetingId && f.AgendaNumber == command.AgendaItem && f.Status != FloorStatus.Waiting)
            .Select(f => (int?)f.Order).MaxAsync(ct) ?? 0;
        var ordered = order.Select(id => waiting.Single(w => w.Id == id)).ToList();
        for (var i = 0; i < ordered.Count; i++) ordered[i].Reorder(start + i + 1);
        record.Append(actor, MeetingActions.SpeakersOrdered, MeetingActions.Entity, meetingId.ToString(),
            new { meetingId, agendaItem = command.AgendaItem, order = ordered.Select(f => f.Id).ToList() });
        await record.SaveAsync(ct);
        return ordered;
    }

    public async Task<Result<FloorRequest>> GiveAsync(Actor actor, Guid meetingId, Guid requestId, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        if (await db.FloorRequests.FirstOrDefaultAsync(f => f.Id == requestId && f.MeetingId == meetingId, ct) is not { } request) return new FloorRequestNotFound();
        var speaking = await db.FloorRequests.AnyAsync(f => f.MeetingId == meetingId && f.Status == FloorStatus.Speaking, ct);
        if (request.Give(speaking, clock.GetUtcNow()) is { } invalid) return invalid;
        record.Append(actor, MeetingActions.FloorGiven, MeetingActions.Entity, meetingId.ToString(), Payload(request));
        await record.SaveAsync(ct);
        return request;
    }

    public async Task<Result<FloorRequest>> CloseAsync(Actor actor, Guid meetingId, Guid requestId, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        if (await db.FloorRequests.FirstOrDefaultAsync(f => f.Id == requestId && f.MeetingId == meetingId, ct) is not { } request) return new FloorRequestNotFound();
        if (request.Close(clock.GetUtcNow()) is { } invalid) return invalid;
        record.Append(actor, MeetingActions.FloorClosed, MeetingActions.Entity, meetingId.ToString(), Payload(request));
        await record.SaveAsync(ct);
        return request;
    }

    private static object Payload(FloorRequest f) => new
    {
        meetingId = f.MeetingId,
        floorRequestId = f.Id,
        agendaItem = f.AgendaNumber,
        personId = f.PersonId,
        group = f.Group.ToCode(),
        memberState = f.MemberStateCode,
        order = f.Order,
        status = f.Status.ToCode(),
        requestedAt = f.RequestedAt,
        givenAt = f.GivenAt,
        closedAt = f.ClosedAt,
    };
}
