using System.Security.Claims;
using System.Text.Encodings.Web;
using Ecp.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ecp.Features.Accounts;

/// <summary>Authenticates "Authorization: Bearer ecp_..." against the stored token hashes.</summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenCache tokens,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(ApiToken.Prefix, StringComparison.Ordinal)) return AuthenticateResult.Fail("Not an ECP token.");

        var hash = ApiToken.HashOf(secret);
        var token = tokens.Find(hash);
        if (token is null)
        {
            // The database only when this node does not know the token yet.
            var db = Context.RequestServices.GetRequiredService<AppDbContext>();
            token = await db.ApiTokens.AsNoTracking().Where(t => t.Hash == hash && t.RevokedAt == null)
                .Select(t => new ApiTokenCache.Entry(t.Id, t.AccountId, t.LastUsedAt)).FirstOrDefaultAsync(Context.RequestAborted);
            if (token is null) return AuthenticateResult.Fail("Unknown or revoked token.");
            var now = clock.GetUtcNow();
            if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(5))
            {
                // Coarse on purpose: one write per token per five minutes, not one per request.
                await db.ApiTokens.Where(t => t.Id == token.TokenId)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
                token = token with { LastUsedAt = now };
            }
            tokens.Remember(hash, token);
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, token.AccountId)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
