using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests.OpenData;

/// <summary>The open data: every dataset in every format, its dictionary and licence, read back
/// and compared with the API.</summary>
public sealed class OpenDataTests(EcpFactory app) : IClassFixture<EcpFactory>
{
    [Fact]
    public async Task Index_EveryDatasetWithItsDictionaryFourFilesAndTheLicence()
    {
        var index = await app.CreatePublicClient().GetJsonAsync("/api/v1/open-data");

        Assert.Equal("CC BY 4.0", (string)index["licence"]!);
        var datasets = index["datasets"]!.AsArray();
        Assert.Equal(["member-states", "organizations", "people", "bodies", "consultations", "contributions", "documents", "decisions", "positions", "issues", "issue-mappings", "scope-assessments",
                "reporting-cycles", "report-requests", "annual-reports", "report-revisions", "report-language-versions"],
            datasets.Select(d => (string)d!["name"]!).ToArray());
        Assert.All(datasets, d =>
        {
            Assert.NotEmpty(d!["fields"]!.AsArray());
            Assert.All(d["fields"]!.AsArray(), f => Assert.False(string.IsNullOrWhiteSpace((string?)f!["meaning"])));
            Assert.Equal(["jsonl", "jsonl.gz", "csv", "csv.gz"], d["files"]!.AsArray().Select(f => (string)f!["format"]!).ToArray());
        });
    }

    [Fact]
    public async Task EveryDataset_JsonLinesAndCsv_SameRowsWithTheDictionarysFieldsGzipTheSameBytes()
    {
        await SeedAsync();
        var client = app.CreatePublicClient();
        foreach (var dataset in (await client.GetJsonAsync("/api/v1/open-data"))["datasets"]!.AsArray())
        {
            var name = (string)dataset!["name"]!;
            var fields = dataset["fields"]!.AsArray().Select(f => (string)f!["name"]!).ToArray();
            var jsonl = await DownloadAsync($"/api/v1/open-data/{name}.jsonl", "application/jsonl");
            var rows = jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
            Assert.All(rows, r => Assert.Equal(fields, r.Select(p => p.Key).ToArray()));
            var csv = await DownloadAsync($"/api/v1/open-data/{name}.csv", "text/csv");
            Assert.StartsWith(string.Join(',', fields) + "\r\n", csv);
            Assert.Equal(Gunzip(await client.GetByteArrayAsync($"/api/v1/open-data/{name}.jsonl.gz")), jsonl);
            Assert.Equal(Gunzip(await client.GetByteArrayAsync($"/api/v1/open-data/{name}.csv.gz")), csv);
            if (name is "member-states") Assert.Equal(193, rows.Count);
            if (name is "issues") Assert.True(rows.Count >= 39);
        }
    }

    [Fact]
    public async Task Organizations_RoundTrip_TheDumpHoldsWhatTheApiShows()
    {
        var organization = await app.People.OrganizationAsync(relevant: true, group: "technical-academic", name: $"Open data org {Guid.NewGuid():N}");

        var rows = (await DownloadAsync("/api/v1/open-data/organizations.jsonl", "application/jsonl"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        var api = await app.CreatePublicClient().GetJsonAsync($"/api/v1/organizations/{organization.Id}");

        var row = rows.Single(r => (string)r["id"]! == organization.Id.ToString());
        Assert.Equal(((string)api["name"]!, (string)api["stakeholderGroup"]!["code"]!, true),
            ((string)row["name"]!, (string)row["stakeholderGroup"]!, (bool)row["relevantOrganization"]!));
        var registered = DateTimeOffset.Parse((string)row["registeredAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(organization.RegisteredAt.UtcTicks / TimeSpan.TicksPerMillisecond, registered.UtcTicks / TimeSpan.TicksPerMillisecond);
    }

    [Fact]
    public async Task Contributions_HiddenText_NeverInTheDumpItsRowStays()
    {
        var (consultation, hiddenText) = await SeedAsync();

        var dump = await DownloadAsync("/api/v1/open-data/contributions.jsonl", "application/jsonl");

        Assert.DoesNotContain(hiddenText, dump);
        var rows = dump.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).Where(r => (string)r["consultationId"]! == consultation).ToList();
        Assert.Contains(rows, r => (string)r["status"]! == "hidden" && r["text"] is null);
    }

    [Fact]
    public async Task Contributions_CsvParsedByAnIndependentReader_HoldsTheJsonLinesValues_QuotedTextAndConsentIntact()
    {
        var secretariat = await app.People.SecretariatAsync();
        var body = await app.Drafting.BodyAsync();
        var id = (string)(await (await secretariat.Api.PostJsonAsync("/api/v1/consultations", new
        {
            bodyId = body, topic = "Open data CSV", description = "Two questions.", questions = new[] { "First?", "Second?" },
            eligibility = "all-stakeholders", opensAt = DateTimeOffset.UtcNow.AddMinutes(-1), closesAt = DateTimeOffset.UtcNow.AddDays(3),
        })).ExpectAsync(HttpStatusCode.Created))["id"]!;
        await (await secretariat.Api.PostAsync($"/api/v1/consultations/{id}/open", null)).ExpectAsync(HttpStatusCode.OK);
        var (cited, uncited) = (await app.People.StakeholderAsync(), await app.People.StakeholderAsync());
        const string awkward = "Quote \"this\", then,\r\na new line: données, 数据, بيانات";
        foreach (var (author, consent) in new[] { (cited, true), (uncited, false) })
        {
            await (await author.Api.PostJsonAsync($"/api/v1/consultations/{id}/contributions", new
            {
                language = "en", consentToCite = consent, answers = new object[] { new { question = 1, text = awkward }, new { question = 2, text = "Second answer." } },
            })).ExpectAsync(HttpStatusCode.Created);
        }

        var jsonl = await DownloadAsync("/api/v1/open-data/contributions.jsonl", "application/jsonl");
        var csv = await DownloadAsync("/api/v1/open-data/contributions.csv", "text/csv");

        var rows = Rows(jsonl).Where(r => (string)r["consultationId"]! == id).ToList();
        Assert.Equal([(cited.DisplayName, awkward + "\nSecond answer."), ((string?)null, awkward + "\nSecond answer.")],
            rows.OrderBy(r => (int)r["number"]!).Select(r => ((string?)r["authorName"], (string?)r["text"])));
        Assert.DoesNotContain(uncited.DisplayName, jsonl);
        Assert.DoesNotContain(uncited.DisplayName, csv);
        using var parser = new Microsoft.VisualBasic.FileIO.TextFieldParser(new StringReader(csv)) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var records = new List<string[]>();
        while (!parser.EndOfData) records.Add(parser.ReadFields()!);
        Assert.Equal(Rows(jsonl).Count, records.Count);
        foreach (var row in rows)
        {
            var record = records.Single(r => r[0] == (string)row["id"]!);
            Assert.Equal(header.Select(f => row[f] switch { null => "", JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false", var v => v.ToString() }), record);
        }
    }

    [Fact]
    public async Task AnnualReports_RoundTrip_CurrentRevisionAsTheApiShowsIt_EveryRevision_LanguageVersions_NeverADraft()
    {
        var reporting = new AnnualReports.Reporting(app, TimeProvider.System);
        var (organization, reporter) = await reporting.ReporterAsync();
        var (drafting, drafter) = await reporting.ReporterAsync();
        var year = await reporting.CycleAsync(TimeSpan.FromDays(30), organization, drafting);
        var draftText = $"Private draft {Guid.NewGuid():N}";
        await (await drafter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/drafts", AnnualReports.Reporting.Report(draftText))).ExpectAsync(HttpStatusCode.OK);
        var report = Drafting.Id(await (await reporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", AnnualReports.Reporting.Report())).ExpectAsync(HttpStatusCode.Created));
        await (await reporter.Api.PostJsonAsync($"/api/v1/reports/{report}/revisions", AnnualReports.Reporting.Report("Five consultations.", reason: "One was left out."))).ExpectAsync(HttpStatusCode.OK);
        await (await reporter.Api.PostJsonAsync($"/api/v1/reports/{report}/languages", AnnualReports.Reporting.FrenchVersion("Cinq consultations."))).ExpectAsync(HttpStatusCode.Created);

        var api = await app.CreatePublicClient().GetJsonAsync($"/api/v1/reports/{report}");
        var row = Rows(await DownloadAsync("/api/v1/open-data/annual-reports.jsonl", "application/jsonl")).Single(r => (string)r["id"]! == report.ToString());
        Assert.Equal((year, 2, (string)api["current"]!["contentHash"]!), ((int)row["year"]!, (int)row["revision"]!, (string)row["contentHash"]!));
        Assert.Equal("Five consultations.", (string)JsonNode.Parse((string)row["content"]!)!["activities"]!);
        var revisions = Rows(await DownloadAsync("/api/v1/open-data/report-revisions.jsonl", "application/jsonl")).Where(r => (string)r["reportId"]! == report.ToString()).ToList();
        Assert.Equal([(1, (string?)null), (2, "One was left out.")], revisions.Select(r => ((int)r["revision"]!, (string?)r["reason"])).Order());
        var version = Rows(await DownloadAsync("/api/v1/open-data/report-language-versions.jsonl", "application/jsonl")).Single(r => (string)r["reportId"]! == report.ToString());
        Assert.Equal(("fr", 2), ((string)version["language"]!, (int)version["revision"]!));
        Assert.Equal(2, Rows(await DownloadAsync("/api/v1/open-data/report-requests.jsonl", "application/jsonl")).Count(r => (int)r["year"]! == year));

        foreach (var dataset in (await app.CreatePublicClient().GetJsonAsync("/api/v1/open-data"))["datasets"]!.AsArray())
        {
            Assert.DoesNotContain(draftText, await DownloadAsync($"/api/v1/open-data/{(string)dataset!["name"]!}.csv", "text/csv"));
        }
    }

    [Fact]
    public async Task People_OnlyThoseWhoConsented_InThePeopleDatasetAndPopolo_WithTheirMembership_GoneWhenWithdrawn()
    {
        var organization = await app.People.OrganizationAsync(relevant: true, group: "technical-academic");
        var named = await app.People.ReporterAsync(organization.Id);
        var unnamed = await app.People.ReporterAsync(organization.Id);
        Assert.False((bool)(await named.Api.GetJsonAsync("/api/v1/me/naming"))["consent"]!);
        await (await named.Api.PutAsync("/api/v1/me/naming", System.Net.Http.Json.JsonContent.Create(new { consent = true }))).ExpectAsync(HttpStatusCode.OK);

        async Task<(List<JsonNode> People, JsonNode Popolo)> DownloadAllAsync()
            => (Rows(await DownloadAsync("/api/v1/open-data/people.jsonl", "application/jsonl")), JsonNode.Parse(await DownloadAsync("/api/v1/open-data/popolo.json", "application/json"))!);

        var (people, popolo) = await DownloadAllAsync();
        var row = people.Single(p => (string)p["id"]! == named.Id.ToString());
        Assert.Equal((named.DisplayName, "reporter", organization.Id.ToString()), ((string)row["name"]!, (string)row["role"]!, (string)row["organizationId"]!));
        Assert.DoesNotContain(people, p => (string)p["id"]! == unnamed.Id.ToString());
        Assert.Contains(popolo["persons"]!.AsArray(), p => (string)p!["id"]! == named.Id.ToString() && (string)p["name"]! == named.DisplayName);
        Assert.DoesNotContain(unnamed.DisplayName, popolo.ToJsonString());
        Assert.Contains(popolo["memberships"]!.AsArray(), m => (string)m!["person_id"]! == named.Id.ToString() && (string)m["organization_id"]! == organization.Id.ToString());
        Assert.Contains(popolo["organizations"]!.AsArray(), o => (string)o!["id"]! == organization.Id.ToString());
        Assert.Equal(193, popolo["organizations"]!.AsArray().Count(o => ((string)o!["id"]!).StartsWith("member-state/", StringComparison.Ordinal)));

        await (await named.Api.PutAsync("/api/v1/me/naming", System.Net.Http.Json.JsonContent.Create(new { consent = false }))).ExpectAsync(HttpStatusCode.OK);
        (people, popolo) = await DownloadAllAsync();
        Assert.DoesNotContain(people, p => (string)p["id"]! == named.Id.ToString());
        Assert.DoesNotContain(named.DisplayName, popolo.ToJsonString());
    }

    [Fact]
    public async Task OpenDataPage_ListsEveryDatasetWithItsFiles_InArabicToo()
    {
        var page = await app.CreatePublicClient().GetStringAsync("/open-data?culture=ar");
        Assert.Contains("البيانات المفتوحة", page);
        foreach (var dataset in (await app.CreatePublicClient().GetJsonAsync("/api/v1/open-data"))["datasets"]!.AsArray())
        {
            Assert.Contains($"/api/v1/open-data/{(string)dataset!["name"]!}.csv.gz", page);
        }
        Assert.Contains("/api/v1/open-data/popolo.json", page);
    }

    private static List<JsonNode> Rows(string jsonl) => jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();

    [Theory]
    [InlineData("no-such-dataset.jsonl")]
    [InlineData("organizations.xml")]
    [InlineData("organizations")]
    public async Task Download_UnknownDatasetOrFormat_404Problem(string file)
    {
        var response = await app.CreatePublicClient().GetAsync($"/api/v1/open-data/{file}");

        await response.ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>A consultation with a named contribution and a hidden one.</summary>
    private async Task<(string Consultation, string HiddenText)> SeedAsync()
    {
        var secretariat = await app.People.SecretariatAsync();
        var body = await app.Drafting.BodyAsync();
        var created = await (await secretariat.Api.PostJsonAsync("/api/v1/consultations", new
        {
            bodyId = body, topic = "Open data", description = "What should be published?", questions = new[] { "Which datasets?" },
            eligibility = "all-stakeholders", opensAt = DateTimeOffset.UtcNow.AddMinutes(-1), closesAt = DateTimeOffset.UtcNow.AddDays(3),
        })).ExpectAsync(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        await (await secretariat.Api.PostAsync($"/api/v1/consultations/{id}/open", null)).ExpectAsync(HttpStatusCode.OK);
        var hiddenText = $"Buy cheap watches {Guid.NewGuid():N}";
        foreach (var text in new[] { "All of them, as CSV.", hiddenText })
        {
            var author = await app.People.StakeholderAsync();
            var contribution = await (await author.Api.PostJsonAsync($"/api/v1/consultations/{id}/contributions",
                new { language = "en", consentToCite = true, answers = new[] { new { question = 1, text } } })).ExpectAsync(HttpStatusCode.Created);
            if (text == hiddenText)
            {
                await (await secretariat.Api.PostJsonAsync($"/api/v1/contributions/{contribution["id"]}/hide", new { reason = "spam" })).ExpectAsync(HttpStatusCode.OK);
            }
        }
        return (id, hiddenText);
    }

    private async Task<string> DownloadAsync(string url, string mediaType)
    {
        var response = await app.CreatePublicClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Gunzip(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd();
    }
}
