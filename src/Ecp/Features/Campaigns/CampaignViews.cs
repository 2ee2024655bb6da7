namespace Ecp.Features.Campaigns;

/// <summary>A consultation's texts as the campaign projection groups them: how many contributions
/// it has grouped, how many are unique texts and how many belong to campaigns, and a page of campaigns,
/// largest first. Facts, not verdicts: nothing is removed or discounted.</summary>
public sealed record CampaignsView(Guid ConsultationId, int Contributions, int UniqueTexts, int Campaigns, int InCampaigns,
    IReadOnlyList<CampaignView> Items, string? Next, string Method);

/// <summary>One campaign: a group of two or more contributions with the same or nearly the same text.</summary>
/// <param name="Id">Stable: the id of the group's first contribution.</param>
/// <param name="Variants">How many different texts the group has after normalization (1: exact copies only).</param>
/// <param name="Representative">The first contribution's text (null where moderation hid it).</param>
public sealed record CampaignView(Guid Id, int Size, int Variants, int FirstNumber, DateTimeOffset FirstSeen, DateTimeOffset LastSeen,
    string? Representative, bool RepresentativeHidden, IReadOnlyList<ClaimedGroup> StakeholderGroups);

/// <summary>How many of a campaign's contributions are attributed to (or, for public comments, claim) a stakeholder group.</summary>
public sealed record ClaimedGroup(string StakeholderGroup, int Count);
