using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Accounts;

/// <summary>A person gives or withdraws consent to be named in the open data (the people dataset and
/// Popolo) and the search. A change goes on the record (person.naming-chosen, with the person's id,
/// already public since person.registered, and no name), so every node's search index follows it;
/// choosing what is already chosen changes nothing and records nothing.</summary>
public sealed class ChooseNaming(AppDbContext db, PublicRecord record)
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
        await record.BeginAsync(ct);
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return new UnauthenticatedError();
        if (person.ConsentsToBeNamed == consent) return consent;
        person.ConsentToBeNamed(consent);
        record.Append(actor, RegistryActions.PersonNamingChosen, "person", person.Id.ToString(), new { personId = person.Id, consentsToBeNamed = consent });
        await record.SaveAsync(ct);
        return person.ConsentsToBeNamed;
    }
}
