using Ecp.Common;
using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Notifications;

/// <summary>Stops a follow; only its owner may.</summary>
public sealed class UnfollowTarget(AppDbContext db)
{
    public async Task<Result<Guid>> HandleAsync(Actor actor, Guid followId, CancellationToken ct = default)
    {
        if (actor.PersonId is not { } personId) return new UnauthenticatedError();
        // Someone else's follow is as good as absent: who follows what is not for others to probe.
        var deleted = await db.Set<Follow>().Where(f => f.Id == followId && f.PersonId == personId).ExecuteDeleteAsync(ct);
        return deleted == 1 ? followId : new FollowNotFound();
    }
}
