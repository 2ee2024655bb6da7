using Ecp.BrowserTests.Infrastructure;
using Ecp.Common;
using Ecp.Features.Accounts;
using Ecp.Features.Registry;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ecp.BrowserTests;

/// <summary>
/// The data the pages need to show everything they can show: an organization, a delegate of
/// Brazil, a logged-in person with an API token, and a request waiting in the secretariat's queue.
/// </summary>
public sealed class AccessibilityFixture : BrowserFixture
{
    public Organization Organization { get; private set; } = null!;
    public Person Delegate { get; private set; } = null!;

    /// <summary>Cookies of a registered person (no request yet) and of the secretariat.</summary>
    public string PersonState { get; private set; } = null!;
    public string SecretariatState { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Organization = await RegisterOrganizationAsync(UniqueName("Internet Society Chapter"));
        Delegate = await SignedUpAsync(UniqueName("Delegate"), UniqueEmail("delegate"));
        await ApproveAsync(await RequestAsDelegateAsync(Delegate, "BRA"));
        var applicant = await SignedUpAsync(UniqueName("Applicant"), UniqueEmail("applicant"));
        await RequestAsDelegateAsync(applicant, "KEN");

        var email = UniqueEmail("person");
        var person = await SignedUpAsync(UniqueName("Registered"), email);
        await Server.RunAsync<IssueApiToken, IssueApiToken.Issued>(u => u.HandleAsync(Actor.Of(person), new IssueApiToken.Command { Name = "laptop" }));
        PersonState = await LoggedInStateAsync(email, Password);
        SecretariatState = await LoggedInStateAsync(SecretariatEmail, SecretariatPassword);
    }
}

/// <summary>Every page, in English and in Arabic (right to left), meets WCAG 2.1 A and AA as far
/// as axe-core can tell: a floor, not a substitute for testing with assistive technologies.</summary>
public sealed class AccessibilityTests(AccessibilityFixture app) : IClassFixture<AccessibilityFixture>
{
    private enum Who { Public, Person, Secretariat }

    /// <summary>Page key: who looks, where, and whether a form is first submitted empty so that
    /// the error summary shows.</summary>
    private static readonly Dictionary<string, (Who Who, string Path, bool SubmitEmpty)> Pages = new()
    {
        ["home"] = (Who.Public, "/", false),
        ["member-states"] = (Who.Public, "/member-states", false),
        ["member-state"] = (Who.Public, "/member-states/BRA", false),
        ["organizations"] = (Who.Public, "/organizations", false),
        ["organization"] = (Who.Public, "/organizations/{organization}", false),
        ["person"] = (Who.Public, "/people/{delegate}", false),
        ["record"] = (Who.Public, "/record", false),
        ["record-filtered"] = (Who.Public, "/record?entity=member-state&entityId=BRA", false),
        ["sign-up"] = (Who.Public, "/account/sign-up", false),
        ["log-in"] = (Who.Public, "/account/log-in", false),
        ["not-found"] = (Who.Public, "/member-states/XYZ", false),
        ["account"] = (Who.Person, "/account", false),
        ["accreditation-request"] = (Who.Person, "/accreditation/request", false),
        ["secretariat-accreditations"] = (Who.Secretariat, "/secretariat/accreditations", false),
        ["organizations-new"] = (Who.Secretariat, "/organizations/new", false),
        ["sign-up-errors"] = (Who.Public, "/account/sign-up", true),
        ["log-in-errors"] = (Who.Public, "/account/log-in", true),
        ["accreditation-request-errors"] = (Who.Person, "/accreditation/request", true),
        ["organizations-new-errors"] = (Who.Secretariat, "/organizations/new", true),
    };

    public static TheoryData<string, string> PagesInEnglishAndArabic()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in Pages.Keys)
        {
            data.Add(page, "en");
            data.Add(page, "ar");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PagesInEnglishAndArabic))]
    public async Task Page_InLanguage_NoWcagViolations(string pageKey, string culture)
    {
        var (who, path, submitEmpty) = Pages[pageKey];
        path = path.Replace("{organization}", app.Organization.Id.ToString()).Replace("{delegate}", app.Delegate.Id.ToString());
        var state = who switch { Who.Person => app.PersonState, Who.Secretariat => app.SecretariatState, _ => null };
        await using var context = await app.NewContextAsync(storageState: state);
        var page = await context.NewPageAsync();

        // The language both remembered (cookie) and asked for (?culture=): the status-code page
        // of "not-found" only sees the cookie (LanguageTests covers ?culture= on error pages).
        await page.GotoAsync($"/set-language?culture={culture}&returnUrl=/");
        var response = await page.GotoAsync(path + (path.Contains('?') ? "&" : "?") + "culture=" + culture);
        Assert.NotNull(response);
        Assert.Equal(pageKey == "not-found" ? 404 : 200, response.Status);
        if (submitEmpty)
        {
            // The form posts back to the same address, ?culture= included.
            await page.SubmitButton().ClickAsync();
            await Expect(page.ErrorSummary()).ToBeVisibleAsync();
            await AssertErrorLinksReachFieldsAsync(page);
        }
        var lang = await page.LangAsync();
        Assert.True(lang == culture, $"{page.Url} is in lang={lang}, not {culture}: the check would not test the {culture} page.");
        Assert.Equal(culture == "ar" ? "rtl" : "ltr", await page.Locator("html").GetAttributeAsync("dir"));

        await Axe.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Axe_ImageWithoutAlt_ReportsImageAlt()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/x.png\">')");
        var violations = await Axe.RunAsync(page);

        var imageAlt = Assert.Single(violations, v => v.Id == "image-alt");
        Assert.Contains(imageAlt.Nodes, n => n.Html.Contains("/x.png", StringComparison.Ordinal));
    }

    /// <summary>GOV.UK pattern: each message of the summary links to the field it is about.</summary>
    private static async Task AssertErrorLinksReachFieldsAsync(IPage page)
    {
        var links = page.ErrorSummary().Locator("a[href^='#']");
        var count = await links.CountAsync();
        Assert.True(count > 0, "The error summary links to no field.");
        for (var i = 0; i < count; i++)
        {
            var href = (await links.Nth(i).GetAttributeAsync("href"))!;
            var exists = await page.EvaluateAsync<bool>("id => document.getElementById(id) !== null", href[1..]);
            Assert.True(exists, $"The error summary links to {href}, which is not on the page.");
        }
    }
}
