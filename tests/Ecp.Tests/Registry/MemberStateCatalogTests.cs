using Ecp.Features.Registry;

namespace Ecp.Tests.Registry;

public sealed class MemberStateCatalogTests
{
    private static readonly MemberStateCatalog Catalog = new();

    [Fact]
    public void Catalog_Loaded_193DistinctStates()
    {
        Assert.Equal(193, Catalog.All.Count);
        Assert.Equal(193, Catalog.All.Select(s => s.Code).Distinct().Count());
        Assert.Equal(193, Catalog.All.Select(s => s.Alpha2).Distinct().Count());
        Assert.All(Catalog.All, s => Assert.Matches("^[A-Z]{3}$", s.Code));
    }

    [Fact]
    public void Catalog_Loaded_EveryStateInOneOfTheFiveGroups()
    {
        var groups = Catalog.All.GroupBy(s => s.RegionalGroup).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(RegionalGroups.All.Order(), groups.Keys.Order());
        Assert.Equal(5, groups.Count);
        // The UN's regional groups; Kiribati sits in none but is counted with Asia-Pacific here, and
        // the United States (an observer of WEOG) with Western European and Others.
        Assert.Equal(54, groups[RegionalGroup.African]);
        Assert.Equal(23, groups[RegionalGroup.EasternEuropean]);
        Assert.Equal(33, groups[RegionalGroup.LatinAmericanCaribbean]);
        Assert.Equal(54, groups[RegionalGroup.AsiaPacific]);
        Assert.Equal(29, groups[RegionalGroup.WesternEuropeanOther]);
    }

    [Fact]
    public void Catalog_Loaded_NamesInTheSixLanguages()
    {
        Assert.All(Catalog.All, s => Assert.All(Languages.All, l => Assert.False(string.IsNullOrWhiteSpace(s.Names.GetValueOrDefault(l)), $"{s.Code}/{l}")));
    }

    [Theory]
    [InlineData("FRA")]
    [InlineData("fra")]
    public void Find_CodeInAnyCase_Found(string code)
    {
        Assert.Equal("FRA", Catalog.Find(code)?.Code);
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("TWN")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_NotAMemberState_Null(string? code)
    {
        Assert.Null(Catalog.Find(code));
        Assert.False(Catalog.Exists(code));
    }
}
