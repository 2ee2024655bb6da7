namespace Ecp.Features.Registry;

/// <summary>The record's action names for people, organizations and accreditation, as "entity.verb": written by the use cases,
/// read by the projections (notifications, feeds, the home page's activity), the same constants.</summary>
public static class RegistryActions
{
    public const string PersonRegistered = "person.registered";
    public const string PersonAppointedSecretariat = "person.appointed-secretariat";
    public const string PersonNamingChosen = "person.naming-chosen";
    public const string AccreditationRequested = "accreditation.requested";
    public const string AccreditationApproved = "accreditation.approved";
    public const string AccreditationRejected = "accreditation.rejected";
    public const string OrganizationRegistered = "organization.registered";
}
