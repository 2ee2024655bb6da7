using Ecp.BrowserTests.Infrastructure;
using Ecp.Common;
using Ecp.Features.Campaigns;
using Ecp.Features.Consultations;
using Ecp.Features.Registry;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Ecp.BrowserTests;

/// <summary>A consultation's page shows its unique texts and its campaigns side by side, in English
/// and in Arabic (right to left), accessible: three copies of one text (one shouted, one signed)
/// beside a text of its own.</summary>
public sealed class CampaignsJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Template = "Keep the Internet open and governed by all stakeholders on an equal footing; protect net neutrality.";

    [Fact]
    public async Task ConsultationPage_ShowsUniqueTextsAndCampaigns_InEnglishAndArabic()
    {
        var body = await app.EstablishBodyAsync(BrowserFixture.UniqueName("Council Working Group on Internet"), "CWG-Internet");
        var consultation = await app.Server.RunAsync<DraftConsultation, Consultation>(u => u.HandleAsync(Actor.Of(app.Secretariat), new()
        {
            BodyId = body.Id,
            Topic = BrowserFixture.UniqueName("Net neutrality"),
            Description = "Should traffic be treated equally?",
            Questions = ["What should be done?"],
            Eligibility = "all-stakeholders",
            OpensAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            ClosesAt = DateTimeOffset.UtcNow.AddDays(7),
        }));
        await app.Server.RunAsync<OpenConsultation, Consultation>(u => u.HandleAsync(Actor.Of(app.Secretariat), consultation.Id));
        foreach (var text in new[] { Template, Template.ToUpperInvariant(), Template + "\nSincerely, Ama, Accra", "Fund remote participation so that small delegations can take part." })
        {
            var person = await app.SignedUpAsync(BrowserFixture.UniqueName("Participant"), BrowserFixture.UniqueEmail("campaign"));
            await app.ApproveAsync(await app.Server.RunAsync<RequestAccreditation, Accreditation>(u => u.HandleAsync(Actor.Of(person),
                new RequestAccreditation.Command { Kind = "stakeholder", StakeholderGroup = "civil-society", Motivation = "We answer consultations." })));
            var author = await app.PersonAsync(person.Id);
            await app.Server.RunAsync<SubmitContribution, SubmittedContribution>(u => u.HandleAsync(Actor.Of(author), consultation.Id, new()
            {
                Language = "en", ConsentToCite = false, Answers = [new SubmitContribution.AnswerInput { Question = 1, Text = text }],
            }));
        }
        await app.Server.Services.GetRequiredService<CampaignProjection>().RunOnceAsync();

        var a11y = new AccessibilityLog();
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/consultations/{consultation.Id}");
        var section = page.Locator("section.campaigns");
        await Expect(section.Locator("h2")).ToHaveTextAsync("Unique texts and campaigns");
        await Expect(section.Locator("tbody td").Nth(0)).ToHaveTextAsync("1");
        await Expect(section.Locator("tbody td").Nth(1)).ToHaveTextAsync("3");
        await Expect(section.Locator("article.campaign h3")).ToHaveTextAsync("Campaign of 3 contributions");
        await Expect(section.Locator("article.campaign blockquote")).ToHaveTextAsync(Template);
        await a11y.CheckAsync(page);

        await page.GotoAsync($"/set-language?culture=ar&returnUrl=/consultations/{consultation.Id}");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(section.Locator("h2")).ToHaveTextAsync("النصوص الفريدة والحملات");
        await Expect(section.Locator("article.campaign h3")).ToHaveTextAsync("حملة من 3 مساهمة");
        await a11y.CheckAsync(page);
        a11y.AssertNoViolations();
    }
}
