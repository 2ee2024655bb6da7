using Ecp.Features.Assessments;
using Ecp.Features.Registry;

namespace Ecp.Tests.Assessments;

/// <summary>The results' arithmetic, against examples computed by hand.</summary>
public sealed class AssessmentResultsTests
{
    [Fact]
    public void Compute_HandExample_CountsDistributionsMediansAndTheBetweenGroupGap()
    {
        // One dimension, "d".
        // Government:     1, 4, 4, 5    -> n1=1 n4=2 n5=1; sorted 1,4,4,5; median (4+4)/2 = 4.
        // Civil society:  2, 1, 3       -> n1=1 n2=1 n3=1; sorted 1,2,3;   median 2.
        // Private sector: 3, 4          -> n3=1 n4=1;      median (3+4)/2 = 3.5.
        // No other group rated: their counts are 0 and their medians null.
        // Between-group gap = highest median - lowest median = 4 - 2 = 2 (government over civil society).
        Score[] scores =
        [
            new("d", StakeholderGroup.Government, 1), new("d", StakeholderGroup.Government, 4), new("d", StakeholderGroup.Government, 4),
            new("d", StakeholderGroup.Government, 5), new("d", StakeholderGroup.CivilSociety, 2), new("d", StakeholderGroup.CivilSociety, 1),
            new("d", StakeholderGroup.CivilSociety, 3), new("d", StakeholderGroup.PrivateSector, 3), new("d", StakeholderGroup.PrivateSector, 4),
        ];

        var result = Assert.Single(AssessmentResults.Compute([("d", "Dimension")], scores));

        var groups = result.Groups.ToDictionary(g => g.StakeholderGroup);
        Assert.Equal(6, groups.Count);
        Assert.Equal((4, (double?)4), (groups["government"].Count, groups["government"].Median));
        Assert.Equal([1, 0, 0, 2, 1], groups["government"].Distribution);
        Assert.Equal((3, (double?)2), (groups["civil-society"].Count, groups["civil-society"].Median));
        Assert.Equal([1, 1, 1, 0, 0], groups["civil-society"].Distribution);
        Assert.Equal((2, (double?)3.5), (groups["private-sector"].Count, groups["private-sector"].Median));
        Assert.Equal((0, (double?)null), (groups["technical-academic"].Count, groups["technical-academic"].Median));
        Assert.Equal(2, result.Gap.Value);
        Assert.Equal(["government"], result.Gap.Highest);
        Assert.Equal(["civil-society"], result.Gap.Lowest);
    }

    [Fact]
    public void Gap_OneGroupOnly_NoFigure()
    {
        var result = Assert.Single(AssessmentResults.Compute([("d", null)], [new Score("d", StakeholderGroup.Government, 3)]));

        Assert.Null(result.Gap.Value);
        Assert.Empty(result.Gap.Highest);
    }

    [Fact]
    public void Trend_TwoRounds_MediansInRoundOrderNullWhereAGroupDidNotRate()
    {
        // Round 1: government 2 and 3 -> median 2.5. Round 2: government 4 -> 4; civil society 1 -> 1 (absent in round 1).
        var first = new RoundRef(Guid.NewGuid(), 1, "First", false);
        var second = new RoundRef(Guid.NewGuid(), 2, "Second", true);
        var one = AssessmentResults.Compute([("d", null)], [new("d", StakeholderGroup.Government, 2), new("d", StakeholderGroup.Government, 3)]);
        var two = AssessmentResults.Compute([("d", null)], [new("d", StakeholderGroup.Government, 4), new("d", StakeholderGroup.CivilSociety, 1)]);

        var trend = AssessmentResults.Trend([(second, two), (first, one)]);

        Assert.Equal([1, 2], trend.Rounds.Select(r => r.Number).ToArray());
        var series = Assert.Single(trend.Dimensions).Groups.ToDictionary(g => g.StakeholderGroup, g => g.Medians.ToArray());
        Assert.Equal([2.5, 4], series["government"]);
        Assert.Equal([null, 1], series["civil-society"]);
    }
}
