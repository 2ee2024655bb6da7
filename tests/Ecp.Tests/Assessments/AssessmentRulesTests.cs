using Ecp.Common;
using Ecp.Features.Assessments;
using Ecp.Features.Registry;

namespace Ecp.Tests.Assessments;

/// <summary>The rules of <see cref="AssessmentRound"/>, without a database.</summary>
public sealed class AssessmentRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 14, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Rate_SecondDelegateOfTheState_ReplacesTheStatesRatingNotAnotherStates()
    {
        var round = Open();
        var brazil = Delegate("BRA");
        var kenya = Delegate("KEN");
        Assert.True(round.Rate(brazil, "speed", 2, null, Now).IsSuccess);
        Assert.True(round.Rate(kenya, "speed", 4, null, Now).IsSuccess);

        var second = round.Rate(Delegate("BRA"), "speed", 3, null, Now.AddMinutes(1));

        Assert.True(second.IsSuccess);
        Assert.Equal([("BRA", 3), ("KEN", 4)], round.Ratings.Select(r => (r.MemberStateCode!, r.Score)).Order().ToArray());
        Assert.Equal(Now.AddMinutes(1), round.AllRatings.Single(r => r.MemberStateCode == "BRA" && r.Score == 2).SupersededAt);
        Assert.Same(second.Value, round.StandingRatingOf(brazil, "speed"));
    }

    [Fact]
    public void Rate_TwoPeopleOfOneGroup_BothStand()
    {
        var round = Open();

        round.Rate(Stakeholder(), "reporting", 1, null, Now);
        round.Rate(Stakeholder(), "reporting", 5, null, Now);

        Assert.Equal(2, round.Ratings.Count());
    }

    [Fact]
    public void Rate_NotAParticipant_ForbiddenWhateverTheScore()
    {
        var round = Open();
        var secretariat = new Actor(Guid.NewGuid(), "a", "Secretariat", Role.Secretariat);
        var registered = new Actor(Guid.NewGuid(), "b", "Registered", Role.Registered);

        Assert.IsType<OnlyParticipantsRate>(round.Rate(secretariat, "speed", 3, null, Now).Error);
        Assert.IsType<OnlyParticipantsRate>(round.Rate(registered, "speed", 9, null, Now).Error);
        Assert.Empty(round.AllRatings);
    }

    [Fact]
    public void Rate_AfterClose_AssessmentClosedAndCloseAgainRefused()
    {
        var round = Open();
        Assert.True(round.Close(Now).IsSuccess);

        Assert.Equal("assessment-closed", Assert.IsType<AssessmentClosed>(round.Rate(Stakeholder(), "speed", 3, null, Now).Error).Code);
        Assert.IsType<AssessmentClosed>(round.Close(Now).Error);
    }

    [Fact]
    public void Rate_AfterItsClosingTime_AssessmentClosedButTheSecretariatStillRecordsTheClose()
    {
        var round = AssessmentRound.Open(1, "Implementation", Now.AddDays(30), null, Now).Value;
        Assert.True(round.Rate(Stakeholder(), "speed", 3, null, Now.AddDays(29)).IsSuccess);

        Assert.IsType<AssessmentClosed>(round.Rate(Stakeholder(), "speed", 3, null, Now.AddDays(30)).Error);
        Assert.False(round.IsOpenAt(Now.AddDays(30)));
        Assert.True(round.Close(Now.AddDays(31)).IsSuccess);
        Assert.Equal(Now.AddDays(31), round.ClosedAt);
    }

    [Fact]
    public void Rate_UnknownDimensionScoreOutOfRangeCommentTooLong_EachFieldNamed()
    {
        var round = Open();

        var error = Assert.IsType<ValidationError>(round.Rate(Stakeholder(), "happiness", 0, new string('x', 2001), Now).Error);

        Assert.Equal(["Comment", "Dimension", "Score"], error.Fields.Select(f => f.Field).Order().ToArray());
        Assert.Equal([1, 5], error.Fields.Single(f => f.Field == "Score").Args);
    }

    [Fact]
    public void Open_OwnDimensions_DuplicateOrMissingCodeAndNullItemRefused()
    {
        var result = AssessmentRound.Open(1, "Round", null,
            [new("open-data", "Open data"), new("open-data", "Again"), null!, new("Bad Code", "Name"), new("ok", "")], Now);

        var error = Assert.IsType<ValidationError>(result.Error);
        Assert.Equal(["Dimensions[1].Code", "Dimensions[2]", "Dimensions[3].Code", "Dimensions[4].Name"], error.Fields.Select(f => f.Field).ToArray());
    }

    [Fact]
    public void Open_ClosesInThePastOrNoTitle_Refused()
    {
        var error = Assert.IsType<ValidationError>(AssessmentRound.Open(1, " ", Now.AddDays(-1), null, Now).Error);

        Assert.Equal(["Title", "ClosesAt"], error.Fields.Select(f => f.Field).ToArray());
    }

    private static AssessmentRound Open() => AssessmentRound.Open(1, "Implementation", null, null, Now).Value;

    private static Actor Delegate(string state) => new(Guid.NewGuid(), Guid.NewGuid().ToString(), "Delegate of " + state, Role.Delegate, null, state);

    private static Actor Stakeholder() => new(Guid.NewGuid(), Guid.NewGuid().ToString(), "Stakeholder", Role.Stakeholder, StakeholderGroup.CivilSociety);
}
