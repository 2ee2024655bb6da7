using System.Net;
using System.Text.Json.Nodes;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests.AnnualReports;

/// <summary>
/// Closing a reporting cycle and compiling it, over HTTP on a fake clock: closing waits for every
/// deadline and then refuses submissions (corrections still go); the compilation cites the cycle's
/// submitted reports as [R-n], is refused while a citation does not resolve (the message names it),
/// shows which reports were cited and which not, keeps its versions, and is in the reports feed.
/// </summary>
public sealed class CompilationTests(AnnualReportsApiTests.World world) : IClassFixture<AnnualReportsApiTests.World>
{
    private readonly EcpFactory app = world.App;
    private readonly Reporting reporting = world.Reporting;

    /// <summary>A cycle of two organizations whose deadline has just passed, each with its report submitted (numbers 1 and 2).</summary>
    private async Task<(int Year, Guid FirstReport, TestPerson FirstReporter, Guid Second)> SubmittedCycleAsync()
    {
        var (first, firstReporter) = await reporting.ReporterAsync();
        var (second, secondReporter) = await reporting.ReporterAsync();
        var year = await reporting.CycleAsync(TimeSpan.FromMinutes(1), first, second);
        var report = await (await firstReporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", Reporting.Report())).ExpectAsync(HttpStatusCode.Created);
        await (await secondReporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", Reporting.Report("Second."))).ExpectAsync(HttpStatusCode.Created);
        world.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, (int)report["number"]!);
        return (year, Guid.Parse((string)report["id"]!), firstReporter, second);
    }

    [Fact]
    public async Task Close_BeforeEveryDeadline_Refused_After_RefusesSubmissionsButNotCorrections()
    {
        var (onTime, onTimeReporter) = await reporting.ReporterAsync();
        var (silent, silentReporter) = await reporting.ReporterAsync();
        var year = await reporting.CycleAsync(TimeSpan.FromMinutes(1), onTime, silent);
        var secretariat = await reporting.SecretariatAsync();
        var report = await (await onTimeReporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", Reporting.Report())).ExpectAsync(HttpStatusCode.Created);

        var early = await (await secretariat.Api.PostAsync($"/api/v1/reporting-cycles/{year}/close", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
        world.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var closed = await (await secretariat.Api.PostAsync($"/api/v1/reporting-cycles/{year}/close", null)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(("cycle-deadlines-ahead", "closed"), ((string)early["code"]!, (string)closed["state"]!));
        var late = await (await silentReporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", Reporting.Report())).ExpectProblemAsync(HttpStatusCode.Conflict);
        var draft = await (await silentReporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/drafts", Reporting.Report())).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(("cycle-not-open", "cycle-not-open"), ((string)late["code"]!, (string)draft["code"]!));
        await (await onTimeReporter.Api.PostJsonAsync($"/api/v1/reports/{report["id"]}/revisions", Reporting.Report("Corrected.", reason: "A figure was wrong.")))
            .ExpectAsync(HttpStatusCode.OK);
        await (await secretariat.Api.PostAsync($"/api/v1/reporting-cycles/{year}/close", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("reporting-cycle.closed", await app.CreatePublicClient().RecordActionsAsync("reporting-cycle", year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Compile_WithAnUnresolvedCitation_RefusedNamingIt_AcceptedAfter_ShowsCitedAndNot()
    {
        var (year, firstReport, _, _) = await SubmittedCycleAsync();
        var secretariat = await reporting.SecretariatAsync();
        var whileOpen = await (await secretariat.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/compilation", new { markdown = "Early [R-1]." }))
            .ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await secretariat.Api.PostAsync($"/api/v1/reporting-cycles/{year}/close", null)).ExpectAsync(HttpStatusCode.OK);
        var head = await app.CreatePublicClient().RecordHeadAsync();

        var refused = await (await secretariat.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/compilation", new { markdown = "Both [R-1] and [R-7] held consultations." }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("cycle-not-closed", (string)whileOpen["code"]!);
        var message = (string)refused["errors"]!["markdown"]![0]!;
        Assert.Contains("[R-7]", message);
        Assert.DoesNotContain("[R-1]", message);
        Assert.Equal(head, await app.CreatePublicClient().RecordHeadAsync());

        var compiled = await (await secretariat.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/compilation", new { markdown = "## The year\n\nThe root zone [R-1]." }))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("compiled", 1), ((string)compiled["state"]!, (int)compiled["version"]!));
        var reports = compiled["reports"]!.AsArray();
        Assert.Equal([(1, true), (2, false)], reports.Select(r => ((int)r!["number"]!, (bool)r["cited"]!)).ToArray());
        Assert.Equal(firstReport.ToString(), (string)reports[0]!["reportId"]!);

        var page = await app.CreatePublicClient().GetStringAsync($"/reports/{year}/compilation");
        Assert.Contains("<a href=\"#r-1\">[R-1]</a>", page);
        Assert.Contains("Reports cited (1)", page);
        Assert.Contains("Reports not cited (1)", page);
        Assert.Contains($"/reports/{year}/compilation", await app.CreatePublicClient().GetStringAsync($"/reports/{year}"));
    }

    [Fact]
    public async Task Compilation_Revised_KeepsVersions_AndIsInTheFeed()
    {
        var (year, _, _, _) = await SubmittedCycleAsync();
        var secretariat = await reporting.SecretariatAsync();
        await (await secretariat.Api.PostAsync($"/api/v1/reporting-cycles/{year}/close", null)).ExpectAsync(HttpStatusCode.OK);
        await (await secretariat.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/compilation", new { markdown = "First version [R-1]." })).ExpectAsync(HttpStatusCode.OK);
        await (await secretariat.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/compilation", new { markdown = "Second version [R-1] [R-2]." })).ExpectAsync(HttpStatusCode.OK);

        var compilation = await app.CreatePublicClient().GetJsonAsync($"/api/v1/reporting-cycles/{year}/compilation");
        Assert.Equal((2, "Second version [R-1] [R-2]."), ((int)compilation["version"]!, (string)compilation["markdown"]!));
        Assert.Equal("First version [R-1].", (string)Assert.Single(compilation["earlierVersions"]!.AsArray())!["markdown"]!);
        Assert.All(compilation["reports"]!.AsArray(), r => Assert.True((bool)r!["cited"]!));
        var feed = await app.CreatePublicClient().GetStringAsync("/feeds/reports.atom");
        Assert.Contains("term=\"reporting-cycle.compiled\"", feed);
        Assert.Contains($"/reports/{year}/compilation", feed);
    }

    [Fact]
    public async Task Compilation_NotYetPublished_IsNotFound()
    {
        var (year, _, _, _) = await SubmittedCycleAsync();
        await (await app.CreatePublicClient().GetAsync($"/api/v1/reporting-cycles/{year}/compilation")).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreatePublicClient().GetAsync($"/reports/{year}/compilation")).StatusCode);
    }
}
