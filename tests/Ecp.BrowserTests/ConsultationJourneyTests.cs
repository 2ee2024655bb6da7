using System.Text;
using Ecp.BrowserTests.Infrastructure;
using Ecp.Common;
using Ecp.Features.Consultations;
using Ecp.Features.Registry;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ecp.BrowserTests;

/// <summary>
/// A consultation in a real browser: a civil-society stakeholder answers in French with a PDF
/// and finds the contribution under "Civil society"; a delegate's contribution names the Member
/// State; the Arabic page reads right to left; every page on the way is accessible.
/// </summary>
public sealed class ConsultationJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Consultation_CivilSocietyAnswersInFrenchWithPdf_ListedUnderItsGroupAndOnRecord()
    {
        var body = await app.EstablishBodyAsync(BrowserFixture.UniqueName("Council Working Group on Internet"), "CWG-Internet");
        var consultation = await app.Server.RunAsync<DraftConsultation, Consultation>(u => u.HandleAsync(Actor.Of(app.Secretariat), new()
        {
            BodyId = body.Id,
            Topic = BrowserFixture.UniqueName("Multilingualism online"),
            Description = "How can people take part online in their own languages?",
            Questions = ["What are the obstacles?", "What should be done?"],
            Eligibility = "all-stakeholders",
            OpensAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            ClosesAt = DateTimeOffset.UtcNow.AddDays(7),
        }));
        await app.Server.RunAsync<OpenConsultation, Consultation>(u => u.HandleAsync(Actor.Of(app.Secretariat), consultation.Id));

        // A civil-society stakeholder, accredited through the real use cases.
        var email = BrowserFixture.UniqueEmail("civil-society");
        var name = BrowserFixture.UniqueName("Amina");
        var person = await app.SignedUpAsync(name, email);
        var request = await app.Server.RunAsync<RequestAccreditation, Accreditation>(u => u.HandleAsync(Actor.Of(person),
            new RequestAccreditation.Command { Kind = "stakeholder", StakeholderGroup = "civil-society", Motivation = "Our NGO works on digital inclusion." }));
        await app.ApproveAsync(request);
        var delegatePerson = await app.AccreditedDelegateAsync(BrowserFixture.UniqueName("Delegate of Senegal"), "SEN");

        var a11y = new AccessibilityLog();
        await using var context = await app.NewContextAsync(storageState: await app.LoggedInStateAsync(email, BrowserFixture.Password));
        var page = await context.NewPageAsync();
        // The participant chooses French with the language switcher; the choice stays.
        await page.GotoAsync("/set-language?culture=fr&returnUrl=/consultations");
        await a11y.CheckAsync(page);
        await page.Locator($"main a[href='/consultations/{consultation.Id}']").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await a11y.CheckAsync(page);

        var head = await app.Record.HeadAsync();
        await page.FillAsync("textarea[name='Answers[1]']", "Le manque de contenus dans les langues locales.");
        await page.FillAsync("textarea[name='Answers[2]']", "Soutenir les noms de domaine internationalisés.");
        await page.SelectOptionAsync("#Contribute_Language", "fr");
        await page.CheckAsync("#Contribute_ConsentToCite");
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        await page.SetInputFilesAsync("#Attachments", new FilePayload { Name = "contribution.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.Locator("form[action*='handler=Contribute'] button[type=submit]").ClickAsync();

        // Back on the page, under "Société civile", with the PDF as a download.
        await Expect(page.Locator("[role=status]")).ToBeVisibleAsync();
        var group = page.Locator("#group-civil-society");
        await Expect(group).ToContainTextAsync("Société civile");
        var contribution = page.Locator("article.contribution", new() { HasText = name });
        await Expect(contribution).ToContainTextAsync("Le manque de contenus");
        await Expect(contribution.Locator("a[download='contribution.pdf']")).ToBeVisibleAsync();
        await a11y.CheckAsync(page);
        var entry = await app.Record.NewEntryAsync(head, "contribution.submitted", e => (string?)e["payload"]!["consultationId"] == consultation.Id.ToString());
        Assert.Equal("civil-society", (string?)entry["actorGroup"]);
        Assert.Equal("application/pdf", (string?)entry["payload"]!["attachments"]![0]!["mediaType"]);

        // A delegate's contribution shows the Member State.
        await app.Server.RunAsync<SubmitContribution, SubmittedContribution>(u => u.HandleAsync(Actor.Of(delegatePerson.Person), consultation.Id, new()
        {
            Language = "en",
            ConsentToCite = true,
            Answers = [new SubmitContribution.AnswerInput { Question = 1, Text = "Senegal supports multilingual domain names." }],
        }));
        await page.GotoAsync($"/consultations/{consultation.Id}?culture=en");
        var fromDelegate = page.Locator("article.contribution", new() { HasText = "Senegal supports" });
        await Expect(fromDelegate).ToContainTextAsync("Senegal");
        await Expect(fromDelegate).ToContainTextAsync("Government");

        // The Arabic page reads right to left.
        await page.GotoAsync($"/consultations/{consultation.Id}?culture=ar");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await a11y.CheckAsync(page);

        Assert.True((bool)(await app.Record.VerifyAsync())["isValid"]!);
        a11y.AssertNoViolations();
    }
}
