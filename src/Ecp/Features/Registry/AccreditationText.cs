using Ecp.Resources;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Registry;

/// <summary>An accreditation in words, the same on every page that lists them.</summary>
public static class AccreditationText
{
    /// <summary>What it is for: the Member State, else the organization, else the stakeholder group.</summary>
    public static string TargetName(this Accreditation a, MemberStateCatalog states, IReadOnlyDictionary<Guid, string> organizationNames, IStringLocalizer<SharedResource> l)
        => a.Kind == AccreditationKind.Delegate ? states.Find(a.MemberStateCode)?.Name ?? ""
            : a.OrganizationId is { } id && organizationNames.TryGetValue(id, out var name) ? name
            : l[a.StakeholderGroup.ResourceKey()].Value;
}
