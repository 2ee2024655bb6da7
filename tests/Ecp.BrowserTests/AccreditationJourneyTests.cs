using Ecp.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ecp.BrowserTests;

/// <summary>
/// The whole way in, in a real browser: a person signs up and asks to be a delegate, the
/// secretariat approves, and the person then appears in their Member State's delegation. Each
/// step must leave its entry on the public record, and every page on the way must be accessible.
/// </summary>
public sealed class AccreditationJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Accreditation_DelegateApprovedBySecretariat_ListedInBrazilsDelegationAndOnRecord()
    {
        var name = BrowserFixture.UniqueName("Delegate of Brazil");
        var email = BrowserFixture.UniqueEmail("delegate");
        var a11y = new AccessibilityLog();
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        // 1. Sign up: logged in and sent on to the accreditation request.
        var head = await app.Record.HeadAsync();
        await page.GotoAsync("/account/sign-up");
        await a11y.CheckAsync(page);
        await Site.SignUpAsync(page, name, email, BrowserFixture.Password);
        var registered = await app.Record.NewEntryAsync(head, "person.registered", e => (string?)e["payload"]!["displayName"] == name);
        var personId = (string)registered["entityId"]!;
        Assert.Equal($"person/{personId}", (string?)registered["actor"]);
        await a11y.CheckAsync(page);

        // 2. Ask to be a delegate of Brazil: back on the account page, the request pending.
        head = await app.Record.HeadAsync();
        await Site.RequestDelegateAccreditationAsync(page, "BRA", "Appointed by the Permanent Mission of Brazil in Geneva.");
        var requested = await app.Record.NewEntryAsync(head, "accreditation.requested",
            e => (string?)e["payload"]!["personId"] == personId && (string?)e["payload"]!["memberState"] == "BRA");
        var accreditationId = (string)requested["entityId"]!;
        Assert.Equal($"person/{personId}", (string?)requested["actor"]);
        // The motivation is for the secretariat's eyes: the record holds only its hash.
        Assert.DoesNotContain("Permanent Mission of Brazil", requested.ToJsonString());
        await a11y.CheckAsync(page);

        // 3. Log out.
        await Site.LogOutAsync(page);
        await a11y.CheckAsync(page);

        // 4. The secretariat logs in and approves this request in the queue.
        await page.GotoAsync("/account/log-in");
        await a11y.CheckAsync(page);
        await Site.LogInAsync(page, BrowserFixture.SecretariatEmail, BrowserFixture.SecretariatPassword);
        await a11y.CheckAsync(page);
        await page.GotoAsync("/secretariat/accreditations");
        var request = page.Locator($"section[aria-labelledby='req-{accreditationId}']");
        await Expect(request.Locator("h2")).ToContainTextAsync(name);
        await a11y.CheckAsync(page);
        head = await app.Record.HeadAsync();
        await request.Locator("form[action*='handler=Approve'] button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(Site.PathIs("/secretariat/accreditations"));
        await Expect(request).ToHaveCountAsync(0);
        var approved = await app.Record.NewEntryAsync(head, "accreditation.approved", e => (string?)e["entityId"] == accreditationId);
        Assert.Equal(personId, (string?)approved["payload"]!["personId"]);
        Assert.Equal($"person/{app.Secretariat.Id}", (string?)approved["actor"]);
        await a11y.CheckAsync(page);

        // 5. Log out; the delegate logs in.
        await Site.LogOutAsync(page);
        await page.GotoAsync("/account/log-in");
        await Site.LogInAsync(page, email, BrowserFixture.Password);

        // 6. The account page shows the delegation of Brazil with the delegate in it ...
        var delegation = page.Locator("main .notice");
        await Expect(delegation.Locator($"li a[href='/people/{personId}']")).ToHaveTextAsync(name);
        await Expect(delegation).ToContainTextAsync("Brazil");
        await a11y.CheckAsync(page);

        // ... and so does Brazil's public page, reached through the account page's link.
        await delegation.Locator("a[href='/member-states/BRA#delegation']").ClickAsync();
        await Expect(page).ToHaveURLAsync(Site.PathIs("/member-states/BRA"));
        await Expect(page.Locator($":is(#delegation ~ ul, #delegation) a[href='/people/{personId}']")).ToHaveTextAsync(name);
        await a11y.CheckAsync(page);

        // The person's public profile, linked from the delegation.
        await page.Locator($":is(#delegation ~ ul, #delegation) a[href='/people/{personId}']").ClickAsync();
        await Expect(page).ToHaveURLAsync(Site.PathIs($"/people/{personId}"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await a11y.CheckAsync(page);

        var verification = await app.Record.VerifyAsync();
        Assert.True((bool?)verification["isValid"], $"The record's hash chain does not hold: {verification.ToJsonString()}");
        a11y.AssertNoViolations();
    }

    [Fact]
    public async Task LogOut_HeaderButton_LoggedOutOnHomePage()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await Site.SignUpAsync(page, BrowserFixture.UniqueName("Leaving"), BrowserFixture.UniqueEmail("leaving"), BrowserFixture.Password);

        await Site.LogOutAsync(page);

        // The log-in cookie is gone: the account page asks to log in again.
        await page.GotoAsync("/account");
        await Expect(page).ToHaveURLAsync(Site.PathIs("/account/log-in"));
    }
}
