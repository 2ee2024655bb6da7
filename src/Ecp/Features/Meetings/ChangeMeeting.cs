using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Meetings;

/// <summary>The secretariat changes a meeting (stated whole, with the reason): the next sequence on
/// the record; where the change frees seats, the first who wait take them.</summary>
public sealed class ChangeMeeting(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command : MeetingRequest
    {
        public string? Reason { get; init; }
    }

    public async Task<Result<Meeting>> HandleAsync(Actor actor, Guid meetingId, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        if (await db.Meetings.Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == meetingId, ct) is not { } meeting) return new MeetingNotFound();
        if (new Validation().RequiredText(nameof(Command.Reason), command.Reason, Meeting.ReasonMaxLength) is { IsValid: false } noReason) return noReason.ToError();
        var details = await command.ToDetailsAsync(db, ct);
        if (!details.IsSuccess) return details.Error!;
        var now = clock.GetUtcNow();
        var oldAgenda = meeting.Agenda.ToList();
        if (meeting.Change(details.Value, now) is { } invalid) return invalid;
        db.RemoveRange(oldAgenda);
        record.Append(actor, MeetingActions.Changed, MeetingActions.Entity, meeting.Id.ToString(), new { meeting = MeetingPayload.Of(meeting), reason = command.Reason!.Trim() });
        var body = await db.Bodies.FirstAsync(b => b.Id == meeting.BodyId, ct);
        var registrations = await db.MeetingRegistrations.Where(r => r.MeetingId == meeting.Id).ToListAsync(ct);
        foreach (var moved in MeetingSeats.FillFreeSeats(registrations, meeting.EffectiveSeatsPerGroup(body), now))
        {
            record.Append(actor, MeetingActions.MovedUp, MeetingActions.Entity, meeting.Id.ToString(), RegistrationPayload.Of(moved));
        }
        await record.SaveAsync(ct);
        return meeting;
    }
}
