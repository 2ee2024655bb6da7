using System.Net;
using System.Text.Json.Nodes;
using Ecp.Features.Search;
using Ecp.Tests.AnnualReports;
using Ecp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ecp.Tests.Search;

/// <summary>Kinds added to the search after contributions and organizations, each one source class:
/// submitted annual reports (their language versions found in their own language, a draft never),
/// and the issues of the map (reference data seeded without a record entry, in every language it is
/// named in).</summary>
public sealed class ReportAndIssueSearchTests(EcpFactory factory) : IClassFixture<EcpFactory>
{
    private async Task<JsonNode> SearchAsync(string query)
    {
        await factory.Services.GetRequiredService<SearchProjection>().WaitForRecordAsync();
        return await factory.CreatePublicClient().GetJsonAsync($"/api/v1/search?{query}");
    }

    private static IEnumerable<string> Urls(JsonNode found) => found["items"]!.AsArray().Select(i => (string)i!["url"]!);

    [Fact]
    public async Task Report_DraftNeverFound_SubmittedFound_ItsLanguageVersionFoundInItsLanguage()
    {
        var reporting = new Reporting(factory, TimeProvider.System);
        var (organization, reporter) = await reporting.ReporterAsync();
        var year = await reporting.CycleAsync(TimeSpan.FromDays(30), organization);
        await (await reporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/drafts", Reporting.Report("A private zorblax draft."))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, (int)(await SearchAsync("q=zorblax"))["total"]!);

        var report = Drafting.Id(await (await reporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", Reporting.Report("Held quokkafarm consultations."))).ExpectAsync(HttpStatusCode.Created));
        Assert.Equal(0, (int)(await SearchAsync("q=zorblax"))["total"]!);
        var submitted = await SearchAsync("q=quokkafarm&kind=report");
        Assert.Equal([$"/reports/report/{report}"], Urls(submitted));

        await (await reporter.Api.PostJsonAsync($"/api/v1/reports/{report}/languages", Reporting.FrenchVersion("Consultations ornithorynques tenues."))).ExpectAsync(HttpStatusCode.Created);
        var french = await SearchAsync("q=ornithorynque&kind=report");
        var hit = Assert.Single(french["items"]!.AsArray())!;
        Assert.Equal(($"/reports/report/{report}?language=fr", "fr"), ((string)hit["url"]!, (string)hit["language"]!));
        Assert.Equal([$"/reports/report/{report}"], Urls(await SearchAsync("q=quokkafarm&kind=report")));
    }

    [Fact]
    public async Task Issue_SeededWithTheDatabase_FoundByItsNameInEnglishAndArabic_AndTheSearchPageNamesTheKind()
    {
        Assert.Contains("/issues/net-neutrality", Urls(await SearchAsync("q=neutrality&kind=issue")));
        Assert.Contains("/issues/net-neutrality", Urls(await SearchAsync($"q={Uri.EscapeDataString("حياد")}&kind=issue")));

        var page = await factory.CreatePublicClient().GetStringAsync("/search?q=neutrality");
        Assert.Contains("By kind", page);
        Assert.Contains("Issue · ", page);
    }
}
