using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Ecp.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Ecp.Tests.AnnualReports;

/// <summary>
/// Annual performance reports (Tunis Agenda ¶71) over the API, on a fake clock: late and missing
/// are computed from the clock at each organization's own deadline; a submitted report is
/// immutable and corrected only by a revision with a reason; a draft stays private.
/// </summary>
public sealed class AnnualReportsApiTests(AnnualReportsApiTests.World world) : IClassFixture<AnnualReportsApiTests.World>
{
    /// <summary>The app on a clock that moves only when a test moves it. Tests of a class run one
    /// at a time, and each opens its own cycle relative to "now", so moving the clock is theirs to do.</summary>
    public sealed class World : IAsyncLifetime
    {
        public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

        public EcpFactory App { get; }

        public Reporting Reporting { get; }

        public World()
        {
            App = new EcpFactory { Clock = Clock };
            Reporting = new Reporting(App, Clock);
        }

        public Task InitializeAsync() => App.InitializeAsync();

        public Task DisposeAsync() => App.DisposeAsync().AsTask();
    }

    private readonly EcpFactory app = world.App;
    private readonly Reporting reporting = world.Reporting;

    [Theory]
    [InlineData(0, 0, "on-time", null)]
    [InlineData(0, 1, "late", 1)]
    [InlineData(1, 1, "late", 2)]
    [InlineData(3, 1, "late", 4)]
    [InlineData(4, 0, "late", 4)]
    public async Task Submit_AfterTheDeadline_LateByDaysRoundedUp(int days, int seconds, string status, int? daysLate)
    {
        // The deadline falls a minute from now, less the days: the clock then moves a minute and the seconds.
        var (organization, reporter) = await reporting.ReporterAsync();
        var year = await reporting.CycleAsync(TimeSpan.FromMinutes(1) - TimeSpan.FromDays(days), organization);
        world.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(seconds));

        var report = await (await reporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", Reporting.Report())).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal((status, daysLate), ((string)report["status"]!, (int?)report["daysLate"]));
        var row = await RowAsync(year, organization);
        Assert.Equal((status, daysLate, (string)report["id"]!), ((string)row["status"]!, (int?)row["daysLate"], (string)row["reportId"]!));
    }

    [Fact]
    public async Task Extension_ForOneOrganization_MovesItsDeadlineOnly()
    {
        var (extended, extendedReporter) = await reporting.ReporterAsync();
        var (other, otherReporter) = await reporting.ReporterAsync();
        var year = await reporting.CycleAsync(TimeSpan.FromMinutes(1), extended, other);
        var deadline = world.Clock.GetUtcNow().AddMinutes(1);
        var secretariat = await reporting.SecretariatAsync();

        var cycle = await (await secretariat.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/extensions",
            new { organizationId = extended, deadline = deadline.AddDays(14), reason = "Their board meets after the deadline." })).ExpectAsync(HttpStatusCode.OK);
        world.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var onTime = await (await extendedReporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", Reporting.Report())).ExpectAsync(HttpStatusCode.Created);
        var late = await (await otherReporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", Reporting.Report())).ExpectAsync(HttpStatusCode.Created);

        var rows = cycle["compliance"]!.AsArray();
        Assert.Equal(deadline.AddDays(14), (DateTimeOffset)Row(rows, extended)["deadline"]!);
        Assert.Equal(deadline, (DateTimeOffset)Row(rows, other)["deadline"]!);
        Assert.Equal(("on-time", "late", 1), ((string)onTime["status"]!, (string)late["status"]!, (int)late["daysLate"]!));
        var extendedRow = await RowAsync(year, extended);
        Assert.Equal((true, "Their board meets after the deadline.", "on-time"),
            ((bool)extendedRow["extensionGranted"]!, (string)extendedRow["extensionReason"]!, (string)extendedRow["status"]!));
        Assert.False((bool)(await RowAsync(year, other))["extensionGranted"]!);
        var entries = await app.CreatePublicClient().RecordEntriesAsync("reporting-cycle", year);
        Assert.Contains(entries, e => (string)e!["action"]! == "reporting-cycle.extension-granted" && (string)e["payload"]!["organizationId"]! == extended.ToString());
    }

    [Fact]
    public async Task Compliance_NothingSubmittedByTheDeadline_MissingThenShownInTheCsv()
    {
        var (awaited, _) = await reporting.ReporterAsync();
        var year = await reporting.CycleAsync(TimeSpan.FromMinutes(1), awaited);
        Assert.Equal("awaited", (string)(await RowAsync(year, awaited))["status"]!);

        world.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));

        Assert.Equal("missing", (string)(await RowAsync(year, awaited))["status"]!);
        var csv = await app.CreatePublicClient().GetAsync($"/api/v1/reporting-cycles/{year}/compliance.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("year,organization_id,organization", lines[0]);
        Assert.Contains(lines, l => l.Contains(awaited.ToString()) && l.Contains(",missing,"));
    }

    [Fact]
    public async Task ComplianceGrid_OrganizationsByYear_StandingPerRequestedYear_PagedByCursor_AndAsCsv()
    {
        var (reporting1, reporter) = await reporting.ReporterAsync();
        var (silent, _) = await reporting.ReporterAsync();
        var first = await reporting.CycleAsync(TimeSpan.FromMinutes(1), reporting1, silent);
        await (await reporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{first}/reports", Reporting.Report())).ExpectAsync(HttpStatusCode.Created);
        world.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var second = await reporting.CycleAsync(TimeSpan.FromMinutes(1), reporting1);

        // Every page of two organizations, followed by its cursor: each organization once, in name order.
        var client = app.CreatePublicClient();
        var rows = new List<JsonNode>();
        string? next = "/api/v1/reporting-cycles/compliance?limit=2";
        while (next is not null)
        {
            var page = await client.GetJsonAsync(next);
            Assert.True(page["rows"]!.AsArray().Count <= 2);
            Assert.Contains(first, page["years"]!.AsArray().Select(y => (int)y!));
            rows.AddRange(page["rows"]!.AsArray().Select(r => r!));
            next = (string?)page["next"];
        }
        var ids = rows.Select(r => (string)r["organizationId"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var names = rows.Select(r => (string)r["organizationName"]!).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);

        var cells = rows.Single(r => (string)r["organizationId"]! == reporting1.ToString())["cells"]!.AsArray();
        Assert.Equal([(first, "on-time"), (second, "awaited")], cells.Select(c => ((int)c!["year"]!, (string)c["status"]!)));
        Assert.NotNull((string?)cells[0]!["reportId"]);
        var silentCells = rows.Single(r => (string)r["organizationId"]! == silent.ToString())["cells"]!.AsArray();
        Assert.Equal([(first, "missing")], silentCells.Select(c => ((int)c!["year"]!, (string)c["status"]!)));

        var csv = (await (await client.GetAsync("/api/v1/reporting-cycles/compliance.csv")).Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("organization_id,organization,acronym,year,status", csv[0]);
        Assert.Equal(rows.Sum(r => r["cells"]!.AsArray().Count), csv.Length - 1);
        Assert.Contains(csv, l => l.StartsWith(silent.ToString()) && l.Contains($",{first},missing,"));

        // Each year's counts, over every organization it requested (not one page of the grid): in the list, the chart and its table.
        var cycles = (await client.GetJsonAsync("/api/v1/reporting-cycles")).AsArray();
        var counts = cycles.Single(c => (int)c!["year"]! == first)!;
        Assert.Equal((2, 1, 1, 0, 0), ((int)counts["requested"]!, (int)counts["onTime"]!, (int)counts["missing"]!, (int)counts["late"]!, (int)counts["awaited"]!));
        Assert.Equal(1, (int)cycles.Single(c => (int)c!["year"]! == second)!["awaited"]!);

        var html = await client.GetStringAsync("/reports/compliance");
        Assert.Contains($"/reports/{second}", html);
        Assert.Contains($"<title>{first}: On time 1</title>", html);
        Assert.Contains($"<title>{first}: Missing 1</title>", html);
    }

    [Fact]
    public async Task SubmittedReport_CannotBeChanged_OnlyRevisedWithAReason_BothVersionsReadable()
    {
        var (organization, reporter) = await reporting.ReporterAsync();
        var year = await reporting.CycleAsync(TimeSpan.FromMinutes(1), organization);
        var submitted = await (await reporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", Reporting.Report("Held four consultations.")))
            .ExpectAsync(HttpStatusCode.Created);
        var id = (string)submitted["id"]!;
        var head = await app.CreatePublicClient().RecordHeadAsync();

        await (await reporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", Reporting.Report("Held five consultations."))).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await reporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/drafts", Reporting.Report("Held five consultations."))).ExpectProblemAsync(HttpStatusCode.Conflict);
        var noReason = await (await reporter.Api.PostJsonAsync($"/api/v1/reports/{id}/revisions", Reporting.Report("Held five consultations."))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(noReason["errors"]!["reason"]);
        Assert.Equal(head, await app.CreatePublicClient().RecordHeadAsync());

        world.Clock.Advance(TimeSpan.FromMinutes(2));
        await (await reporter.Api.PostJsonAsync($"/api/v1/reports/{id}/revisions", Reporting.Report("Held five consultations.", reason: "A fifth consultation was left out.")))
            .ExpectAsync(HttpStatusCode.OK);

        var report = await app.CreatePublicClient().GetJsonAsync($"/api/v1/reports/{id}");
        var revisions = report["revisions"]!.AsArray();
        Assert.Equal(["Held four consultations.", "Held five consultations."], revisions.Select(r => (string)r!["content"]!["activities"]!).ToArray());
        Assert.Null(revisions[0]!["reason"]);
        Assert.Equal("A fifth consultation was left out.", (string)revisions[1]!["reason"]!);
        Assert.Equal((2, "Held five consultations."), ((int)report["current"]!["number"]!, (string)report["current"]!["content"]!["activities"]!));
        // Shown with the difference: only the activities changed, "four" to "five".
        Assert.Empty(revisions[0]!["changes"]!.AsArray());
        var change = Assert.Single(revisions[1]!["changes"]!.AsArray())!;
        Assert.Equal("activities", (string)change["field"]!);
        var words = change["words"]!.AsArray().Select(w => ((string)w!["change"]!, ((string)w["text"]!).Trim())).ToList();
        Assert.Contains(("deleted", "four"), words);
        Assert.Contains(("inserted", "five"), words);
        // The standing is the first submission's: a correction after the deadline does not make it late.
        Assert.Equal("on-time", (string)report["status"]!);
        Assert.Equal(["report.submitted", "report.revised"], await app.CreatePublicClient().RecordActionsAsync("report", id));
    }

    [Fact]
    public async Task Reporter_ForAnotherOrganizationOrOneNotRequested_Refused403AndNothingWritten()
    {
        var (requested, requestedReporter) = await reporting.ReporterAsync();
        var (notRequested, outsider) = await reporting.ReporterAsync();
        var year = await reporting.CycleAsync(TimeSpan.FromDays(30), requested);
        var stakeholder = await app.People.StakeholderAsync();
        var head = await app.CreatePublicClient().RecordHeadAsync();

        var own = await outsider.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", Reporting.Report());
        var forAnother = await outsider.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", Reporting.Report(organizationId: requested));
        var draftForAnother = await outsider.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/drafts", Reporting.Report(organizationId: requested));
        var byStakeholder = await stakeholder.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", Reporting.Report(organizationId: requested));
        var ownForOther = await requestedReporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", Reporting.Report(organizationId: notRequested));

        Assert.Equal("forbidden", (string)(await own.ExpectProblemAsync(HttpStatusCode.Forbidden))["code"]!);
        await forAnother.ExpectProblemAsync(HttpStatusCode.Forbidden);
        await draftForAnother.ExpectProblemAsync(HttpStatusCode.Forbidden);
        await byStakeholder.ExpectProblemAsync(HttpStatusCode.Forbidden);
        await ownForOther.ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(head, await app.CreatePublicClient().RecordHeadAsync());
        Assert.Equal("awaited", (string)(await RowAsync(year, requested))["status"]!);
        var submitted = await (await requestedReporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", Reporting.Report())).ExpectAsync(HttpStatusCode.Created);
        await (await outsider.Api.PostJsonAsync($"/api/v1/reports/{submitted["id"]}/revisions", Reporting.Report(reason: "Not ours to correct.")))
            .ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Draft_PrivateText_InNoPublicOutputOnlyItsHash()
    {
        var (organization, reporter) = await reporting.ReporterAsync();
        var (other, otherReporter) = await reporting.ReporterAsync();
        var year = await reporting.CycleAsync(TimeSpan.FromDays(30), organization, other);
        var secret = $"Unpublished draft {Guid.NewGuid():N}";

        var draft = await (await reporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/drafts", Reporting.Report(secret))).ExpectAsync(HttpStatusCode.OK);

        var mine = await reporter.Api.GetJsonAsync($"/api/v1/reporting-cycles/{year}/drafts/mine");
        Assert.Equal(secret, (string)mine["content"]!["activities"]!);
        await (await otherReporter.Api.GetAsync($"/api/v1/reporting-cycles/{year}/drafts/mine")).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreatePublicClient().GetAsync($"/api/v1/reporting-cycles/{year}/drafts/mine")).StatusCode);
        var reportId = (string)draft["reportId"]!;
        var entry = Assert.Single(await app.CreatePublicClient().RecordEntriesAsync("report", reportId))!;
        Assert.Equal("report.draft-saved", (string)entry["action"]!);
        var hash = (string)entry["payload"]!["contentHash"]!;
        Assert.Equal((string)draft["contentHash"]!, hash);
        Assert.Matches("^sha256:[0-9a-f]{64}$", hash);

        // Submitted with other words: the draft's text is gone, and never was public.
        await (await reporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", Reporting.Report("The submitted text."))).ExpectAsync(HttpStatusCode.Created);
        var outputs = new[]
        {
            "/api/v1/reporting-cycles", $"/api/v1/reporting-cycles/{year}", $"/api/v1/reporting-cycles/{year}/compliance.csv", $"/api/v1/reports/{reportId}",
            $"/api/v1/organizations/{organization}/reports", "/api/v1/record?limit=200", "/api/v1/record/download",
        };
        foreach (var output in outputs)
        {
            var response = await app.CreatePublicClient().GetAsync(output);
            Assert.True(response.IsSuccessStatusCode, $"{output}: {(int)response.StatusCode}");
            Assert.DoesNotContain(secret, await response.Content.ReadAsStringAsync());
        }
        Assert.Contains("The submitted text.", await app.CreatePublicClient().GetStringAsync($"/api/v1/reports/{reportId}"));
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.Api.GetAsync($"/api/v1/reporting-cycles/{year}/drafts/mine")).StatusCode);
    }

    [Fact]
    public async Task Draft_FieldOverItsLimit_RefusedInFrenchAndNothingChanged()
    {
        var (organization, reporter) = await reporting.ReporterAsync();
        var year = await reporting.CycleAsync(TimeSpan.FromDays(30), organization);
        var head = await app.CreatePublicClient().RecordHeadAsync();
        using var french = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/reporting-cycles/{year}/drafts")
        {
            Content = System.Net.Http.Json.JsonContent.Create(Reporting.Report(new string('a', 20_001))),
        };
        french.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("fr"));

        var problem = await (await reporter.Api.SendAsync(french)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("Utilisez au maximum 20000 caractères.", (string)problem["errors"]!["activities"]![0]!);
        Assert.Equal(head, await app.CreatePublicClient().RecordHeadAsync());
        await (await reporter.Api.GetAsync($"/api/v1/reporting-cycles/{year}/drafts/mine")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Submit_InvalidFields_EachNamed()
    {
        var (organization, reporter) = await reporting.ReporterAsync();
        var year = await reporting.CycleAsync(TimeSpan.FromDays(30), organization);

        var problem = await (await reporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", new
        {
            language = "de",
            activities = " ",
            issuesAddressed = new[] { "not-an-issue" },
            stakeholderInvolvement = new[] { new { stakeholderGroup = "government", how = "Briefings." }, new { stakeholderGroup = "government", how = "Again." } },
            outcomes = new[] { new { title = "A link", url = "ftp://example.org/x", symbol = "not a symbol" } },
            indicators = new[] { new { name = "Contributions received", unit = "contributions" } },
        })).ExpectProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject().Select(e => e.Key).Order().ToArray();
        Assert.Equal(["activities", "indicators[0].Value", "issuesAddressed[0]", "language", "outcomes[0].Symbol", "outcomes[0].Url", "stakeholderInvolvement[1].StakeholderGroup"], errors);
    }

    [Fact]
    public async Task OpenCycle_OrganizationNotRelevantOrYearTaken_Refused()
    {
        var secretariat = await reporting.SecretariatAsync();
        var (relevant, _) = await reporting.ReporterAsync();
        var irrelevant = await app.People.OrganizationAsync();
        var now = world.Clock.GetUtcNow();

        var refused = await (await secretariat.Api.PostJsonAsync("/api/v1/reporting-cycles",
            new { year = 2199, deadline = now.AddDays(30), organizationIds = new[] { relevant, irrelevant.Id } })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["organizationIds[1]"], refused["errors"]!.AsObject().Select(e => e.Key).ToArray());
        var year = await reporting.CycleAsync(TimeSpan.FromDays(30), relevant);
        await (await secretariat.Api.PostJsonAsync("/api/v1/reporting-cycles", new { year, deadline = now.AddDays(30), organizationIds = new[] { relevant } }))
            .ExpectProblemAsync(HttpStatusCode.Conflict);
        var cycles = await app.CreatePublicClient().GetJsonAsync("/api/v1/reporting-cycles");
        Assert.Contains(cycles.AsArray(), c => (int)c!["year"]! == year && (int)c["requested"]! == 1);
    }

    [Fact]
    public async Task RecentActivity_OfAReportingCycle_ToldAsSentencesNamingTheOrganization()
    {
        var organization = await app.People.OrganizationAsync(relevant: true, group: "technical-academic", name: $"Regional Internet Registry {Guid.NewGuid():N}"[..40]);
        var reporter = await app.People.ReporterAsync(organization.Id);
        var year = await reporting.CycleAsync(TimeSpan.FromDays(30), organization.Id);
        await (await reporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/drafts", Reporting.Report("Draft words."))).ExpectAsync(HttpStatusCode.OK);
        await (await reporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", Reporting.Report())).ExpectAsync(HttpStatusCode.Created);

        var page = await app.CreatePublicClient().GetPageAsync("/");
        var lines = page.QuerySelectorAll("main ol li").Select(li => System.Text.RegularExpressions.Regex.Replace(li.TextContent.Trim(), @"\s+", " ")).ToList();

        Assert.Contains(lines, l => l.EndsWith($"{reporter.DisplayName} submitted the annual performance report of {organization.Name}", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith($"{reporter.DisplayName} saved a draft report for {organization.Name}", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith($"The secretariat opened the reporting cycle {year}", StringComparison.Ordinal));
        Assert.DoesNotContain("Draft words.", page.QuerySelector("main")!.TextContent);
    }

    private async Task<JsonNode> RowAsync(int year, Guid organization)
        => Row((await app.CreatePublicClient().GetJsonAsync($"/api/v1/reporting-cycles/{year}"))["compliance"]!.AsArray(), organization);

    private static JsonNode Row(JsonArray rows, Guid organization) => rows.Single(r => (string)r!["organizationId"]! == organization.ToString())!;
}
