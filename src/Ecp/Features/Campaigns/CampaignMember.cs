namespace Ecp.Features.Campaigns;

/// <summary>A contribution as the campaign projection sees it: its exact key, its MinHash signature
/// and the group it belongs to (the id of the group's first contribution; a group of one is a unique
/// text). Nothing here hides or removes anything: every contribution keeps its row and is counted.</summary>
public sealed class CampaignMember
{
    private CampaignMember()
    {
        Signature = null!;
        StakeholderGroup = null!;
    }

    public CampaignMember(Guid contributionId, Guid consultationId, int number, long exactKey, byte[] signature, string stakeholderGroup, DateTimeOffset submittedAt)
    {
        ContributionId = contributionId;
        ConsultationId = consultationId;
        Number = number;
        ExactKey = exactKey;
        Signature = signature;
        StakeholderGroup = stakeholderGroup;
        SubmittedAt = submittedAt;
        GroupId = contributionId;
    }

    public Guid ContributionId { get; private set; }

    public Guid ConsultationId { get; private set; }

    public int Number { get; private set; }

    public long ExactKey { get; private set; }

    public byte[] Signature { get; private set; }

    /// <summary>The stakeholder group the contribution is attributed to (as claimed, for a public comment).</summary>
    public string StakeholderGroup { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public Guid GroupId { get; private set; }

    internal void JoinGroup(Guid group) => GroupId = group;
}

/// <summary>One LSH band of a member's signature: members sharing a band hash are candidates.</summary>
public sealed class CampaignBand
{
    private CampaignBand()
    {
    }

    public CampaignBand(Guid consultationId, long hash, Guid contributionId)
    {
        ConsultationId = consultationId;
        Hash = hash;
        ContributionId = contributionId;
    }

    public Guid ConsultationId { get; private set; }

    public long Hash { get; private set; }

    public Guid ContributionId { get; private set; }
}
