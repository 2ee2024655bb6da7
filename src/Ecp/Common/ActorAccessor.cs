using System.Security.Claims;
using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Common;

/// <summary>Resolves the current request's <see cref="Actor"/> once per request.</summary>
public sealed class ActorAccessor(IHttpContextAccessor http, AppDbContext db)
{
    private Actor? actor;

    public async Task<Actor> GetAsync(CancellationToken ct = default)
    {
        if (actor is not null) return actor;
        var accountId = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (accountId is null) return actor = Actor.Public;
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.AccountId == accountId, ct);
        return actor = person is null ? Actor.Public : Actor.Of(person);
    }
}
