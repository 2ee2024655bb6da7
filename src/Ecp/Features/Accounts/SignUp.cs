using System.Globalization;
using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Ecp.Features.Registry;
using Microsoft.AspNetCore.Identity;

namespace Ecp.Features.Accounts;

/// <summary>Creates a log-in and the person's public profile. The profile is process state (it
/// appears on the record); the e-mail address and password are not.</summary>
public sealed class SignUp(AppDbContext db, UserManager<Account> users, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        [Name] public string? DisplayName { get; init; }
        public string? Email { get; init; }
        [Secret] public string? Password { get; init; }
    }

    public async Task<Result<Person>> HandleAsync(Command command, CancellationToken ct = default)
    {
        var check = new Validation()
            .RequiredText(nameof(Command.DisplayName), command.DisplayName, Person.DisplayNameMaxLength)
            .RequiredText(nameof(Command.Email), command.Email, 256)
            .Required(nameof(Command.Password), command.Password);
        if (!check.IsValid) return check.ToError();

        var account = new Account { UserName = command.Email!.Trim(), Email = command.Email.Trim() };
        // Notices are written in the language the person signed up in, until they choose another.
        account.ChooseLanguage(Languages.ToUnLanguage(CultureInfo.CurrentUICulture));
        await record.BeginAsync(ct);
        var created = await users.CreateAsync(account, command.Password!);
        if (!created.Succeeded)
        {
            return IdentityErrors.ToValidation(created, nameof(Command.Password), nameof(Command.Email));
        }
        var person = Person.Register(account.Id, command.DisplayName!, clock.GetUtcNow());
        db.People.Add(person);
        record.AppendPersonRegistered(Actor.Of(person), person);
        await record.SaveAsync(ct);
        return person;
    }
}
