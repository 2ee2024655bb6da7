using Ecp.Common;
using Ecp.Data;

namespace Ecp.Features.Accounts;

/// <summary>Issues a personal API token. Account data, not process state: not on the record.</summary>
public sealed class IssueApiToken(AppDbContext db, TimeProvider clock)
{
    public const int MaxActiveTokens = 20;

    public sealed record Command
    {
        [Name] public string? Name { get; init; }
    }

    public sealed record Issued(Guid Id, string Name, string Token, DateTimeOffset CreatedAt);

    public async Task<Result<Issued>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
    {
        if (!actor.IsAuthenticated) return new UnauthenticatedError();
        var check = new Validation().RequiredText(nameof(Command.Name), command.Name, ApiToken.NameMaxLength);
        if (!check.IsValid) return check.ToError();
        if (db.ApiTokens.Count(t => t.AccountId == actor.AccountId && t.RevokedAt == null) >= MaxActiveTokens)
        {
            return new TooManyTokens(MaxActiveTokens);
        }
        var (token, secret) = ApiToken.Issue(actor.AccountId!, command.Name!, clock.GetUtcNow());
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new Issued(token.Id, token.Name, secret, token.CreatedAt);
    }
}
