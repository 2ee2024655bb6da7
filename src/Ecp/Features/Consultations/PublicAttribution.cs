using Ecp.Common;
using Ecp.Features.Record;
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

    public static PublicAttribution Of(Contribution c, Organization? organization, bool privileged = false)
    {
        if (c.ConsentToCite || privileged)
        {
            return new(AttributedTo.Person, c.Group, c.AuthorId, c.AuthorName, c.MemberStateCode, organization?.Id, organization?.Name);
        }
        return c.Group == StakeholderGroup.Government && c.MemberStateCode is { } state
            ? new(AttributedTo.MemberState, c.Group, null, null, state, null, null)
            : new(AttributedTo.StakeholderGroup, c.Group, null, null, null, null, null);
    }

    public static string ToCode(AttributedTo to) => to switch
    {
        AttributedTo.Person => "person",
        AttributedTo.MemberState => "member-state",
        _ => "stakeholder-group",
    };

    /// <summary>The name a page prints: the person, "Government of Cuba", or "A contributor from civil society".</summary>
    public static string Label(string attributedTo, string? personName, string group, string? memberState, IStringLocalizer l, Func<string, string> stateName)
        => attributedTo switch
        {
            "person" when personName is not null => personName,
            "member-state" when memberState is not null => l["Contribution.GovernmentOf", stateName(memberState)],
            _ => l["Contribution.AnonymousFrom", l[StakeholderGroups.FromCode(group)!.Value.ResourceKey()]],
        };

    /// <summary>What the form tells a contributor, before they submit, that a contribution without
    /// consent will show (the hint beside the consent box).</summary>
    public static string WithoutConsentHint(Actor contributor, IStringLocalizer l, Func<string, string> stateName)
        => contributor.ParticipantGroup == StakeholderGroup.Government && contributor.MemberStateCode is { } state
            ? l["Contribution.ConsentHintGovernment", stateName(state)]
            : l["Contribution.ConsentHintGroup", contributor.ParticipantGroup is { } g ? l[g.ResourceKey()].Value : ""];

    /// <summary>Appends a contribution's event: under the author's name with consent, else under a
    /// commitment to the identity (a salted hash) that names only the group.</summary>
    public static void AppendToRecord(PublicRecord record, Actor actor, Contribution c, string action, object payload)
    {
        if (c.ConsentToCite) record.Append(actor, action, "contribution", c.Id.ToString(), payload);
        else record.AppendWithoutIdentity(actor, c.IdentityCommitment, action, "contribution", c.Id.ToString(), payload);
    }
}
