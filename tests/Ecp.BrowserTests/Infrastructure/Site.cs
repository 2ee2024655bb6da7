using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ecp.BrowserTests.Infrastructure;

/// <summary>
/// What a person does on the site, step by step, found by ids, names and URLs rather than by
/// English text (the UI speaks six languages and its wording changes).
/// </summary>
public static class Site
{
    /// <summary>The form of the page's main content (the header holds the log-out form).</summary>
    public static ILocator SubmitButton(this IPage page) => page.Locator("main form[method=post] button[type=submit]").First;

    public static ILocator ErrorSummary(this IPage page) => page.Locator(".error-summary");

    public static ILocator LogOutButton(this IPage page) => page.Locator("header form[action='/account/log-out'] button[type=submit]");

    /// <summary>A regex matching the URL whose path is <paramref name="path"/> (any query, no other path).</summary>
    public static Regex PathIs(string path) => new("^https?://[^/]+" + Regex.Escape(path) + @"(\?.*)?(#.*)?$");

    public static async Task SignUpAsync(IPage page, string name, string email, string password)
    {
        await page.GotoAsync("/account/sign-up");
        await page.FillAsync("#Input_DisplayName", name);
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", password);
        await page.SubmitButton().ClickAsync();
        // Signed up and logged in: straight on to the accreditation request.
        await Expect(page).ToHaveURLAsync(PathIs("/accreditation/request"));
    }

    public static async Task LogInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/log-in");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", password);
        await page.SubmitButton().ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs("/account"));
        await Expect(page.LogOutButton()).ToBeVisibleAsync();
    }

    /// <summary>The header's log-out button: a POST answered with a redirect home.</summary>
    public static async Task LogOutAsync(IPage page)
    {
        var response = await page.RunAndWaitForResponseAsync(() => page.LogOutButton().ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/account/log-out");
        Assert.True(response.Status is >= 300 and < 400,
            $"POST /account/log-out answered {response.Status}, not a redirect (form fields posted: \"{response.Request.PostData}\").");
        await Expect(page).ToHaveURLAsync(PathIs("/"));
        await Expect(page.LogOutButton()).ToHaveCountAsync(0);
    }

    /// <summary>On /accreditation/request: asks to be a delegate of the Member State.</summary>
    public static async Task RequestDelegateAccreditationAsync(IPage page, string memberState, string motivation)
    {
        await Expect(page).ToHaveURLAsync(PathIs("/accreditation/request"));
        await page.CheckAsync("#kind-delegate");
        await page.SelectOptionAsync("#Input_MemberState", memberState);
        await page.FillAsync("#Input_Motivation", motivation);
        await page.SubmitButton().ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs("/account"));
    }

    /// <summary>The html element's lang attribute: the language the page says it is in.</summary>
    public static Task<string?> LangAsync(this IPage page) => page.Locator("html").GetAttributeAsync("lang");
}
