using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Meetings;

/// <summary>The secretariat schedules a meeting of a body; the meeting and its agenda go on the record.</summary>
public sealed class ScheduleMeeting(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command : MeetingRequest
    {
        public Guid? BodyId { get; init; }
    }

    public async Task<Result<Meeting>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        if (command.BodyId is not { } bodyId) return new ValidationError([new FieldError(nameof(Command.BodyId), "Validation.Required")]);
        if (await db.Bodies.FirstOrDefaultAsync(b => b.Id == bodyId, ct) is not { } body)
        {
            return new ValidationError([new FieldError(nameof(Command.BodyId), "Meeting.BodyUnknown")]);
        }
        var details = await command.ToDetailsAsync(db, ct);
        if (!details.IsSuccess) return details.Error!;
        var scheduled = Meeting.Schedule(body, details.Value, clock.GetUtcNow());
        if (!scheduled.IsSuccess) return scheduled;
        db.Meetings.Add(scheduled.Value);
        record.Append(actor, MeetingActions.Scheduled, MeetingActions.Entity, scheduled.Value.Id.ToString(), MeetingPayload.Of(scheduled.Value));
        await record.SaveAsync(ct);
        return scheduled;
    }
}
