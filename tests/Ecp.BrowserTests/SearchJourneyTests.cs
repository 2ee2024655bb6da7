using Ecp.BrowserTests.Infrastructure;
using Ecp.Common;
using Ecp.Features.Consultations;
using Ecp.Features.Registry;
using Ecp.Features.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ecp.BrowserTests;

/// <summary>
/// The search in a real browser: a French reader searches,
/// sees the matching words marked, narrows the results to civil society with the group facet; an
/// Arabic reader searches without diacritics for a text written with them, on a right-to-left page.
/// Every page on the way is accessible.
/// </summary>
public sealed class SearchJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Search_InFrenchAndArabic_MarksTheMatches_AndFiltersByStakeholderGroup()
    {
        var body = await app.EstablishBodyAsync(BrowserFixture.UniqueName("Council Working Group on Internet"), "CWG-Internet");
        var consultation = await app.Server.RunAsync<DraftConsultation, Consultation>(u => u.HandleAsync(Actor.Of(app.Secretariat), new()
        {
            BodyId = body.Id,
            Topic = BrowserFixture.UniqueName("Multilingualism online"),
            Description = "How can people take part online in their own languages?",
            Questions = ["What are the obstacles?"],
            Eligibility = "all-stakeholders",
            OpensAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            ClosesAt = DateTimeOffset.UtcNow.AddDays(7),
        }));
        await app.Server.RunAsync<OpenConsultation, Consultation>(u => u.HandleAsync(Actor.Of(app.Secretariat), consultation.Id));
        var word = "bathyscaphe" + Guid.NewGuid().ToString("N")[..6];
        var civilSociety = await StakeholderAsync("civil-society");
        var privateSector = await StakeholderAsync("private-sector");
        await ContributeAsync(civilSociety, consultation, "fr", $"Les langues locales manquent de contenus {word} en ligne.");
        await ContributeAsync(privateSector, consultation, "fr", $"Les entreprises traduisent leurs contenus {word} elles-mêmes.");
        // Written with diacritics (kasra, fatha) and a hamza on the alef; searched without them.
        await ContributeAsync(civilSociety, consultation, "ar", "نَدعو إلى إِدارةٍ متعددة اللغات للإنترنت.");
        await app.Server.Services.GetRequiredService<SearchProjection>().WaitForRecordAsync();

        var a11y = new AccessibilityLog();
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/set-language?culture=fr&returnUrl=/search");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await a11y.CheckAsync(page);
        await page.FillAsync("#search-q", word);
        await page.Locator("main form[role=search] button[type=submit]").ClickAsync();

        await Expect(page.Locator("#search-found")).ToHaveTextAsync("2 résultats");
        await Expect(page.Locator("ol.search-results mark").First).ToHaveTextAsync(word);
        await a11y.CheckAsync(page);
        await page.Locator("nav.facets a", new() { HasText = "Société civile" }).ClickAsync();
        await Expect(page.Locator("#search-found")).ToHaveTextAsync("1 résultats");
        await Expect(page.Locator("ol.search-results")).ToContainTextAsync("Les langues locales");
        await Expect(page.Locator("nav.facets a[aria-current=true]", new() { HasText = "Société civile" })).ToBeVisibleAsync();
        await a11y.CheckAsync(page);

        await page.GotoAsync("/set-language?culture=ar&returnUrl=/search");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await page.FillAsync("#search-q", "اداره");
        await page.Locator("main form[role=search] button[type=submit]").ClickAsync();
        await page.Locator("nav.facets a", new() { HasText = "المجتمع المدني" }).ClickAsync();
        var hit = page.Locator("ol.search-results li", new() { HasText = "متعددة اللغات" });
        await Expect(hit.Locator("mark")).ToHaveTextAsync("إِدارةٍ");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await a11y.CheckAsync(page);
        a11y.AssertNoViolations();
    }

    private async Task<Person> StakeholderAsync(string group)
    {
        var person = await app.SignedUpAsync(BrowserFixture.UniqueName("Participant"), BrowserFixture.UniqueEmail(group));
        await app.ApproveAsync(await app.Server.RunAsync<RequestAccreditation, Accreditation>(u => u.HandleAsync(Actor.Of(person),
            new RequestAccreditation.Command { Kind = "stakeholder", StakeholderGroup = group, Motivation = "We take part in the consultations." })));
        return await app.PersonAsync(person.Id);
    }

    private Task<SubmittedContribution> ContributeAsync(Person author, Consultation consultation, string language, string text)
        => app.Server.RunAsync<SubmitContribution, SubmittedContribution>(u => u.HandleAsync(Actor.Of(author), consultation.Id, new()
        {
            Language = language,
            ConsentToCite = false,
            Answers = [new SubmitContribution.AnswerInput { Question = 1, Text = text }],
        }));
}
