using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Meetings;

/// <summary>The secretariat cancels a meeting, saying why: the calendar entry keeps its UID with
/// STATUS:CANCELLED and the next SEQUENCE.</summary>
public sealed class CancelMeeting(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        public string? Reason { get; init; }
    }

    public async Task<Result<Meeting>> HandleAsync(Actor actor, Guid meetingId, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        if (await db.Meetings.Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == meetingId, ct) is not { } meeting) return new MeetingNotFound();
        if (meeting.Cancel(command.Reason, clock.GetUtcNow()) is { } invalid) return invalid;
        record.Append(actor, MeetingActions.Cancelled, MeetingActions.Entity, meeting.Id.ToString(),
            new { meetingId = meeting.Id, bodyId = meeting.BodyId, sequence = meeting.Sequence, reason = command.Reason!.Trim() });
        await record.SaveAsync(ct);
        return meeting;
    }
}
