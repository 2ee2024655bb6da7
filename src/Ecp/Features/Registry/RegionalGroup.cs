namespace Ecp.Features.Registry;

/// <summary>The five UN regional groups of Member States.</summary>
public enum RegionalGroup
{
    African,
    AsiaPacific,
    EasternEuropean,
    LatinAmericanCaribbean,
    WesternEuropeanOther,
}

public static class RegionalGroups
{
    public static IReadOnlyList<RegionalGroup> All { get; } = Enum.GetValues<RegionalGroup>();

    public static string ResourceKey(this RegionalGroup group) => "RegionalGroup." + group;
}
