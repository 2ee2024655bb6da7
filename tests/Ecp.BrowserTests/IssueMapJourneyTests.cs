using System.Text.RegularExpressions;
using Ecp.BrowserTests.Infrastructure;
using Ecp.Common;
using Ecp.Features.Registry;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ecp.BrowserTests;

/// <summary>
/// The issue map in a real browser: a civil society participant finds net neutrality on the map,
/// says it is an international public policy issue and why, and sees their voice counted in their
/// group's row; the record has it. In Arabic the map and the issue read right to left with the
/// issue names in Arabic. Every page on the way must be accessible.
/// </summary>
public sealed class IssueMapJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ScopeAssessment_ByStakeholder_ShownInTheirGroupsDistributionAndOnRecord()
    {
        var email = BrowserFixture.UniqueEmail("stakeholder");
        var person = await app.SignedUpAsync(BrowserFixture.UniqueName("Civil society advocate"), email);
        await app.ApproveAsync(await app.Server.RunAsync<RequestAccreditation, Accreditation>(u => u.HandleAsync(Actor.Of(person),
            new RequestAccreditation.Command { Kind = "stakeholder", StakeholderGroup = "civil-society", Motivation = "We work on access to information." })));
        var a11y = new AccessibilityLog();
        await using var context = await app.NewContextAsync(storageState: await app.LoggedInStateAsync(email, BrowserFixture.Password));
        var page = await context.NewPageAsync();

        await page.GotoAsync("/issues");
        await a11y.CheckAsync(page);
        await page.Locator("main a[href='/issues/net-neutrality']").ClickAsync();
        await Expect(page).ToHaveURLAsync(Site.PathIs("/issues/net-neutrality"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Net neutrality");
        var civilSociety = page.Locator("table.scope tbody tr", new() { HasText = "Civil society" });
        var before = int.Parse(await civilSociety.Locator("td").Nth(0).InnerTextAsync());
        await a11y.CheckAsync(page);

        // A reason is required: the form says so beside the field and nothing is recorded.
        var head = await app.Record.HeadAsync();
        var form = page.Locator("main form[action$='handler=Assess']");
        await form.Locator("#scope-international-public-policy").CheckAsync();
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page.ErrorSummary()).ToBeVisibleAsync();
        await a11y.CheckAsync(page);

        await page.Locator("main form[action$='handler=Assess'] #scope-international-public-policy").CheckAsync();
        await page.Locator("#Assess_Reason").FillAsync("Whether traffic is treated equally decides what people can reach across borders.");
        await page.Locator("main form[action$='handler=Assess'] button[type=submit]").ClickAsync();

        await Expect(page).ToHaveURLAsync(Site.PathIs("/issues/net-neutrality"));
        await Expect(page.Locator("main .notice[role=status]")).ToBeVisibleAsync();
        await Expect(civilSociety.Locator("td").Nth(0)).ToHaveTextAsync((before + 1).ToString());
        await Expect(page.Locator("ul.reasons")).ToContainTextAsync("decides what people can reach across borders");
        var recorded = await app.Record.NewEntryAsync(head, "scope-assessment.recorded", e => (string?)e["entityId"] == "net-neutrality");
        Assert.Equal(("civil-society", "international-public-policy"), ((string?)recorded["payload"]!["group"], (string?)recorded["payload"]!["scope"]));
        Assert.Equal($"person/{person.Id}", (string?)recorded["actor"]);
        await a11y.CheckAsync(page);
        a11y.AssertNoViolations();
    }

    [Fact]
    public async Task Arabic_MapAndIssue_RightToLeftWithArabicNames()
    {
        var a11y = new AccessibilityLog();
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/issues?culture=ar");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Expect(page.Locator("main a[href='/issues/net-neutrality']")).ToHaveTextAsync("حياد الشبكة");
        await Expect(page.Locator("main h2").First).ToHaveTextAsync("البنية التحتية والتقييس");
        await a11y.CheckAsync(page);
        await Expect(page.Locator("main a[href='/issues/root-zone']")).ToHaveTextAsync("منطقة الجذر");
        await page.GotoAsync("/issues/root-zone?culture=ar");
        await Expect(page.Locator("h1")).ToHaveTextAsync("منطقة الجذر");
        await Expect(page.Locator("main")).ToContainTextAsync(new Regex("ترجمة غير رسمية"));
        await a11y.CheckAsync(page);
        a11y.AssertNoViolations();
    }
}
