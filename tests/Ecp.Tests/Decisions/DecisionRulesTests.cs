using Ecp.Common;
using Ecp.Features.Bodies;
using Ecp.Features.Decisions;
using Ecp.Features.Drafts;
using Ecp.Features.Registry;

namespace Ecp.Tests.Decisions;

/// <summary>The consensus rules of <see cref="Decision"/> (domain rules 1-3), without a database.</summary>
public sealed class DecisionRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 14, 10, 0, 0, TimeSpan.Zero);

    private static readonly Body AllStates = Body.Establish("World Telecommunication/ICT Policy Forum", "WTPF", "Resolution 2 (Rev. Guadalajara, 2010)",
        MembershipRule.AllMemberStates, [], "Open to all stakeholders.", 0, Now);

    private static readonly Body Wgec = Body.Establish("Working Group on Enhanced Cooperation", "WGEC", "A/RES/67/195 ¶20",
        MembershipRule.ListedMemberStates, ["BRA", "KEN", "IND", "FRA", "USA"], "Five seats per non-government group.", 5, Now);

    [Fact]
    public void Close_OneObjectionStands_AdoptionByConsensusRefusedAndDecisionStaysOpen()
    {
        var decision = Open(AllStates);
        State(decision, AllStates, "BRA", PositionKind.Support);
        State(decision, AllStates, "KEN", PositionKind.NoObjection);
        State(decision, AllStates, "USA", PositionKind.Objection, "The text alters the balance of respective roles.");

        var result = decision.Close(DecisionOutcome.AdoptedByConsensus, Now.AddHours(1));

        Assert.Equal("objection-stands", Assert.IsAssignableFrom<ConflictError>(result.Error).Code);
        Assert.True(decision.IsOpen);
        Assert.Null(decision.Outcome);
        Assert.Null(decision.ClosedAt);
    }

    [Fact]
    public void Close_ObjectionWithdrawnByALaterPosition_AdoptedByConsensus()
    {
        var decision = Open(AllStates);
        State(decision, AllStates, "USA", PositionKind.Objection, "Not ripe.");
        State(decision, AllStates, "USA", PositionKind.NoObjection);

        var result = decision.Close(DecisionOutcome.AdoptedByConsensus, Now.AddHours(1));

        Assert.True(result.IsSuccess);
        Assert.Equal(DecisionOutcome.AdoptedByConsensus, decision.Outcome);
    }

    [Fact]
    public void Close_ReservationsStated_AdoptedWithTheReservations()
    {
        var decision = Open(AllStates);
        State(decision, AllStates, "BRA", PositionKind.Support);
        State(decision, AllStates, "IND", PositionKind.Reservation, "India joins the consensus with a reservation on paragraph 3.");
        State(decision, AllStates, "FRA", PositionKind.Reservation, "France reads paragraph 2 as without prejudice to existing mandates.");

        var result = decision.Close(DecisionOutcome.AdoptedByConsensus, Now.AddHours(1));

        Assert.True(result.IsSuccess);
        Assert.Equal(DecisionOutcome.AdoptedByConsensus, decision.Outcome);
        Assert.Equal(Now.AddHours(1), decision.ClosedAt);
        Assert.Equal(["FRA", "IND"], decision.Reservations.Select(p => p.MemberStateCode).Order().ToArray());
        Assert.Contains(decision.Reservations, p => p.Statement == "India joins the consensus with a reservation on paragraph 3.");
        Assert.Empty(decision.Objections);
    }

    [Fact]
    public void Close_ManyOpposingAdvisoryViews_StillAdoptedByConsensus()
    {
        var decision = Open(AllStates);
        State(decision, AllStates, "BRA", PositionKind.Support);
        for (var i = 0; i < 50; i++)
        {
            var group = i % 2 == 0 ? StakeholderGroup.CivilSociety : StakeholderGroup.PrivateSector;
            Assert.True(decision.RecordAdvisoryView(Stakeholder(group), AdvisoryStance.Oppose, "We oppose this text.", Now).IsSuccess);
        }

        var result = decision.Close(DecisionOutcome.AdoptedByConsensus, Now.AddHours(1));

        Assert.True(result.IsSuccess);
        Assert.Equal(DecisionOutcome.AdoptedByConsensus, decision.Outcome);
        Assert.Equal(50, decision.AdvisoryViews.Count);
        Assert.Single(decision.Positions);
    }

    [Fact]
    public void Close_OnlyAdvisoryOppositionNoObjection_NotAdoptedDivergentViewsRefused()
    {
        var decision = Open(AllStates);
        decision.RecordAdvisoryView(Stakeholder(StakeholderGroup.CivilSociety), AdvisoryStance.Oppose, "We oppose.", Now);

        var result = decision.Close(DecisionOutcome.NotAdoptedDivergentViews, Now.AddHours(1));

        Assert.Equal("no-objection", Assert.IsAssignableFrom<ConflictError>(result.Error).Code);
        Assert.True(decision.IsOpen);
    }

    [Fact]
    public void RecordAdvisoryView_ByDelegate_ForbiddenAndNothingRecorded()
    {
        var decision = Open(AllStates);

        var result = decision.RecordAdvisoryView(Delegate("BRA"), AdvisoryStance.Support, "Brazil supports.", Now);

        Assert.IsAssignableFrom<ForbiddenError>(result.Error);
        Assert.Empty(decision.AdvisoryViews);
    }

    [Fact]
    public void RecordAdvisoryView_ByStakeholderOfGovernmentGroup_Forbidden()
    {
        var decision = Open(AllStates);

        var result = decision.RecordAdvisoryView(Stakeholder(StakeholderGroup.Government), AdvisoryStance.Support, "Support.", Now);

        Assert.IsAssignableFrom<ForbiddenError>(result.Error);
    }

    [Fact]
    public void RecordAdvisoryView_ByReporter_RecordedUnderTheOrganizationsGroup()
    {
        var decision = Open(AllStates);
        var reporter = new Actor(Guid.NewGuid(), Guid.NewGuid().ToString(), "Reporter of ITU", Role.Reporter, StakeholderGroup.InternationalOrganization);

        var result = decision.RecordAdvisoryView(reporter, AdvisoryStance.Concerns, "  Concerns on paragraph 2.  ", Now);

        Assert.True(result.IsSuccess);
        Assert.Equal(StakeholderGroup.InternationalOrganization, result.Value.Group);
        Assert.Equal("Concerns on paragraph 2.", result.Value.Text);
        Assert.Empty(decision.Positions);
    }

    [Fact]
    public void RecordAdvisoryView_WithoutText_ValidationError()
    {
        var decision = Open(AllStates);

        var result = decision.RecordAdvisoryView(Stakeholder(StakeholderGroup.CivilSociety), AdvisoryStance.Oppose, "  ", Now);

        Assert.Contains(Assert.IsType<ValidationError>(result.Error).Fields, f => f.Field == "Text");
        Assert.Empty(decision.AdvisoryViews);
    }

    [Fact]
    public void RecordPosition_TenDelegatesOfOneState_OnePositionForTheStateTheLastStands()
    {
        var decision = Open(AllStates);
        var kinds = new[] { PositionKind.Support, PositionKind.Objection, PositionKind.NoObjection, PositionKind.Reservation };
        PositionKind last = default;
        for (var i = 0; i < 10; i++)
        {
            last = kinds[i % kinds.Length];
            var result = decision.RecordPosition(AllStates, Delegate("BRA", $"Delegate {i} of Brazil"), last, $"Statement {i}.", Now.AddMinutes(i));
            Assert.True(result.IsSuccess);
        }
        State(decision, AllStates, "KEN", PositionKind.Support);

        var brazil = Assert.Single(decision.Positions, p => p.MemberStateCode == "BRA");
        Assert.Equal(2, decision.Positions.Count());
        Assert.Equal(10, decision.AllPositions.Count(p => p.MemberStateCode == "BRA"));
        Assert.Equal(last, brazil.Kind);
        Assert.Equal("Delegate 9 of Brazil", brazil.DelegateName);
        Assert.Equal("Statement 9.", brazil.Statement);
        Assert.Null(brazil.SupersededAt);
        Assert.All(decision.AllPositions.Where(p => p.MemberStateCode == "BRA" && p != brazil), p => Assert.NotNull(p.SupersededAt));
    }

    [Fact]
    public void RecordPosition_SupersededObjection_NoLongerCountsAsObjection()
    {
        var decision = Open(AllStates);
        State(decision, AllStates, "USA", PositionKind.Objection, "Not ripe.");
        State(decision, AllStates, "USA", PositionKind.Reservation, "We join with a reservation.");

        Assert.Empty(decision.Objections);
        Assert.Equal("USA", Assert.Single(decision.Reservations).MemberStateCode);
        Assert.Equal(2, decision.AllPositions.Count);
    }

    [Theory]
    [InlineData(DecisionOutcome.AdoptedByConsensus)]
    [InlineData(DecisionOutcome.Withdrawn)]
    public void RecordPosition_AfterClose_ConflictDecisionClosed(DecisionOutcome outcome)
    {
        var decision = Open(AllStates);
        State(decision, AllStates, "BRA", PositionKind.Support);
        Assert.True(decision.Close(outcome, Now.AddHours(1)).IsSuccess);

        var result = decision.RecordPosition(AllStates, Delegate("KEN"), PositionKind.Objection, "Too late?", Now.AddHours(2));

        Assert.Equal("decision-closed", Assert.IsAssignableFrom<ConflictError>(result.Error).Code);
        Assert.Single(decision.AllPositions);
    }

    [Fact]
    public void RecordAdvisoryView_AfterClose_ConflictDecisionClosed()
    {
        var decision = Open(AllStates);
        decision.Close(DecisionOutcome.Withdrawn, Now.AddHours(1));

        var result = decision.RecordAdvisoryView(Stakeholder(StakeholderGroup.CivilSociety), AdvisoryStance.Oppose, "Too late.", Now.AddHours(2));

        Assert.Equal("decision-closed", Assert.IsAssignableFrom<ConflictError>(result.Error).Code);
    }

    [Fact]
    public void Close_Twice_ConflictAndFirstOutcomeKept()
    {
        var decision = Open(AllStates);
        decision.Close(DecisionOutcome.AdoptedByConsensus, Now.AddHours(1));

        var result = decision.Close(DecisionOutcome.Withdrawn, Now.AddHours(2));

        Assert.Equal("decision-closed", Assert.IsAssignableFrom<ConflictError>(result.Error).Code);
        Assert.Equal(DecisionOutcome.AdoptedByConsensus, decision.Outcome);
        Assert.Equal(Now.AddHours(1), decision.ClosedAt);
    }

    [Fact]
    public void RecordPosition_StateNotAMemberOfListedBody_ForbiddenAndNothingRecorded()
    {
        var decision = Open(Wgec);

        var result = decision.RecordPosition(Wgec, Delegate("NOR"), PositionKind.Support, null, Now);

        Assert.Equal("Decision.NotAMember", Assert.IsAssignableFrom<ForbiddenError>(result.Error).MessageKey);
        Assert.Empty(decision.AllPositions);
    }

    [Fact]
    public void RecordPosition_StateMemberOfListedBody_Recorded()
    {
        var decision = Open(Wgec);

        var result = decision.RecordPosition(Wgec, Delegate("KEN"), PositionKind.NoObjection, null, Now);

        Assert.True(result.IsSuccess);
        Assert.Equal("KEN", result.Value.MemberStateCode);
        Assert.Null(result.Value.Statement);
    }

    [Theory]
    [InlineData(Role.Stakeholder)]
    [InlineData(Role.Reporter)]
    [InlineData(Role.Secretariat)]
    [InlineData(Role.Registered)]
    public void RecordPosition_ByNonDelegate_Forbidden(Role role)
    {
        var decision = Open(AllStates);
        var actor = new Actor(Guid.NewGuid(), Guid.NewGuid().ToString(), "Not a delegate", role, StakeholderGroup.CivilSociety, "BRA");

        var result = decision.RecordPosition(AllStates, actor, PositionKind.Support, null, Now);

        Assert.Equal("Decision.OnlyDelegates", Assert.IsAssignableFrom<ForbiddenError>(result.Error).MessageKey);
        Assert.Empty(decision.AllPositions);
    }

    [Theory]
    [InlineData(PositionKind.Objection, null)]
    [InlineData(PositionKind.Objection, "   ")]
    [InlineData(PositionKind.Reservation, null)]
    [InlineData(PositionKind.Reservation, "")]
    public void RecordPosition_ObjectionOrReservationWithoutStatement_ValidationErrorOnStatement(PositionKind kind, string? statement)
    {
        var decision = Open(AllStates);

        var result = decision.RecordPosition(AllStates, Delegate("USA"), kind, statement, Now);

        var error = Assert.IsType<ValidationError>(result.Error);
        Assert.Equal("Statement", Assert.Single(error.Fields).Field);
        Assert.Empty(decision.AllPositions);
    }

    [Theory]
    [InlineData(PositionKind.Support)]
    [InlineData(PositionKind.NoObjection)]
    public void RecordPosition_SupportOrNoObjectionWithoutStatement_Recorded(PositionKind kind)
    {
        var decision = Open(AllStates);

        Assert.True(decision.RecordPosition(AllStates, Delegate("BRA"), kind, null, Now).IsSuccess);
    }

    [Fact]
    public void RecordPosition_StatementTooLong_ValidationError()
    {
        var decision = Open(AllStates);

        var result = decision.RecordPosition(AllStates, Delegate("BRA"), PositionKind.Reservation, new string('x', Decision.StatementMaxLength + 1), Now);

        Assert.IsType<ValidationError>(result.Error);
    }

    [Fact]
    public void Close_NotAdoptedDivergentViewsWithoutObjection_Conflict()
    {
        var decision = Open(AllStates);
        State(decision, AllStates, "IND", PositionKind.Reservation, "A reservation is not an objection.");

        var result = decision.Close(DecisionOutcome.NotAdoptedDivergentViews, Now.AddHours(1));

        Assert.Equal("no-objection", Assert.IsAssignableFrom<ConflictError>(result.Error).Code);
        Assert.True(decision.IsOpen);
    }

    [Fact]
    public void Close_NotAdoptedDivergentViewsWithObjection_ClosedWithTheObjectionsShown()
    {
        var decision = Open(AllStates);
        State(decision, AllStates, "BRA", PositionKind.Support);
        State(decision, AllStates, "USA", PositionKind.Objection, "Not ripe for consensus.");

        var result = decision.Close(DecisionOutcome.NotAdoptedDivergentViews, Now.AddHours(1));

        Assert.True(result.IsSuccess);
        Assert.Equal(DecisionOutcome.NotAdoptedDivergentViews, decision.Outcome);
        Assert.Equal("Not ripe for consensus.", Assert.Single(decision.Objections).Statement);
    }

    [Fact]
    public void Close_WithdrawnWithoutPositions_Closed()
    {
        var decision = Open(AllStates);

        Assert.True(decision.Close(DecisionOutcome.Withdrawn, Now).IsSuccess);
        Assert.Equal(DecisionOutcome.Withdrawn, decision.Outcome);
        Assert.False(decision.IsOpen);
    }

    [Fact]
    public void Close_WithdrawnWhileObjectionStands_Closed()
    {
        var decision = Open(AllStates);
        State(decision, AllStates, "USA", PositionKind.Objection, "No.");

        Assert.True(decision.Close(DecisionOutcome.Withdrawn, Now).IsSuccess);
        Assert.Equal(DecisionOutcome.Withdrawn, decision.Outcome);
    }

    private static Decision Open(Body body) => Decision.Open(Document(), body, anotherOpen: false, Now).Value;

    private static OutcomeDocument Document() => OutcomeDocument.Draft(DocumentKind.Opinion, "An Opinion", "A/RES/99/7", bodyId: null, "", "en", "first draft",
        [new ParagraphDraft(ParagraphKind.Operative, 0, "one", [])], Now).Value;

    [Fact]
    public void Open_AnotherDecisionOpen_DecisionOpen()
        => Assert.IsType<DecisionOpen>(Decision.Open(Document(), AllStates, anotherOpen: true, Now).Error);

    [Fact]
    public void Open_DocumentClosed_DocumentClosed()
    {
        var document = Document();
        document.Conclude(DocumentState.Withdrawn);

        Assert.IsType<DocumentClosed>(Decision.Open(document, AllStates, anotherOpen: false, Now).Error);
    }

    private static void State(Decision decision, Body body, string state, PositionKind kind, string? statement = null)
        => Assert.True(decision.RecordPosition(body, Delegate(state), kind, statement, Now).IsSuccess);

    private static Actor Delegate(string state, string? name = null)
        => new(Guid.NewGuid(), Guid.NewGuid().ToString(), name ?? $"Delegate of {state}", Role.Delegate, StakeholderGroup.Government, state);

    private static Actor Stakeholder(StakeholderGroup group)
        => new(Guid.NewGuid(), Guid.NewGuid().ToString(), $"Stakeholder of {group}", Role.Stakeholder, group);
}
