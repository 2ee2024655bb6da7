using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ecp.Tests.AnnualReports;
using Ecp.Tests.Infrastructure;
using static Ecp.Tests.Infrastructure.Drafting;

namespace Ecp.Tests.Accountability;

/// <summary>Annual performance reports and results: a submitted report whose outcome links a result's
/// page, or names the result's document by its symbol, is listed on that result (API and page); a
/// draft, or a report about something else, is not.</summary>
public sealed class ResultReportsTests(EcpFactory app) : IClassFixture<EcpFactory>
{
    [Fact]
    public async Task Result_ListsTheSubmittedReportsThatLinkItOrNameItsDocument_NotDraftsOrOthers()
    {
        var document = await app.Drafting.AdoptedDocumentAsync("invites Member States to share experience;");
        var symbol = (string)document["symbol"]!;
        var secretariat = await app.Drafting.ChairAsync();
        var result = Id(await (await secretariat.Api.PostJsonAsync("/api/v1/results", new { documentId = Id(document), paragraph = "1", title = "Shared experience" }))
            .ExpectAsync(HttpStatusCode.Created));

        var reporting = new Reporting(app, TimeProvider.System);
        var (linking, linker) = await reporting.ReporterAsync();
        var (naming, namer) = await reporting.ReporterAsync();
        var (drafting, drafter) = await reporting.ReporterAsync();
        var (other, otherReporter) = await reporting.ReporterAsync();
        var year = await reporting.CycleAsync(TimeSpan.FromDays(30), linking, naming, drafting, other);

        var linked = await SubmitAsync(linker, year, new { title = "Our share of the work", url = $"https://ecp.example/results/{result}", symbol = (string?)null });
        var named = await SubmitAsync(namer, year, new { title = "The Opinion we implement", url = (string?)null, symbol });
        await (await drafter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/drafts", WithOutcome(new { title = "Draft", url = $"https://ecp.example/results/{result}", symbol = (string?)null })))
            .ExpectAsync(HttpStatusCode.OK);
        await SubmitAsync(otherReporter, year, new { title = "Elsewhere", url = "https://www.itu.int/res/102", symbol = "A/RES/70/125" });

        var view = await app.CreatePublicClient().GetJsonAsync($"/api/v1/results/{result}");
        var reports = view["reports"]!.AsArray().Select(r => ((string)r!["reportId"]!, (int)r["year"]!, (string)r["url"]!)).OrderBy(r => r.Item1).ToList();
        Assert.Equal(new[] { linked, named }.Order().Select(id => (id, year, $"/reports/report/{id}")), reports);

        var page = await app.CreatePublicClient().GetStringAsync($"/results/{result}");
        Assert.Contains($"href=\"/reports/report/{linked}\"", page);
        Assert.Contains($"href=\"/reports/report/{named}\"", page);
        Assert.Contains("Annual performance reports that speak of it", page);
    }

    private static JsonNode WithOutcome(object outcome)
    {
        var report = JsonSerializer.SerializeToNode(Reporting.Report())!;
        report["outcomes"] = new JsonArray(JsonSerializer.SerializeToNode(outcome));
        return report;
    }

    private static async Task<string> SubmitAsync(TestPerson reporter, int year, object outcome)
        => (string)(await (await reporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", WithOutcome(outcome))).ExpectAsync(HttpStatusCode.Created))["id"]!;
}
