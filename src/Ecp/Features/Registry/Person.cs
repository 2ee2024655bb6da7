using Ecp.Common;

namespace Ecp.Features.Registry;

/// <summary>
/// A person's public profile and standing. The log-in lives in <see cref="Accounts.Account"/>;
/// what the person may do follows from the accreditation the secretariat approved.
/// </summary>
public sealed class Person
{
    public const int DisplayNameMaxLength = 120;

    private Person()
    {
        AccountId = null!;
        DisplayName = null!;
    }

    public Guid Id { get; private set; }

    public string AccountId { get; private set; }

    public string DisplayName { get; private set; }

    public Role Role { get; private set; }

    /// <summary>For a delegate: the Member State whose delegation they belong to.</summary>
    public string? MemberStateCode { get; private set; }

    public Guid? OrganizationId { get; private set; }

    public StakeholderGroup? StakeholderGroup { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>The person agreed to be named in the open data (the people dataset and Popolo):
    /// off until they say so, and withdrawn as simply.</summary>
    public bool ConsentsToBeNamed { get; private set; }

    /// <summary>Gives or withdraws consent to be named in the open data.</summary>
    public void ConsentToBeNamed(bool consent) => ConsentsToBeNamed = consent;

    public static Person Register(string accountId, string displayName, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        AccountId = accountId,
        DisplayName = displayName.Trim(),
        Role = Role.Registered,
        RegisteredAt = now,
    };

    /// <summary>Secretariat staff are appointed by an operator (ecp create-admin), not accredited.</summary>
    public void AppointToSecretariat()
    {
        Role = Role.Secretariat;
        MemberStateCode = null;
        OrganizationId = null;
        StakeholderGroup = null;
    }

    /// <summary>Takes the standing an approved accreditation gives.</summary>
    public void Accredit(Accreditation accreditation)
    {
        if (accreditation.PersonId != Id || accreditation.Status != AccreditationStatus.Approved)
        {
            throw new InvalidOperationException("Only an approved accreditation of this person applies.");
        }
        Role = accreditation.Kind switch
        {
            AccreditationKind.Delegate => Role.Delegate,
            AccreditationKind.Stakeholder => Role.Stakeholder,
            AccreditationKind.Reporter => Role.Reporter,
            _ => throw new ArgumentOutOfRangeException(nameof(accreditation)),
        };
        MemberStateCode = accreditation.MemberStateCode;
        OrganizationId = accreditation.OrganizationId;
        StakeholderGroup = accreditation.StakeholderGroup;
    }
}
