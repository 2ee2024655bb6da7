using Ecp.Common;
using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Accounts;

/// <summary>A person gives or withdraws consent to be named in the open data (the people dataset and
/// Popolo). A setting of their own, like the language: nothing goes on the record, which would name
/// them there either way.</summary>
public sealed class ChooseNaming(AppDbContext db)
{
    public sealed record Command
    {
        /// <summary>True to be named in the open data, false not to be.</summary>
        public bool? Consent { get; init; }
    }

    public async Task<Result<bool>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
    {
        if (actor.PersonId is not { } personId) return new UnauthenticatedError();
        if (command.Consent is not { } consent) return new Validation().Add(nameof(Command.Consent), "Validation.Required").ToError();
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return new UnauthenticatedError();
        person.ConsentToBeNamed(consent);
        await db.SaveChangesAsync(ct);
        return person.ConsentsToBeNamed;
    }
}
