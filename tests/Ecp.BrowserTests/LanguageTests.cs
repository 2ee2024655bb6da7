using System.Text.RegularExpressions;
using Ecp.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ecp.BrowserTests;

/// <summary>The six UN languages: chosen in the header, remembered, Arabic right to left; and the
/// site works for a browser that runs no JavaScript at all.</summary>
public sealed partial class LanguageTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    public const string ScreenshotFolder = "/tmp/ecp-screens";

    /// <summary>The language codes and their own names, as the switcher shows them.</summary>
    public static TheoryData<string, string> Languages => new()
    {
        { "ar", "العربية" },
        { "zh", "中文" },
        { "en", "English" },
        { "fr", "Français" },
        { "ru", "Русский" },
        { "es", "Español" },
    };

    [GeneratedRegex(@"\p{IsArabic}")]
    private static partial Regex ArabicLetter();

    [Fact]
    public async Task Home_CultureQueryArabic_RightToLeftWithArabicHeading()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/?culture=ar");

        var html = page.Locator("html");
        await Expect(html).ToHaveAttributeAsync("lang", "ar");
        await Expect(html).ToHaveAttributeAsync("dir", "rtl");
        var heading = await page.Locator("h1").InnerTextAsync();
        Assert.True(ArabicLetter().IsMatch(heading), $"The Arabic home page's h1 has no Arabic letter: \"{heading}\" (translation missing?).");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task LanguageSwitcher_ChooseLanguage_PageAndNextPageInThatLanguage(string code, string nativeName)
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/member-states");
        if (code == "en")
        {
            // English is where the browser starts: go elsewhere first, so choosing English changes something.
            await ChooseAsync(page, "fr", "Français");
        }

        await ChooseAsync(page, code, nativeName);

        Assert.Equal(code, await page.LangAsync());
        await Expect(page).ToHaveURLAsync(Site.PathIs("/member-states"));
        // The choice is a cookie: the next page, reached by the main navigation, keeps it.
        await page.Locator("header a[href='/organizations']").ClickAsync();
        await Expect(page).ToHaveURLAsync(Site.PathIs("/organizations"));
        Assert.Equal(code, await page.LangAsync());
        Assert.Equal(code == "ar" ? "rtl" : "ltr", await page.Locator("html").GetAttributeAsync("dir"));
        // The switcher marks the current language instead of linking to it.
        await Expect(page.Locator($"header [lang='{code}'][aria-current]")).ToHaveTextAsync(nativeName);
        await Expect(page.Locator($"header a[hreflang='{code}']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task LanguageSwitcher_OnPageOpenedWithCultureQuery_ChosenLanguageWins()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        // A link shared in Arabic; the reader prefers English.
        await page.GotoAsync("/member-states?culture=ar");

        await ChooseAsync(page, "en", "English");

        Assert.Equal("en", await page.LangAsync());
    }

    [Fact]
    public async Task NotFound_CultureQueryArabic_ErrorPageInArabic()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/member-states/XYZ?culture=ar");

        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
    }

    [Fact]
    public async Task SignUp_JavaScriptDisabled_FormSubmitsAndRedirects()
    {
        await using var context = await app.NewContextAsync(javaScriptEnabled: false);
        var page = await context.NewPageAsync();

        await Site.SignUpAsync(page, BrowserFixture.UniqueName("No Script"), BrowserFixture.UniqueEmail("noscript"), BrowserFixture.Password);

        // Logged in, and the next form works without JavaScript too.
        await Expect(page.LogOutButton()).ToBeVisibleAsync();
        await Site.RequestDelegateAccreditationAsync(page, "SEN", "Appointed by the Permanent Mission of Senegal.");
        await Expect(page.Locator("main table")).ToBeVisibleAsync();
    }

    /// <summary>Not an assertion: pictures for a person to look at (fonts, right-to-left layout).</summary>
    [Fact]
    public async Task Screenshots_HomeInArabicAndMemberStatesInChinese_SavedForReview()
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        // The first screen (what a person sees on arrival) and the whole page.
        foreach (var (url, name) in new[] { ("/?culture=ar", "home-ar"), ("/member-states?culture=zh", "member-states-zh") })
        {
            await page.GotoAsync(url);
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png") });
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + "-full.png"), FullPage = true });
            Assert.True(File.Exists(Path.Combine(ScreenshotFolder, name + ".png")));
        }
    }

    /// <summary>Follows the switcher link named in the language's own name.</summary>
    private static async Task ChooseAsync(IPage page, string code, string nativeName)
    {
        var link = page.Locator("header").GetByRole(AriaRole.Link, new() { Name = nativeName, Exact = true });
        await Expect(link).ToHaveAttributeAsync("hreflang", code);
        await link.ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", code);
    }
}
