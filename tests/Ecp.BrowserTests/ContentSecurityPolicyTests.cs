using Ecp.BrowserTests.Infrastructure;

namespace Ecp.BrowserTests;

/// <summary>The pages keep to their own Content-Security-Policy: a real browser enforcing it
/// refuses nothing they use (no inline script or style slipped into a view).</summary>
public sealed class ContentSecurityPolicyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/member-states")]
    [InlineData("/consultations")]
    [InlineData("/documents")]
    [InlineData("/record")]
    [InlineData("/account/log-in")]
    [InlineData("/account/sign-up")]
    [InlineData("/no-such-page?culture=ar")]
    public async Task Page_WithThePolicyEnforced_HasNoViolation(string url)
    {
        await using var context = await app.NewContextAsync(bypassCsp: false);
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) refused.Add(message.Text);
        };
        await page.GotoAsync(url);
        // The stylesheet applied: the header has its brand colour, not the browser's default.
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.site-header')).backgroundColor");
        Assert.NotEqual("rgba(0, 0, 0, 0)", background);
        Assert.True(refused.Count == 0, string.Join("\n", refused));
    }
}
