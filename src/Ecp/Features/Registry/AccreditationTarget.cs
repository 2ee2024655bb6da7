using Ecp.Common;
using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Registry;

/// <summary>
/// A role and what it is for: a delegate of a Member State, a stakeholder of an organization or
/// of a group, the reporter of a relevant organization. Checked in one place for a person's
/// request (<see cref="RequestAccreditation"/>) and for the secretariat's invitation.
/// </summary>
public sealed record AccreditationTarget(AccreditationKind Kind, string? MemberStateCode, StakeholderGroup Group, Organization? Organization)
{
    /// <summary>Field names of the errors it adds, as in <see cref="RequestAccreditation.Command"/>.</summary>
    public const string KindField = nameof(RequestAccreditation.Command.Kind);
    public const string MemberStateField = nameof(RequestAccreditation.Command.MemberState);
    public const string GroupField = nameof(RequestAccreditation.Command.StakeholderGroup);
    public const string OrganizationField = nameof(RequestAccreditation.Command.OrganizationId);

    public static AccreditationKind? KindOf(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "delegate" => AccreditationKind.Delegate,
        "stakeholder" => AccreditationKind.Stakeholder,
        "reporter" => AccreditationKind.Reporter,
        _ => null,
    };

    /// <summary>Adds to <paramref name="check"/> what is wrong; returns the target when nothing is.</summary>
    public static async Task<AccreditationTarget?> CheckAsync(AppDbContext db, MemberStateCatalog states, Validation check,
        string? kindCode, string? memberState, string? stakeholderGroup, Guid? organizationId, CancellationToken ct)
    {
        var kind = KindOf(kindCode);
        if (kind is null) check.Add(KindField, "Accreditation.KindInvalid");

        var organization = organizationId is { } orgId
            ? await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct)
            : null;
        var group = Codes.Parse<StakeholderGroup>(stakeholderGroup);
        var valid = true;
        switch (kind)
        {
            case AccreditationKind.Delegate when !states.Exists(memberState):
                check.Add(MemberStateField, "Accreditation.MemberStateInvalid");
                valid = false;
                break;
            case AccreditationKind.Stakeholder when organizationId is not null && organization is null:
                check.Add(OrganizationField, "Accreditation.OrganizationUnknown");
                valid = false;
                break;
            case AccreditationKind.Stakeholder when organization is not null:
                group ??= organization.StakeholderGroup;
                if (group != organization.StakeholderGroup)
                {
                    check.Add(GroupField, "Accreditation.GroupNotOrganizations");
                    valid = false;
                }
                break;
            case AccreditationKind.Stakeholder when group is null or StakeholderGroup.Government:
                check.Add(GroupField, "Accreditation.GroupInvalid");
                valid = false;
                break;
            case AccreditationKind.Reporter when organization is not { IsRelevantOrganization: true }:
                check.Add(OrganizationField, "Accreditation.NotRelevantOrganization");
                valid = false;
                break;
        }
        if (kind is not { } k || !valid) return null;
        return k switch
        {
            AccreditationKind.Delegate => new(k, states.Find(memberState)!.Code, StakeholderGroup.Government, null),
            AccreditationKind.Stakeholder => new(k, null, group!.Value, organization),
            _ => new(k, null, organization!.StakeholderGroup, organization),
        };
    }

    /// <summary>The (pending) accreditation of this target for a person.</summary>
    public Accreditation Request(Guid personId, string motivation, DateTimeOffset now) => Kind switch
    {
        AccreditationKind.Delegate => Accreditation.ForDelegate(personId, MemberStateCode!, motivation, now),
        AccreditationKind.Stakeholder => Accreditation.ForStakeholder(personId, Group, Organization?.Id, motivation, now),
        _ => Accreditation.ForReporter(personId, Organization!, motivation, now),
    };
}
