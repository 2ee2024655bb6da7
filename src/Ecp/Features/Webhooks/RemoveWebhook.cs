using Ecp.Common;
using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Webhooks;

/// <summary>Ends a subscription; only its owner may. Its log stays; nothing more is sent to it.</summary>
public sealed class RemoveWebhook(AppDbContext db, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        if (actor.PersonId is not { } personId) return new UnauthenticatedError();
        // Someone else's subscription is as good as absent.
        var subscription = await db.Set<WebhookSubscription>().SingleOrDefaultAsync(s => s.Id == id && s.PersonId == personId && s.RemovedAt == null, ct);
        if (subscription is null) return new WebhookNotFound();
        subscription.Remove(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return id;
    }
}
