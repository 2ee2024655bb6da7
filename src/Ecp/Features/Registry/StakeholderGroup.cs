namespace Ecp.Features.Registry;

/// <summary>The stakeholder groups of Tunis Agenda ¶35 as seated by the WGEC.</summary>
public enum StakeholderGroup
{
    Government,
    PrivateSector,
    CivilSociety,
    TechnicalAcademic,
    IntergovernmentalOrganization,
    InternationalOrganization,
}

public static class StakeholderGroups
{
    public static IReadOnlyList<StakeholderGroup> All { get; } = Enum.GetValues<StakeholderGroup>();

    public static string ResourceKey(this StakeholderGroup group) => "StakeholderGroup." + group;

    /// <summary>Paragraph of the Tunis Agenda that states the group's role.</summary>
    public static string TunisReference(this StakeholderGroup group) => group switch
    {
        StakeholderGroup.Government => "¶35(a)",
        StakeholderGroup.PrivateSector => "¶35(b)",
        StakeholderGroup.CivilSociety => "¶35(c)",
        StakeholderGroup.IntergovernmentalOrganization => "¶35(d)",
        StakeholderGroup.InternationalOrganization => "¶35(e)",
        StakeholderGroup.TechnicalAcademic => "¶36",
        _ => throw new ArgumentOutOfRangeException(nameof(group)),
    };
}
