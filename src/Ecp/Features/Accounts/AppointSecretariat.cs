using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Ecp.Features.Registry;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Accounts;

/// <summary>An operator gives a person the secretariat's role (ecp create-admin). Creates the
/// account when it does not exist yet.</summary>
public sealed class AppointSecretariat(AppDbContext db, UserManager<Account> users, PublicRecord record, TimeProvider clock)
{
    public sealed record Command(string Email, string DisplayName, string Password);

    public async Task<Result<Person>> HandleAsync(Actor operatorActor, Command command, CancellationToken ct = default)
    {
        var check = new Validation()
            .RequiredText("Email", command.Email, 256)
            .RequiredText("DisplayName", command.DisplayName, Person.DisplayNameMaxLength);
        if (!check.IsValid) return check.ToError();

        await record.BeginAsync(ct);
        var account = await users.FindByEmailAsync(command.Email.Trim());
        Person person;
        if (account is null)
        {
            account = new Account { UserName = command.Email.Trim(), Email = command.Email.Trim(), EmailConfirmed = true };
            var created = await users.CreateAsync(account, command.Password);
            if (!created.Succeeded) return IdentityErrors.ToValidation(created, "Password", "Email");
            person = Person.Register(account.Id, command.DisplayName, clock.GetUtcNow());
            db.People.Add(person);
            record.AppendPersonRegistered(operatorActor, person);
        }
        else
        {
            person = await db.People.SingleAsync(p => p.AccountId == account.Id, ct);
        }
        person.AppointToSecretariat();
        record.Append(operatorActor, Registry.RegistryActions.PersonAppointedSecretariat, "person", person.Id.ToString(),
            new { personId = person.Id, displayName = person.DisplayName });
        await record.SaveAsync(ct);
        return person;
    }
}
