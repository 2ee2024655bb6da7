using System.Net;
using System.Text.Json.Nodes;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests.AnnualReports;

/// <summary>An organization's reports side by side across the years (issue 11 point 6): every year
/// that requested it, oldest first, each submitted report in its current revision, and the
/// indicators as series over the years; through the API and the page.</summary>
public sealed class ReportComparisonTests(AnnualReportsApiTests.World world) : IClassFixture<AnnualReportsApiTests.World>
{
    private readonly EcpFactory app = world.App;
    private readonly Reporting reporting = world.Reporting;

    private static object Report(string activities, params (string Name, decimal Value, string Unit)[] indicators) => new
    {
        language = "en",
        activities,
        indicators = indicators.Select(i => new { name = i.Name, value = i.Value, unit = i.Unit }).ToArray(),
    };

    [Fact]
    public async Task Comparison_YearsOldestFirst_CurrentRevisions_IndicatorsAsSeries_OnThePageAndInTheApi()
    {
        var (organization, reporter) = await reporting.ReporterAsync();
        var first = await reporting.CycleAsync(TimeSpan.FromMinutes(5), organization);
        var second = await reporting.CycleAsync(TimeSpan.FromMinutes(5), organization);
        var third = await reporting.CycleAsync(TimeSpan.FromMinutes(5), organization);
        await (await reporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{first}/reports",
            Report("Four consultations on the root zone.", ("Open consultations held", 4m, "consultations")))).ExpectAsync(HttpStatusCode.Created);
        var secondReport = await (await reporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{second}/reports",
            Report("Six consultations.", ("Open consultations held", 6m, "consultations"), ("Contributions received", 120m, "contributions")))).ExpectAsync(HttpStatusCode.Created);
        await (await reporter.Api.PostJsonAsync($"/api/v1/reports/{secondReport["id"]}/revisions", new
        {
            language = "en",
            activities = "Six consultations, two of them in Arabic.",
            indicators = new[] { new { name = "Open consultations held", value = 6m, unit = "consultations" }, new { name = "Contributions received", value = 125m, unit = "contributions" } },
            reason = "Five contributions arrived by post.",
        })).ExpectAsync(HttpStatusCode.OK);

        var comparison = await app.CreatePublicClient().GetJsonAsync($"/api/v1/organizations/{organization}/reports/comparison");

        var years = comparison["years"]!.AsArray();
        Assert.Equal([first, second, third], years.Select(y => (int)y!["standing"]!["year"]!));
        Assert.Equal(["on-time", "on-time", "awaited"], years.Select(y => (string)y!["standing"]!["status"]!));
        Assert.Equal("Six consultations, two of them in Arabic.", (string)years[1]!["content"]!["activities"]!);
        Assert.Null(years[2]!["content"]);
        var series = comparison["indicators"]!.AsArray().ToDictionary(s => (string)s!["name"]!, s => s!["values"]!.AsArray().Select(v => (string?)v).ToList());
        Assert.Equal(["4", "6", null], series["Open consultations held"]);
        Assert.Equal([null, "125", null], series["Contributions received"]);

        var page = await app.CreatePublicClient().GetStringAsync($"/organizations/{organization}/reports");
        Assert.Contains("Six consultations, two of them in Arabic.", page);
        Assert.DoesNotContain("Six consultations.<", page);
        Assert.Contains(">125<", page);
        Assert.Contains($"/reports/report/{secondReport["id"]}", page);
    }

    [Fact]
    public async Task Comparison_UnknownOrganization_NotFound_NeverRequested_SaysSo()
    {
        var client = app.CreatePublicClient();
        await (await client.GetAsync($"/api/v1/organizations/{Guid.NewGuid()}/reports/comparison")).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/organizations/{Guid.NewGuid()}/reports")).StatusCode);

        var organization = await app.People.OrganizationAsync(relevant: true, group: "technical-academic");
        var never = await client.GetJsonAsync($"/api/v1/organizations/{organization.Id}/reports/comparison");
        Assert.Empty(never["years"]!.AsArray());
        Assert.Contains("No reporting cycle has requested a report from this organization yet.", await client.GetStringAsync($"/organizations/{organization.Id}/reports"));
    }
}
