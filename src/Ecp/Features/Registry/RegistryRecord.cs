using Ecp.Common;
using Ecp.Features.Record;

namespace Ecp.Features.Registry;

/// <summary>The registry's record entries that several use cases write, written once.</summary>
public static class RegistryRecord
{
    /// <summary>A new person: signed up (SignUp), invited (AcceptInvitation) or made by an operator (AppointSecretariat).</summary>
    public static void AppendPersonRegistered(this PublicRecord record, Actor actor, Person person)
        => record.Append(actor, RegistryActions.PersonRegistered, "person", person.Id.ToString(),
            new { personId = person.Id, displayName = person.DisplayName });

    /// <summary>An approval: by the secretariat (ApproveAccreditation) or by the act of inviting (AcceptInvitation).</summary>
    public static void AppendAccreditationApproved(this PublicRecord record, Actor secretariat, Accreditation accreditation, Person person)
        => record.Append(secretariat, RegistryActions.AccreditationApproved, "accreditation", accreditation.Id.ToString(), new
        {
            accreditationId = accreditation.Id,
            personId = person.Id,
            displayName = person.DisplayName,
            kind = accreditation.Kind,
            memberState = accreditation.MemberStateCode,
            stakeholderGroup = accreditation.StakeholderGroup.ToCode(),
            organizationId = accreditation.OrganizationId,
            note = accreditation.Reason,
        });
}
