using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests.AnnualReports;

/// <summary>
/// The reporter's web form for the organization's annual report (/reports/{year}/my-report),
/// through the real pipeline as a browser without JavaScript: antiforgery, model binding, the
/// log-in cookie. Empty rows are dropped; errors show beside the form's own rows.
/// </summary>
public sealed class ReportFormTests(ReportFormTests.World world) : IClassFixture<ReportFormTests.World>
{
    /// <summary>One app for the class, and one counter of cycle years for its tests (a cycle a year).</summary>
    public sealed class World : IAsyncLifetime
    {
        public EcpFactory App { get; } = new();

        public Reporting Reporting { get; }

        public World() => Reporting = new Reporting(App, TimeProvider.System);

        public Task InitializeAsync() => App.InitializeAsync();

        public Task DisposeAsync() => App.DisposeAsync().AsTask();
    }

    private readonly EcpFactory app = world.App;
    private readonly Reporting reporting = world.Reporting;

    [Fact]
    public async Task SaveDraft_FromTheForm_DraftReadBackWithoutTheEmptyRows()
    {
        var (reporter, year, browser) = await ReporterAsync();
        var cycle = await browser.GetPageAsync($"/reports/{year}");
        Assert.NotNull(cycle.QuerySelector($"main a[href='/reports/{year}/my-report']"));
        Assert.NotNull((await browser.GetPageAsync("/account")).QuerySelector($"main a[href='/reports/{year}/my-report']"));

        using var saved = await PressAsync(browser, await browser.GetPageAsync(FormUrl(year)), "Save", new Dictionary<string, string>
        {
            ["Input.Language"] = "fr",
            ["Input.Activities"] = "Quatre consultations ouvertes sur la zone racine.",
            ["Input.IssuesAddressed"] = "root-zone",
            ["Input.Involvement[civil-society]"] = "Two seats on the review panel.",
            ["Input.Involvement[private-sector]"] = " ",
            ["Input.Outcomes[1].Url"] = "https://www.itu.int/res/102",
            ["Input.Indicators[0].Name"] = "Open consultations held",
            ["Input.Indicators[0].Value"] = "12.5",
            ["Input.Indicators[0].Unit"] = "consultations",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(FormUrl(year), saved.Headers.Location?.OriginalString);
        var draft = await reporter.Api.GetJsonAsync($"/api/v1/reporting-cycles/{year}/drafts/mine");
        var content = draft["content"]!;
        Assert.Equal("fr", (string)draft["language"]!);
        Assert.Equal("Quatre consultations ouvertes sur la zone racine.", (string)content["activities"]!);
        Assert.Equal(new[] { "root-zone" }, content["issuesAddressed"]!.AsArray().Select(i => (string)i!));
        Assert.Equal(new[] { "civil-society" }, content["stakeholderInvolvement"]!.AsArray().Select(i => (string)i!["stakeholderGroup"]!));
        Assert.Equal(new[] { "https://www.itu.int/res/102" }, content["outcomes"]!.AsArray().Select(o => (string)o!["url"]!));
        var indicator = Assert.Single(content["indicators"]!.AsArray())!;
        Assert.Equal(("Open consultations held", "12.5", "consultations"), ((string)indicator["name"]!, (string)indicator["value"]!, (string)indicator["unit"]!));

        // Back on the form: the message, and the draft in the fields.
        var page = await browser.GetPageAsync(FormUrl(year));
        Assert.Contains("Draft saved.", page.QuerySelector("main .notice[role=status]")!.TextContent);
        Assert.Equal("Quatre consultations ouvertes sur la zone racine.", page.QuerySelector<IHtmlTextAreaElement>("#Input_Activities")!.Value);
        Assert.Equal("12.5", Field(page, "Input_Indicators[0]_Value").Value);
        Assert.True(page.QuerySelector<IHtmlInputElement>("#issue-root-zone")!.IsChecked);
        Assert.Equal("Two seats on the review panel.", page.QuerySelector<IHtmlTextAreaElement>("[id='Input_Involvement[civil-society]']")!.Value);
    }

    [Fact]
    public async Task Submit_FromTheForm_PublicReportOnTimeAndTheFormOffersACorrection()
    {
        var (reporter, year, browser) = await ReporterAsync();

        using var submitted = await PressAsync(browser, await browser.GetPageAsync(FormUrl(year)), "Submit", new Dictionary<string, string>
        {
            ["Input.Language"] = "en",
            ["Input.Activities"] = "Held four open consultations on the root zone.",
            ["Input.Indicators[0].Name"] = "Open consultations held",
            ["Input.Indicators[0].Value"] = "4",
            ["Input.Indicators[0].Unit"] = "consultations",
        });

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var location = submitted.Headers.Location!.OriginalString;
        Assert.StartsWith("/reports/report/", location, StringComparison.Ordinal);
        var report = await app.CreatePublicClient().GetJsonAsync($"/api/v1/reports/{location["/reports/report/".Length..]}");
        Assert.Equal(("on-time", "Held four open consultations on the root zone."), ((string)report["status"]!, (string)report["current"]!["content"]!["activities"]!));
        var shown = await browser.GetPageAsync(location);
        Assert.NotNull(shown.QuerySelector("main .notice[role=status]"));
        Assert.Contains("On time", shown.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var form = await browser.GetPageAsync(FormUrl(year));
        Assert.NotNull(form.QuerySelector("main form[action$='handler=Revise']"));
        Assert.Null(form.QuerySelector("main button[formaction$='handler=Submit']"));
        Assert.NotNull(form.QuerySelector($"main a[href='{location}']"));
    }

    [Fact]
    public async Task Save_IndicatorWithoutUnitAndBadAddress_MessagesBesideTheRowsAndNothingSaved()
    {
        var (reporter, year, browser) = await ReporterAsync();
        var head = await app.CreatePublicClient().RecordHeadAsync();

        using var refused = await PressAsync(browser, await browser.GetPageAsync(FormUrl(year)), "Save", new Dictionary<string, string>
        {
            ["Input.Language"] = "en",
            ["Input.Activities"] = "Held four open consultations.",
            // Row 0 empty: the use case's first indicator is the form's row 1.
            ["Input.Indicators[1].Name"] = "Open consultations held",
            ["Input.Indicators[1].Value"] = "4",
            ["Input.Indicators[2].Name"] = "Share of non-government participants",
            ["Input.Indicators[2].Value"] = "many",
            ["Input.Indicators[2].Unit"] = "%",
            ["Input.Outcomes[2].Url"] = "not an address",
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        foreach (var (id, message) in new[] { ("Input_Indicators[1]_Unit", "This is required."), ("Input_Indicators[2]_Value", "Enter a number"), ("Input_Outcomes[2]_Url", "web address") })
        {
            Assert.Equal("true", Field(page, id).GetAttribute("aria-invalid"));
            Assert.Contains(message, page.QuerySelector($"[id='{id}-error']")!.TextContent, StringComparison.Ordinal);
            Assert.NotNull(page.QuerySelector($".error-summary a[href='#{id}']"));
        }
        Assert.Null(Field(page, "Input_Indicators[0]_Unit").GetAttribute("aria-invalid"));
        Assert.Equal("many", Field(page, "Input_Indicators[2]_Value").Value);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.Api.GetAsync($"/api/v1/reporting-cycles/{year}/drafts/mine")).StatusCode);
        Assert.Equal(head, await app.CreatePublicClient().RecordHeadAsync());
    }

    [Fact]
    public async Task MyReport_ReporterOfAnOrganizationNotRequested_403WithTheReasonAndNoForm()
    {
        var (requested, _) = await reporting.ReporterAsync();
        var (_, other) = await reporting.ReporterAsync();
        var year = await reporting.CycleAsync(TimeSpan.FromDays(30), requested);
        var (browser, _) = await app.People.LogInAsync(other);

        using var shown = await browser.GetAsync(FormUrl(year));
        Assert.Equal(HttpStatusCode.Forbidden, shown.StatusCode);
        var page = await Html.ParseAsync(shown);
        Assert.Contains("did not request a report from your organization", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form"));
        Assert.Null((await browser.GetPageAsync($"/reports/{year}")).QuerySelector($"main a[href='/reports/{year}/my-report']"));

        // The page has no form: the post a hand-made page would send, with the log-out form's token.
        using var posted = await browser.PostAsync(FormUrl(year) + "?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [Html.AntiforgeryField] = page.AntiforgeryToken(), ["Input.Language"] = "en", ["Input.Activities"] = "Not ours to write.",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Api.GetAsync($"/api/v1/reporting-cycles/{year}/drafts/mine")).StatusCode);

        using var anonymous = await app.CreatePublicClient().GetAsync(FormUrl(year));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/log-in", anonymous.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revise_WithAReason_TwoRevisionsAndWithoutOneNothingChanges()
    {
        var (reporter, year, browser) = await ReporterAsync();
        var id = Drafting.Id(await (await reporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", Reporting.Report())).ExpectAsync(HttpStatusCode.Created));
        var form = await browser.GetPageAsync(FormUrl(year));
        Assert.Equal("Held four open consultations on the root zone.", form.QuerySelector<IHtmlTextAreaElement>("#Input_Activities")!.Value);
        Assert.Equal("https://www.itu.int/res/102", Field(form, "Input_Outcomes[0]_Url").Value);
        var fields = new Dictionary<string, string>
        {
            ["Input.Activities"] = "Held five open consultations on the root zone.",
        };

        using var withoutReason = await PressAsync(browser, form, "Revise", fields);
        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Equal("true", (await Html.ParseAsync(withoutReason)).QuerySelector("#Input_Reason")!.GetAttribute("aria-invalid"));

        fields["Input.Reason"] = "One consultation was left out.";
        using var revised = await PressAsync(browser, form, "Revise", fields);
        Assert.Equal(HttpStatusCode.Redirect, revised.StatusCode);
        Assert.Equal($"/reports/report/{id}#revisions", revised.Headers.Location?.OriginalString);
        var report = await app.CreatePublicClient().GetJsonAsync($"/api/v1/reports/{id}");
        var revisions = report["revisions"]!.AsArray();
        Assert.Equal(new string?[] { null, "One consultation was left out." }, revisions.Select(r => (string?)r!["reason"]));
        Assert.Equal("Held five open consultations on the root zone.", (string)report["current"]!["content"]!["activities"]!);
        Assert.NotNull((await browser.GetPageAsync($"/reports/report/{id}")).QuerySelector("#rev-2"));
    }

    /// <summary>A reporter of an organization requested by a cycle of its own (deadline in 30 days), logged in.</summary>
    private async Task<(TestPerson Reporter, int Year, HttpClient Browser)> ReporterAsync()
    {
        var (organization, reporter) = await reporting.ReporterAsync();
        var year = await reporting.CycleAsync(TimeSpan.FromDays(30), organization);
        var (browser, _) = await app.People.LogInAsync(reporter);
        return (reporter, year, browser);
    }

    private static string FormUrl(int year) => $"/reports/{year}/my-report";

    private static IHtmlInputElement Field(IHtmlDocument page, string id)
        => page.QuerySelector<IHtmlInputElement>($"[id='{id}']") ?? throw new InvalidOperationException($"No field #{id} on the page.");

    /// <summary>
    /// Presses the page's button that posts to <paramref name="handler"/>, as a browser does: every
    /// field of its form goes back as the page filled it (checked boxes, the selected option, empty
    /// rows too), but those named in <paramref name="fields"/>, which go with the values given.
    /// </summary>
    private static async Task<HttpResponseMessage> PressAsync(HttpClient browser, IHtmlDocument page, string handler, IReadOnlyDictionary<string, string> fields)
    {
        var suffix = $"handler={handler}";
        var form = page.QuerySelectorAll<IHtmlFormElement>("main form[method=post]")
            .FirstOrDefault(f => (f.GetAttribute("action") ?? "").EndsWith(suffix, StringComparison.Ordinal) || f.QuerySelector($"button[formaction$='{suffix}']") is not null)
            ?? throw new InvalidOperationException($"The page has no button posting to {suffix}.");
        var action = form.QuerySelector($"button[formaction$='{suffix}']")?.GetAttribute("formaction") ?? form.GetAttribute("action")!;
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            if (fields.ContainsKey(name)) continue;
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked) values.Add(new(name, box.Value));
                    break;
                case IHtmlInputElement input:
                    values.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement text:
                    values.Add(new(name, text.Value));
                    break;
                case IHtmlSelectElement select:
                    values.Add(new(name, select.Value ?? ""));
                    break;
            }
        }
        values.AddRange(fields);
        return await browser.PostAsync(action, new FormUrlEncodedContent(values));
    }
}
