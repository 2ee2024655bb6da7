using System.Security.Cryptography;
using System.Text;
using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Registry;

/// <summary>A person asks to take part as a delegate of a Member State, as a stakeholder, or as
/// the reporter of a relevant organization.</summary>
public sealed class RequestAccreditation(AppDbContext db, PublicRecord record, MemberStateCatalog states, TimeProvider clock)
{
    public sealed record Command
    {
        /// <summary>"delegate", "stakeholder" or "reporter".</summary>
        public string? Kind { get; init; }
        public string? MemberState { get; init; }
        public string? StakeholderGroup { get; init; }
        public Guid? OrganizationId { get; init; }
        public string? Motivation { get; init; }
    }

    public async Task<Result<Accreditation>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
    {
        if (!actor.IsAuthenticated || actor.PersonId is not { } personId) return new UnauthenticatedError();
        if (actor.IsSecretariat) return new SecretariatCannotApply();
        await record.BeginAsync(ct);

        var check = new Validation().RequiredText(nameof(Command.Motivation), command.Motivation, Accreditation.TextMaxLength);
        var target = await AccreditationTarget.CheckAsync(db, states, command.Kind, command.MemberState, command.StakeholderGroup, command.OrganizationId, ct);
        // Every message at once: the motivation's and the target's.
        foreach (var f in (target.Error as ValidationError)?.Fields ?? []) check.Add(f.Field, f.MessageKey, f.Args);
        if (!check.IsValid) return check.ToError();

        if (await db.Accreditations.AnyAsync(a => a.PersonId == personId && a.Status == AccreditationStatus.Pending, ct))
        {
            return new AccreditationPending();
        }

        var accreditation = target.Value.Request(personId, command.Motivation!, clock.GetUtcNow());
        db.Accreditations.Add(accreditation);
        // The motivation is for the secretariat: the record commits to it by hash only.
        record.Append(actor, RegistryActions.AccreditationRequested, "accreditation", accreditation.Id.ToString(), new
        {
            accreditationId = accreditation.Id,
            personId,
            kind = accreditation.Kind,
            memberState = accreditation.MemberStateCode,
            stakeholderGroup = accreditation.StakeholderGroup.ToCode(),
            organizationId = accreditation.OrganizationId,
            motivationSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(accreditation.Motivation))),
        });
        await record.SaveAsync(ct);
        return accreditation;
    }
}
