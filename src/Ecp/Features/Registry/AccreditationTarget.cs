using Ecp.Common;
using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Registry;

/// <summary>
/// A role and what it is for: a delegate of a Member State, a stakeholder of an organization or
/// of a group, the reporter of a relevant organization. One rule per kind (<see cref="ForDelegate"/>,
/// <see cref="ForStakeholder"/>, <see cref="ForReporter"/>), used for a person's request
/// (<see cref="RequestAccreditation"/>) and for the secretariat's invitation; an invitation keeps a
/// target built by them and restores it with the constructor.
/// </summary>
public sealed record AccreditationTarget(AccreditationKind Kind, string? MemberStateCode, StakeholderGroup Group, Organization? Organization)
{
    /// <summary>Field names of the errors it gives, as in <see cref="RequestAccreditation.Command"/>.</summary>
    public const string KindField = nameof(RequestAccreditation.Command.Kind);
    public const string MemberStateField = nameof(RequestAccreditation.Command.MemberState);
    public const string GroupField = nameof(RequestAccreditation.Command.StakeholderGroup);
    public const string OrganizationField = nameof(RequestAccreditation.Command.OrganizationId);

    /// <summary>The kind a code names; forms and CSV files may write it in any case, with spaces around.</summary>
    public static AccreditationKind? KindOf(string? code) => Codes.Parse<AccreditationKind>(code?.Trim().ToLowerInvariant());

    /// <summary>The target the request names (its kind, then that kind's rule), or what is wrong with it.</summary>
    public static async Task<Result<AccreditationTarget>> CheckAsync(AppDbContext db, MemberStateCatalog states,
        string? kindCode, string? memberState, string? stakeholderGroup, Guid? organizationId, CancellationToken ct)
    {
        if (KindOf(kindCode) is not { } kind) return Invalid(KindField, "Accreditation.KindInvalid");
        var organization = organizationId is { } orgId
            ? await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct)
            : null;
        return kind switch
        {
            AccreditationKind.Delegate => ForDelegate(states.Find(memberState)),
            AccreditationKind.Stakeholder => ForStakeholder(Codes.Parse<StakeholderGroup>(stakeholderGroup), organizationId, organization),
            _ => ForReporter(organization),
        };
    }

    /// <summary>A delegate acts for a Member State that exists.</summary>
    public static Result<AccreditationTarget> ForDelegate(MemberState? state)
        => state is null
            ? Invalid(MemberStateField, "Accreditation.MemberStateInvalid")
            : new AccreditationTarget(AccreditationKind.Delegate, state.Code, StakeholderGroup.Government, null);

    /// <summary>A stakeholder takes part for a registered organization (in its group), or as an
    /// individual of a non-government group.</summary>
    public static Result<AccreditationTarget> ForStakeholder(StakeholderGroup? group, Guid? organizationId, Organization? organization)
    {
        if (organizationId is not null && organization is null) return Invalid(OrganizationField, "Accreditation.OrganizationUnknown");
        if (organization is not null)
        {
            return (group ?? organization.StakeholderGroup) == organization.StakeholderGroup
                ? new AccreditationTarget(AccreditationKind.Stakeholder, null, organization.StakeholderGroup, organization)
                : Invalid(GroupField, "Accreditation.GroupNotOrganizations");
        }
        return group is null or StakeholderGroup.Government
            ? Invalid(GroupField, "Accreditation.GroupInvalid")
            : new AccreditationTarget(AccreditationKind.Stakeholder, null, group.Value, null);
    }

    /// <summary>Only a relevant organization files annual performance reports.</summary>
    public static Result<AccreditationTarget> ForReporter(Organization? organization)
        => organization is not { IsRelevantOrganization: true }
            ? Invalid(OrganizationField, "Accreditation.NotRelevantOrganization")
            : new AccreditationTarget(AccreditationKind.Reporter, null, organization.StakeholderGroup, organization);

    /// <summary>The (pending) accreditation of this target for a person.</summary>
    public Accreditation Request(Guid personId, string motivation, DateTimeOffset now) => Accreditation.Request(personId, this, motivation, now);

    private static ValidationError Invalid(string field, string messageKey) => new Validation().Add(field, messageKey).ToError();
}
