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

    public static string ToCode(this RegionalGroup group) => group switch
    {
        RegionalGroup.African => "african",
        RegionalGroup.AsiaPacific => "asia-pacific",
        RegionalGroup.EasternEuropean => "eastern-european",
        RegionalGroup.LatinAmericanCaribbean => "latin-american-caribbean",
        RegionalGroup.WesternEuropeanOther => "western-european-other",
        _ => throw new ArgumentOutOfRangeException(nameof(group)),
    };

    public static RegionalGroup? FromCode(string? code)
        => All.Cast<RegionalGroup?>().FirstOrDefault(g => g!.Value.ToCode() == code);

    public static string ResourceKey(this RegionalGroup group) => "RegionalGroup." + group;
}
