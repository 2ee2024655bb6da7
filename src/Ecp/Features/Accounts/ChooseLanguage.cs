using Ecp.Common;
using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Accounts;

/// <summary>A person chooses the UN language the platform writes to them in. An account setting,
/// like the password: not process state, so nothing goes on the record.</summary>
public sealed class ChooseLanguage(AppDbContext db)
{
    public sealed record Command
    {
        public string? Language { get; init; }
    }

    public async Task<Result<string>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
    {
        if (actor.AccountId is not { } accountId) return new UnauthenticatedError();
        var account = await db.Users.FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null) return new UnauthenticatedError();
        var chosen = account.ChooseLanguage(command.Language);
        if (!chosen.IsSuccess) return chosen.Error!;
        await db.SaveChangesAsync(ct);
        return account.Language;
    }
}
