using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Registry;

/// <summary>The secretariat registers an organization so its people can be accredited for it.</summary>
public sealed class RegisterOrganization(AppDbContext db, PublicRecord record, MemberStateCatalog states, TimeProvider clock)
{
    public sealed record Command
    {
        [Name] public string? Name { get; init; }
        [Name] public string? Acronym { get; init; }
        public string? StakeholderGroup { get; init; }
        public string? Country { get; init; }
        /// <summary>"none", "general", "special" or "roster".</summary>
        public string? ConsultativeStatus { get; init; }
        public bool IsRelevantOrganization { get; init; }
    }

    public async Task<Result<Organization>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);

        var check = new Validation()
            .RequiredText(nameof(Command.Name), command.Name, Organization.NameMaxLength)
            .MaxLength(nameof(Command.Acronym), command.Acronym, 40);
        var group = Codes.Parse<StakeholderGroup>(command.StakeholderGroup);
        if (!Organization.MayBeOf(group)) check.Add(nameof(Command.StakeholderGroup), "Organization.GroupInvalid");
        if (!string.IsNullOrWhiteSpace(command.Country) && !states.Exists(command.Country)) check.Add(nameof(Command.Country), "Organization.CountryInvalid");
        // No status given is "none"; a given one is one of the codes.
        var status = string.IsNullOrWhiteSpace(command.ConsultativeStatus) ? Registry.ConsultativeStatus.None : Codes.Parse<ConsultativeStatus>(command.ConsultativeStatus);
        if (status is null) check.Add(nameof(Command.ConsultativeStatus), "Organization.StatusInvalid");
        if (!check.IsValid) return check.ToError();

        var name = command.Name!.Trim();
        if (await db.Organizations.AnyAsync(o => o.Name == name, ct))
        {
            return new OrganizationExists(name);
        }
        var organization = Organization.Register(name, command.Acronym, group!.Value, command.Country, status!.Value,
            command.IsRelevantOrganization, clock.GetUtcNow());
        db.Organizations.Add(organization);
        record.Append(actor, RegistryActions.OrganizationRegistered, "organization", organization.Id.ToString(), new
        {
            organizationId = organization.Id,
            name = organization.Name,
            acronym = organization.Acronym,
            stakeholderGroup = organization.StakeholderGroup.ToCode(),
            country = organization.CountryCode,
            consultativeStatus = organization.ConsultativeStatus,
            relevantOrganization = organization.IsRelevantOrganization,
        });
        await record.SaveAsync(ct);
        return organization;
    }
}
