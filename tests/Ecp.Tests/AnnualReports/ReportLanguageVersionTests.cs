using System.Net;
using System.Text.Json.Nodes;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests.AnnualReports;

/// <summary>A submitted report in the other UN languages (issue 11 point 2): the organization's
/// reporters or the secretariat add the current revision's words in another language; structure,
/// figures and addresses stay the original's; missing languages are shown; a correction is
/// translated anew; every refusal is named by field and changes nothing.</summary>
public sealed class ReportLanguageVersionTests(AnnualReportsApiTests.World world) : IClassFixture<AnnualReportsApiTests.World>
{
    private readonly EcpFactory app = world.App;
    private readonly Reporting reporting = world.Reporting;

    private async Task<(Guid Report, TestPerson Reporter)> SubmittedAsync()
    {
        var (organization, reporter) = await reporting.ReporterAsync();
        var year = await reporting.CycleAsync(TimeSpan.FromDays(30), organization);
        var report = await (await reporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", Reporting.Report())).ExpectAsync(HttpStatusCode.Created);
        return (Drafting.Id(report), reporter);
    }

    [Fact]
    public async Task LanguageVersion_ByTheReporter_ShownWithTheOriginalsStructure_MissingOnesListed_OnTheRecord()
    {
        var (report, reporter) = await SubmittedAsync();

        var added = await (await reporter.Api.PostJsonAsync($"/api/v1/reports/{report}/languages", Reporting.FrenchVersion())).ExpectAsync(HttpStatusCode.Created);

        var french = added["languageVersions"]!.AsArray().Single()!;
        Assert.Equal(("fr", 1), ((string)french["language"]!, (int)french["revision"]!));
        var content = french["content"]!;
        Assert.Equal("Quatre consultations ouvertes sur la zone racine.", (string)content["activities"]!);
        Assert.Equal(["root-zone", "multilingualism"], content["issuesAddressed"]!.AsArray().Select(i => (string)i!));
        Assert.Equal(("Consultations ouvertes tenues", "4"), ((string)content["indicators"]![0]!["name"]!, (string)content["indicators"]![0]!["value"]!));
        Assert.Equal(("https://www.itu.int/res/102", "A/RES/70/125", "Résolution sur la coopération renforcée"),
            ((string)content["outcomes"]![0]!["url"]!, (string)content["outcomes"]![0]!["symbol"]!, (string)content["outcomes"]![0]!["title"]!));
        Assert.Equal(["ar", "zh", "ru", "es"], added["missingLanguages"]!.AsArray().Select(l => (string)l!));

        var page = await app.CreatePublicClient().GetStringAsync($"/reports/report/{report}?language=fr");
        Assert.Contains("<div lang=\"fr\" dir=\"ltr\">", page);
        Assert.Contains("Quatre consultations ouvertes sur la zone racine.", page);
        Assert.Contains($"href=\"/reports/report/{report}?language=en\"", page);
        var entries = await app.CreatePublicClient().RecordEntriesAsync("report", report.ToString());
        var entry = entries.Single(e => (string)e!["action"]! == "report.language-version-added")!;
        Assert.Equal("Deux sièges au comité d'examen.", (string)entry["payload"]!["content"]!["stakeholderInvolvement"]![0]!["how"]!);
    }

    [Fact]
    public async Task LanguageVersion_Invalid_EachFieldNamed_SecondOfALanguageConflict_NothingWritten()
    {
        var (report, reporter) = await SubmittedAsync();
        var client = app.CreatePublicClient();
        var head = await client.RecordHeadAsync();

        var invalid = await (await reporter.Api.PostJsonAsync($"/api/v1/reports/{report}/languages", new
        {
            language = "en",
            activities = "",
            stakeholderInvolvement = new[] { new { stakeholderGroup = "private-sector", how = "Deux sièges." } },
            outcomeTitles = Array.Empty<string>(),
            indicators = new[] { new { name = "Consultations", unit = "" } },
            plans = "Traduire.",
        })).ExpectProblemAsync(HttpStatusCode.BadRequest);

        var fields = invalid["errors"]!.AsObject().Select(kv => kv.Key).ToHashSet();
        Assert.Superset(new HashSet<string> { "language", "activities", "stakeholderInvolvement", "outcomeTitles", "indicators[0].Unit", "difficulties" }, fields);
        Assert.Equal(head, await client.RecordHeadAsync());

        await (await reporter.Api.PostJsonAsync($"/api/v1/reports/{report}/languages", Reporting.FrenchVersion())).ExpectAsync(HttpStatusCode.Created);
        var twice = await (await reporter.Api.PostJsonAsync($"/api/v1/reports/{report}/languages", Reporting.FrenchVersion("Encore."))).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("report-language-version-exists", (string)twice["code"]!);
    }

    [Fact]
    public async Task LanguageVersion_AnotherOrganizationsReporter_Refused_Secretariat_Allowed_ACorrection_IsTranslatedAnew()
    {
        var (report, reporter) = await SubmittedAsync();
        var (_, stranger) = await reporting.ReporterAsync();

        await (await stranger.Api.PostJsonAsync($"/api/v1/reports/{report}/languages", Reporting.FrenchVersion())).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await (await reporting.SecretariatAsync()).Api.PostJsonAsync($"/api/v1/reports/{report}/languages", Reporting.FrenchVersion())).ExpectAsync(HttpStatusCode.Created);
        await (await reporter.Api.PostJsonAsync($"/api/v1/reports/{report}/revisions", Reporting.Report("Five consultations.", reason: "One was left out."))).ExpectAsync(HttpStatusCode.OK);

        var revised = await app.CreatePublicClient().GetJsonAsync($"/api/v1/reports/{report}");
        Assert.Empty(revised["languageVersions"]!.AsArray());
        Assert.Contains("fr", revised["missingLanguages"]!.AsArray().Select(l => (string)l!));
        var page = await app.CreatePublicClient().GetStringAsync($"/reports/report/{report}?language=fr");
        Assert.Contains("is not available in the language you asked for yet", page);
        Assert.Contains("Five consultations.", page);
    }

    [Fact]
    public async Task LanguageVersion_ThroughThePageForm_SignedInReporter_AddsIt_AndErrorsShowBesideTheirFields()
    {
        var (report, reporter) = await SubmittedAsync();
        var (browser, _) = await app.People.LogInAsync(reporter);
        var url = $"/reports/report/{report}";
        var fields = new Dictionary<string, string>
        {
            ["Translate.Language"] = "es",
            ["Translate.Activities"] = "Cuatro consultas abiertas sobre la zona raíz.",
            ["Translate.StakeholderInvolvement[0].How"] = "Dos puestos en el comité de examen.",
            ["Translate.OutcomeTitles[0]"] = "Resolución sobre la cooperación reforzada",
            ["Translate.Indicators[0].Name"] = "Consultas abiertas celebradas",
            ["Translate.Indicators[0].Unit"] = "",
            ["Translate.Difficulties"] = "Pocas contribuciones de África.",
            ["Translate.Plans"] = "Traducir cada consulta a los seis idiomas.",
        };

        var refused = await browser.SubmitFormAsync(url, fields, "form[action*='handler=Translate']");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = await Html.ParseAsync(refused);
        var error = Assert.Single(again.QuerySelectorAll("p.error-message"));
        Assert.Equal("Translate_Indicators[0]_Unit-error", error.Id);
        Assert.Empty((await app.CreatePublicClient().GetJsonAsync($"/api/v1/reports/{report}"))["languageVersions"]!.AsArray());

        fields["Translate.Indicators[0].Unit"] = "consultas";
        var added = await browser.SubmitFormAsync(url, fields, "form[action*='handler=Translate']");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal($"/reports/report/{report}?language=es", added.Headers.Location!.OriginalString);
        Assert.Contains("Cuatro consultas abiertas sobre la zona raíz.", await browser.GetStringAsync(added.Headers.Location.OriginalString));
    }
}
