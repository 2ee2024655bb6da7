using Ecp.Features.AnnualReports;
using Ecp.Features.Registry;

namespace Ecp.Tests.AnnualReports;

/// <summary>The compliance rule on its own: on time up to the organization's own deadline, late by
/// whole days rounded up after it, missing once it passed with nothing submitted.</summary>
public sealed class ComplianceRulesTests
{
    private static readonly DateTimeOffset Deadline = new(2008, 3, 31, 23, 59, 59, TimeSpan.Zero);

    [Theory]
    [InlineData(-1, ComplianceStatus.OnTime, null)]
    [InlineData(0, ComplianceStatus.OnTime, null)]
    [InlineData(1, ComplianceStatus.Late, 1)]
    [InlineData(86_400, ComplianceStatus.Late, 1)]
    [InlineData(86_401, ComplianceStatus.Late, 2)]
    [InlineData(10 * 86_400 + 1, ComplianceStatus.Late, 11)]
    public void ComplianceIn_SubmittedSecondsAfterTheDeadline_DaysLateRoundedUp(int seconds, ComplianceStatus status, int? daysLate)
    {
        var (cycle, request) = Cycle();

        var standing = request.ComplianceIn(cycle, Deadline.AddSeconds(seconds), Deadline.AddYears(1));

        Assert.Equal((status, daysLate), standing);
    }

    [Fact]
    public void ComplianceIn_NothingSubmitted_AwaitedUntilTheDeadlineThenMissing()
    {
        var (cycle, request) = Cycle();

        Assert.Equal(ComplianceStatus.Awaited, request.ComplianceIn(cycle, null, Deadline).Status);
        Assert.Equal(ComplianceStatus.Missing, request.ComplianceIn(cycle, null, Deadline.AddSeconds(1)).Status);
    }

    [Fact]
    public void GrantExtension_NotLaterThanTheCurrentDeadline_RefusedAndTheDeadlineStays()
    {
        var (cycle, request) = Cycle();

        var refused = cycle.GrantExtension(request.OrganizationId, Deadline, "Same day.", Deadline.AddDays(-10));
        var granted = cycle.GrantExtension(request.OrganizationId, Deadline.AddDays(14), "Board meeting.", Deadline.AddDays(-10));

        Assert.Equal("Report.ExtensionNotLater", Assert.Single(((Ecp.Common.ValidationError)refused.Error!).Fields).MessageKey);
        Assert.True(granted.IsSuccess);
        Assert.Equal(Deadline.AddDays(14), request.DeadlineIn(cycle));
        Assert.Equal((ComplianceStatus.OnTime, (int?)null), request.ComplianceIn(cycle, Deadline.AddDays(14), Deadline.AddYears(1)));
    }

    private static (ReportingCycle Cycle, RequestedOrganization Request) Cycle()
    {
        var opened = Deadline.AddMonths(-1);
        var itu = Organization.Register("International Telecommunication Union", "ITU", StakeholderGroup.IntergovernmentalOrganization, "CHE",
            ConsultativeStatus.None, isRelevant: true, opened);
        var cycle = ReportingCycle.Open(2008, opened, Deadline, [itu.Id], [itu], yearTaken: false, opened).Value;
        return (cycle, cycle.Requested.Single());
    }
}
