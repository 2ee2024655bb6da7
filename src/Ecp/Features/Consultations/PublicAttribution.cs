using Ecp.Common;
using Ecp.Features.Registry;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Consultations;

/// <summary>Who a contribution is attributed to in public.</summary>
public enum AttributedTo
{
    /// <summary>The author consented to be cited: their name, and their organization or State.</summary>
    Person,
    /// <summary>A government contributor who did not consent: the State speaks ("Government of Cuba"), not the person.</summary>
    MemberState,
    /// <summary>Any other contributor who did not consent: the stakeholder group only.</summary>
    StakeholderGroup,
}

/// <summary>
/// The consent rule, in one place: what every public output (pages, API, CSV, record) may show of
/// who wrote a contribution (docs/record.md, "Consent"). With consent: the person, their
/// organization, their State. Without: for a government contributor, the State — its contribution,
/// never the person's name, id or a link to them; for anyone else, the stakeholder group only (not
/// the organization, which may have a single member). The secretariat and the author see the
/// person whatever the consent.
/// </summary>
public sealed record PublicAttribution(AttributedTo To, StakeholderGroup Group, Guid? PersonId, string? PersonName,
    string? MemberState, Guid? OrganizationId, string? OrganizationName)
{
    /// <summary>The secretariat and the author see who wrote it, whatever the consent.</summary>
    public static bool SeesAuthor(Actor viewer, Contribution c) => viewer.IsSecretariat || viewer.PersonId == c.AuthorId;

    /// <summary>The author's name where an output may print it (they consented), else none.</summary>
    public static string? CitedName(bool consentToCite, string authorName) => consentToCite ? authorName : null;

    public static PublicAttribution Of(Contribution c, Organization? organization, bool privileged = false)
        => Of(privileged || c.ConsentToCite, c.Group, c.MemberStateCode, c.AuthorId, c.AuthorName, organization);

    /// <summary>The rule itself, for a contribution or for what a query read of its author.</summary>
    public static PublicAttribution Of(bool named, StakeholderGroup group, string? memberState, Guid authorId, string authorName, Organization? organization = null)
    {
        if (named)
        {
            return new(AttributedTo.Person, group, authorId, authorName, memberState, organization?.Id, organization?.Name);
        }
        return group == StakeholderGroup.Government && memberState is { } state
            ? new(AttributedTo.MemberState, group, null, null, state, null, null)
            : new(AttributedTo.StakeholderGroup, group, null, null, null, null, null);
    }

    /// <summary>The name a page prints: the person, "Government of Cuba", or "A contributor from civil society".</summary>
    public static string Label(string attributedTo, string? personName, string group, string? memberState, IStringLocalizer l, Func<string, string> stateName)
        => attributedTo switch
        {
            "person" when personName is not null => personName,
            "member-state" when memberState is not null => l["Contribution.GovernmentOf", stateName(memberState)],
            _ => l["Contribution.AnonymousFrom", l[Codes.Parse<StakeholderGroup>(group)!.Value.ResourceKey()]],
        };

    /// <summary>What the form tells a contributor, before they submit, that a contribution without
    /// consent will show (the hint beside the consent box).</summary>
    public static string WithoutConsentHint(Actor contributor, IStringLocalizer l, Func<string, string> stateName)
        => contributor.ParticipantGroup == StakeholderGroup.Government && contributor.MemberStateCode is { } state
            ? l["Contribution.ConsentHintGovernment", stateName(state)]
            : l["Contribution.ConsentHintGroup", contributor.ParticipantGroup is { } g ? l[g.ResourceKey()].Value : ""];
}
