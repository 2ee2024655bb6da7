using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Meetings;

/// <summary>The Chair closes the current speaker's floor; on the record with the time.</summary>
public sealed class CloseFloor(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public async Task<Result<FloorRequest>> HandleAsync(Actor actor, Guid meetingId, Guid requestId, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        if (await db.FloorRequests.FirstOrDefaultAsync(f => f.Id == requestId && f.MeetingId == meetingId, ct) is not { } request) return new FloorRequestNotFound();
        if (request.Close(clock.GetUtcNow()) is { } invalid) return invalid;
        record.Append(actor, MeetingActions.FloorClosed, MeetingActions.Entity, meetingId.ToString(), FloorPayload.Of(request));
        await record.SaveAsync(ct);
        return request;
    }
}
