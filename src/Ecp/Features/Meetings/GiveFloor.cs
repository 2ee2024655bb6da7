using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Meetings;

/// <summary>The Chair gives the floor to a waiting speaker, one speaker at a time in the meeting; on the record with the time.</summary>
public sealed class GiveFloor(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public async Task<Result<FloorRequest>> HandleAsync(Actor actor, Guid meetingId, Guid requestId, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        if (await db.FloorRequests.FirstOrDefaultAsync(f => f.Id == requestId && f.MeetingId == meetingId, ct) is not { } request) return new FloorRequestNotFound();
        var speaking = await db.FloorRequests.AnyAsync(f => f.MeetingId == meetingId && f.Status == FloorStatus.Speaking, ct);
        if (request.Give(speaking, clock.GetUtcNow()) is { } invalid) return invalid;
        record.Append(actor, MeetingActions.FloorGiven, MeetingActions.Entity, meetingId.ToString(), FloorPayload.Of(request));
        await record.SaveAsync(ct);
        return request;
    }
}
