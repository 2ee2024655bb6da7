using Ecp.BrowserTests.Infrastructure;
using Ecp.Common;
using Ecp.Features.AnnualReports;
using Ecp.Features.Registry;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ecp.BrowserTests;

/// <summary>
/// The annual report in a real browser (issue 11's acceptance): a relevant organization's reporter
/// opens the form from the year's page, is told about an indicator without its unit, saves a draft,
/// submits, and lands on the public report "on time"; the organization x year grid shows the row.
/// The form is accessible in English and in Arabic (right to left), with its errors too.
/// </summary>
public sealed class ReportingJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Reporter_SavesDraftThenSubmits_PublicReportOnTimeAndRowInTheGrid()
    {
        const int year = 2027;
        var organization = await app.RegisterOrganizationAsync(BrowserFixture.UniqueName("Regional Internet Registry"));
        var email = BrowserFixture.UniqueEmail("reporter");
        var person = await app.SignedUpAsync(BrowserFixture.UniqueName("Reporter"), email);
        await app.ApproveAsync(await app.Server.RunAsync<RequestAccreditation, Accreditation>(u => u.HandleAsync(Actor.Of(person),
            new RequestAccreditation.Command { Kind = "reporter", OrganizationId = organization.Id, Motivation = "I file our annual report." })));
        await app.Server.RunAsync<OpenReportingCycle, ReportingCycle>(u => u.HandleAsync(Actor.Of(app.Secretariat), new OpenReportingCycle.Command
        {
            Year = year, Deadline = DateTimeOffset.UtcNow.AddDays(30), OrganizationIds = [organization.Id],
        }));
        var a11y = new AccessibilityLog();
        await using var context = await app.NewContextAsync(storageState: await app.LoggedInStateAsync(email, BrowserFixture.Password));
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/reports/{year}");
        await page.Locator($"main a[href='/reports/{year}/my-report']").ClickAsync();
        await Expect(page).ToHaveURLAsync(Site.PathIs($"/reports/{year}/my-report"));
        await a11y.CheckAsync(page);

        // An indicator without its unit: the message beside the unit, nothing saved.
        await page.FillAsync("#Input_Activities", "Held four open consultations on the root zone.");
        await page.FillAsync("[id='Input_Indicators[0]_Name']", "Open consultations held");
        await page.FillAsync("[id='Input_Indicators[0]_Value']", "4");
        await SaveAsync(page);
        await Expect(page.ErrorSummary()).ToBeVisibleAsync();
        await Expect(page.Locator("[id='Input_Indicators[0]_Unit']")).ToHaveAttributeAsync("aria-invalid", "true");
        await a11y.CheckAsync(page);

        await page.FillAsync("[id='Input_Indicators[0]_Unit']", "consultations");
        await SaveAsync(page);
        await Expect(page).ToHaveURLAsync(Site.PathIs($"/reports/{year}/my-report"));
        await Expect(page.Locator("main .notice[role=status]")).ToContainTextAsync("Draft saved");
        await Expect(page.Locator("#Input_Activities")).ToHaveValueAsync("Held four open consultations on the root zone.");
        await a11y.CheckAsync(page);

        // The same form in Arabic reads right to left, and stays accessible.
        await page.GotoAsync($"/reports/{year}/my-report?culture=ar");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("[id='Input_Indicators[0]_Unit']")).ToHaveValueAsync("consultations");
        await a11y.CheckAsync(page);
        await page.GotoAsync($"/reports/{year}/my-report?culture=en");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.Locator("main button[formaction$='handler=Submit']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/reports/report/[0-9a-f-]{36}$"));
        var reportPath = new Uri(page.Url).AbsolutePath;
        await Expect(page.Locator("main .notice[role=status]")).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("On time");
        await Expect(page.Locator("main")).ToContainTextAsync("Open consultations held");
        await a11y.CheckAsync(page);

        await page.GotoAsync("/reports/compliance");
        var row = page.Locator("table.grid tbody tr", new() { Has = page.Locator($"a[href='{reportPath}']") });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator($"a[href='{reportPath}']")).ToHaveTextAsync("On time");
        await a11y.CheckAsync(page);

        // Submitted: the form became the correction form, in Arabic as in English.
        await page.GotoAsync($"/reports/{year}/my-report?culture=ar");
        await Expect(page.Locator("main form[action$='handler=Revise']")).ToBeVisibleAsync();
        await a11y.CheckAsync(page);
        a11y.AssertNoViolations();
    }

    /// <summary>"Save draft": the form's own button (the other posts to Submit).</summary>
    private static Task SaveAsync(IPage page) => page.Locator("main form[action$='handler=Save'] button[type=submit]:not([formaction])").ClickAsync();
}
