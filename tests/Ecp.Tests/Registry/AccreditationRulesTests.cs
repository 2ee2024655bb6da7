using Ecp.Common;
using Ecp.Features.Registry;

namespace Ecp.Tests.Registry;

/// <summary>The rules of <see cref="Accreditation"/> and <see cref="Person.Accredit"/>, without a database.</summary>
public sealed class AccreditationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Secretariat = Guid.NewGuid();
    private static readonly MemberStateCatalog States = new();

    /// <summary>A delegate's request, its target built by the delegate rule.</summary>
    private static Accreditation Delegate(Guid personId, string state, string motivation)
        => AccreditationTarget.ForDelegate(States.Find(state)).Value.Request(personId, motivation, Now);

    [Fact]
    public void Approve_Pending_ApprovedWithDecider()
    {
        var accreditation = Delegate(Guid.NewGuid(), "BRA", "  Appointed.  ");

        var result = accreditation.Approve(Secretariat, null, Now.AddHours(1));

        Assert.True(result.IsSuccess);
        Assert.Equal(AccreditationStatus.Approved, accreditation.Status);
        Assert.Equal(Secretariat, accreditation.DecidedBy);
        Assert.Equal(Now.AddHours(1), accreditation.DecidedAt);
        Assert.Null(accreditation.Reason);
        Assert.Equal("Appointed.", accreditation.Motivation);
    }

    [Fact]
    public void Approve_AlreadyDecided_ConflictAndUnchanged()
    {
        var accreditation = Delegate(Guid.NewGuid(), "BRA", "Appointed.");
        accreditation.Reject(Secretariat, "No letter of credentials.", Now);

        var result = accreditation.Approve(Secretariat, "Sorry, yes.", Now.AddDays(1));

        Assert.Equal("accreditation-decided", Assert.IsType<AccreditationAlreadyDecided>(result.Error).Code);
        Assert.Equal(AccreditationStatus.Rejected, accreditation.Status);
        Assert.Equal("No letter of credentials.", accreditation.Reason);
        Assert.Equal(Now, accreditation.DecidedAt);
    }

    [Fact]
    public void Reject_Pending_RejectedWithTrimmedReason()
    {
        var accreditation = AccreditationTarget.ForStakeholder(StakeholderGroup.CivilSociety, null, null).Value.Request(Guid.NewGuid(), "Motivated.", Now);

        var result = accreditation.Reject(Secretariat, "  Apply through your organization. ", Now);

        Assert.True(result.IsSuccess);
        Assert.Equal(AccreditationStatus.Rejected, accreditation.Status);
        Assert.Equal("Apply through your organization.", accreditation.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Reject_WithoutReason_ValidationErrorOnReasonAndStillPending(string reason)
    {
        var accreditation = Delegate(Guid.NewGuid(), "FRA", "Appointed.");

        var result = accreditation.Reject(Secretariat, reason, Now);

        var error = Assert.IsType<ValidationError>(result.Error);
        Assert.Equal("Reason", Assert.Single(error.Fields).Field);
        Assert.Equal(AccreditationStatus.Pending, accreditation.Status);
        Assert.Null(accreditation.DecidedAt);
    }

    [Fact]
    public void Reject_AlreadyApproved_Conflict()
    {
        var accreditation = Delegate(Guid.NewGuid(), "FRA", "Appointed.");
        accreditation.Approve(Secretariat, null, Now);

        var result = accreditation.Reject(Secretariat, "Changed our mind.", Now);

        Assert.IsType<AccreditationAlreadyDecided>(result.Error);
        Assert.Equal(AccreditationStatus.Approved, accreditation.Status);
    }

    [Fact]
    public void ForStakeholder_Government_Refused()
    {
        var result = AccreditationTarget.ForStakeholder(StakeholderGroup.Government, null, null);

        var field = Assert.Single(Assert.IsType<ValidationError>(result.Error).Fields);
        Assert.Equal((AccreditationTarget.GroupField, "Accreditation.GroupInvalid"), (field.Field, field.MessageKey));
    }

    [Fact]
    public void ForReporter_OrganizationNotRelevant_Refused()
    {
        var organization = Organization.Register("Some NGO", null, StakeholderGroup.CivilSociety, null, ConsultativeStatus.None, isRelevant: false, Now);

        var result = AccreditationTarget.ForReporter(organization);

        var field = Assert.Single(Assert.IsType<ValidationError>(result.Error).Fields);
        Assert.Equal((AccreditationTarget.OrganizationField, "Accreditation.NotRelevantOrganization"), (field.Field, field.MessageKey));
    }

    [Fact]
    public void ForReporter_RelevantOrganization_TakesItsGroup()
    {
        var organization = Organization.Register("ITU", "ITU", StakeholderGroup.IntergovernmentalOrganization, "CHE", ConsultativeStatus.None, isRelevant: true, Now);

        var accreditation = AccreditationTarget.ForReporter(organization).Value.Request(Guid.NewGuid(), "x", Now);

        Assert.Equal(AccreditationKind.Reporter, accreditation.Kind);
        Assert.Equal(StakeholderGroup.IntergovernmentalOrganization, accreditation.StakeholderGroup);
        Assert.Equal(organization.Id, accreditation.OrganizationId);
    }

    [Fact]
    public void PersonAccredit_ApprovedDelegate_TakesRoleAndState()
    {
        var person = Person.Register("account-1", "  Ana Souza ", Now);
        var accreditation = Delegate(person.Id, "BRA", "Appointed.");
        accreditation.Approve(Secretariat, null, Now);

        person.Accredit(accreditation);

        Assert.Equal(Role.Delegate, person.Role);
        Assert.Equal("BRA", person.MemberStateCode);
        Assert.Equal(StakeholderGroup.Government, person.StakeholderGroup);
        Assert.Equal("Ana Souza", person.DisplayName);
    }

    [Fact]
    public void PersonAccredit_ApprovedStakeholderAfterDelegate_StateCleared()
    {
        var person = Person.Register("account-2", "Lee", Now);
        var asDelegate = Delegate(person.Id, "KOR", "Appointed.");
        asDelegate.Approve(Secretariat, null, Now);
        person.Accredit(asDelegate);
        var organization = Organization.Register("Some lab", null, StakeholderGroup.TechnicalAcademic, null, ConsultativeStatus.None, isRelevant: false, Now);
        var organizationId = organization.Id;
        var asStakeholder = AccreditationTarget.ForStakeholder(null, organizationId, organization).Value.Request(person.Id, "Moved on.", Now);
        asStakeholder.Approve(Secretariat, null, Now);

        person.Accredit(asStakeholder);

        Assert.Equal(Role.Stakeholder, person.Role);
        Assert.Null(person.MemberStateCode);
        Assert.Equal(organizationId, person.OrganizationId);
        Assert.Equal(StakeholderGroup.TechnicalAcademic, person.StakeholderGroup);
    }

    [Fact]
    public void PersonAccredit_Pending_Refused()
    {
        var person = Person.Register("account-3", "Sam", Now);
        var accreditation = Delegate(person.Id, "USA", "Appointed.");

        Assert.Throws<InvalidOperationException>(() => person.Accredit(accreditation));
        Assert.Equal(Role.Registered, person.Role);
    }

    [Fact]
    public void PersonAccredit_AnotherPersonsAccreditation_Refused()
    {
        var person = Person.Register("account-4", "Kim", Now);
        var accreditation = Delegate(Guid.NewGuid(), "USA", "Appointed.");
        accreditation.Approve(Secretariat, null, Now);

        Assert.Throws<InvalidOperationException>(() => person.Accredit(accreditation));
        Assert.Equal(Role.Registered, person.Role);
    }

    [Fact]
    public void PersonAccredit_Rejected_Refused()
    {
        var person = Person.Register("account-5", "Ola", Now);
        var accreditation = Delegate(person.Id, "NGA", "Appointed.");
        accreditation.Reject(Secretariat, "No credentials.", Now);

        Assert.Throws<InvalidOperationException>(() => person.Accredit(accreditation));
    }
}
