using Ecp.Common;
using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Accounts;

public sealed class RevokeApiToken(AppDbContext db, ApiTokenCache tokens, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(Actor actor, Guid tokenId, CancellationToken ct = default)
    {
        if (!actor.IsAuthenticated) return new UnauthenticatedError();
        // Another account's token is "not found", so token ids cannot be probed.
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.AccountId == actor.AccountId, ct);
        if (token is null) return new ApiTokenNotFound();
        token.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        tokens.Forget(token.Hash);
        return token.Id;
    }
}
