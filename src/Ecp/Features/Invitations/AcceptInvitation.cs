using System.Globalization;
using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Accounts;
using Ecp.Features.Record;
using Ecp.Features.Registry;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Invitations;

/// <summary>
/// The invitee opens the link and chooses a password: the account, the person and the
/// accreditation the invitation promised, approved by the secretariat member who invited,
/// in one transaction with their record entries. The token works once.
/// </summary>
public sealed class AcceptInvitation(AppDbContext db, UserManager<Account> users, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        public string? Password { get; init; }
    }

    /// <summary>The invitation behind a token, to show it before it is accepted (null if none).</summary>
    public Task<Invitation?> FindAsync(string? token, CancellationToken ct = default)
        => token is { Length: > 0 } ? db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == Invitation.HashOf(token), ct) : Task.FromResult<Invitation?>(null);

    public async Task<Result<Person>> HandleAsync(string? token, Command command, CancellationToken ct = default)
    {
        if (token is not { Length: > 0 }) return new InvitationNotFound();
        await record.BeginAsync(ct);
        var hash = Invitation.HashOf(token);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        var now = clock.GetUtcNow();
        if (Invitation.Refusal(invitation, now) is { } refused) return refused;
        var check = new Validation().Required(nameof(Command.Password), command.Password);
        if (!check.IsValid) return check.ToError();

        var account = new Account { UserName = invitation!.Email, Email = invitation.Email, EmailConfirmed = true };
        account.ChooseLanguage(invitation.Language ?? Languages.ToUnLanguage(CultureInfo.CurrentUICulture));
        var created = await users.CreateAsync(account, command.Password!);
        if (!created.Succeeded) return IdentityErrors.ToValidation(created, nameof(Command.Password), nameof(Command.Password));

        var person = Person.Register(account.Id, invitation.DisplayName, now);
        db.People.Add(person);
        var organization = invitation.OrganizationId is { } orgId ? await db.Organizations.SingleAsync(o => o.Id == orgId, ct) : null;
        var accepted = invitation.Accept(person, organization, now);
        if (!accepted.IsSuccess) return accepted.Error!;
        db.Accreditations.Add(accepted.Value);
        var inviter = await db.People.AsNoTracking().SingleAsync(p => p.Id == invitation.InvitedBy, ct);

        record.AppendPersonRegistered(Actor.Of(person), person);
        record.Append(Actor.Of(person), InvitationActions.Accepted, "invitation", invitation.Id.ToString(), new
        {
            invitationId = invitation.Id,
            personId = person.Id,
            accreditationId = accepted.Value.Id,
        });
        record.AppendAccreditationApproved(Actor.Of(inviter), accepted.Value, person);
        await record.SaveAsync(ct);
        return person;
    }
}
