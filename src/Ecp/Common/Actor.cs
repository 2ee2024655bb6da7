using Ecp.Features.Registry;

namespace Ecp.Common;

/// <summary>
/// Who is asking, as the use cases see it: resolved from the database on every request, so a
/// newly approved accreditation counts at once, on every node, without a new log-in.
/// </summary>
public sealed record Actor(
    Guid? PersonId,
    string? AccountId,
    string DisplayName,
    Role Role,
    StakeholderGroup? Group = null,
    string? MemberStateCode = null,
    Guid? OrganizationId = null)
{
    public static Actor Public { get; } = new(null, null, "", Role.Public);

    /// <summary>An operator acting through the command line (create-admin, seed-demo).</summary>
    public static Actor System(string name) => new(null, null, name, Role.Public);

    /// <summary>
    /// An authenticated account before its person is read: enough for a use case that reads the
    /// person itself under the record's lock (SubmitContribution), and nothing on its own (it has
    /// no role, so every other guard refuses it).
    /// </summary>
    public static Actor OfAccount(string accountId) => new(null, accountId, "", Role.Public);

    public bool IsAuthenticated => AccountId is not null;

    public bool IsSecretariat => Role == Role.Secretariat;

    /// <summary>The stakeholder group a participant speaks for: Government for a delegate, the
    /// accredited group for a stakeholder or reporter, none for anyone else.</summary>
    public StakeholderGroup? ParticipantGroup => Role switch
    {
        Role.Delegate when MemberStateCode is not null => StakeholderGroup.Government,
        Role.Stakeholder or Role.Reporter => Group,
        _ => null,
    };

    /// <summary>The guard of the secretariat's use cases: no error for the secretariat, else
    /// "log in" for the public and "not allowed" for everyone else.</summary>
    public Error? UnlessSecretariat() => IsSecretariat ? null : IsAuthenticated ? new NotAllowed() : new UnauthenticatedError();

    /// <summary>The reference written on the public record.</summary>
    public string RecordReference => PersonId is { } id ? $"person/{id}" : AccountId is null && DisplayName.Length > 0 ? $"system/{DisplayName}" : "public";

    public static Actor Of(Person person) => new(person.Id, person.AccountId, person.DisplayName, person.Role,
        person.StakeholderGroup, person.MemberStateCode, person.OrganizationId);
}
