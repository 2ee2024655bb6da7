using System.Net;
using AngleSharp.Dom;
using Ecp.Tests.Infrastructure;
using static Ecp.Tests.Infrastructure.Drafting;

namespace Ecp.Tests.Text;

/// <summary>
/// What users wrote is shown isolated on every page it appears on: inside a &lt;bdi&gt;, inside an
/// element with its own dir (the paragraphs of a language version, a dir="auto" field), or between
/// U+2068 and U+2069 where markup is impossible; so an Arabic name in an English list, or an
/// English topic on an Arabic page, keeps the punctuation around it in place.
/// </summary>
public sealed class UserTextIsolationTests(EcpFactory app) : IClassFixture<EcpFactory>
{
    /// <summary>Every user text of the scenario carries it; right-to-left on purpose.</summary>
    private const string Marker = "ZQX";

    private static string Text(string what) => $"{Marker} {what} مرحبا (QA)";

    [Fact]
    public async Task Pages_EveryUserText_IsolatedInEnglishAndArabic()
    {
        var secretariat = await app.People.SecretariatAsync();
        var author = await app.People.DelegateAsync("BRA", Text("delegate"));
        var organization = await (await secretariat.Api.PostJsonAsync("/api/v1/organizations",
            new { name = Text($"organization {Guid.NewGuid():N}"), acronym = Marker + "A", stakeholderGroup = "civil-society" })).ExpectAsync(HttpStatusCode.Created);
        var body = await (await secretariat.Api.PostJsonAsync("/api/v1/bodies", new
        {
            name = Text($"body {Guid.NewGuid():N}"),
            acronym = Marker + "B",
            mandateReference = "A/RES/67/195 ¶20",
            membershipRule = "all-member-states",
            observerRule = Text("observers"),
        })).ExpectAsync(HttpStatusCode.Created);
        var consultation = await (await secretariat.Api.PostJsonAsync("/api/v1/consultations", new
        {
            bodyId = Id(body),
            topic = Text("topic"),
            description = Text("description"),
            questionDefinitions = new object[]
            {
                new { text = Text("question"), type = "free-text" },
                new { text = Text("choice"), type = "single-choice", options = new[] { Text("yes"), Text("no") } },
            },
            eligibility = "all-stakeholders",
            opensAt = DateTimeOffset.UtcNow,
            closesAt = DateTimeOffset.UtcNow.AddDays(2),
        })).ExpectAsync(HttpStatusCode.Created);
        await (await secretariat.Api.PostAsync($"/api/v1/consultations/{Id(consultation)}/open", null)).ExpectAsync(HttpStatusCode.OK);
        await (await author.Api.PostJsonAsync($"/api/v1/consultations/{Id(consultation)}/contributions", new
        {
            language = "ar",
            consentToCite = true,
            answers = new object[] { new { question = 1, text = Text("answer") }, new { question = 2, choices = new[] { 1 } } },
        })).ExpectAsync(HttpStatusCode.Created);
        var document = await (await secretariat.Api.PostJsonAsync("/api/v1/documents", DocumentRequest(Id(body),
            [Preambular(Text("recalling")), Operative(Text("invites"))], title: Text("title")))).ExpectAsync(HttpStatusCode.Created);
        await (await author.Api.PostJsonAsync($"/api/v1/documents/{Id(document)}/comments", new { paragraph = "1", text = Text("comment") })).ExpectAsync(HttpStatusCode.Created);
        await (await author.Api.PostJsonAsync($"/api/v1/documents/{Id(document)}/amendments",
            new { paragraph = "1", action = "replace", text = Text("amendment"), explanation = Text("explanation") })).ExpectAsync(HttpStatusCode.Created);

        var pages = new[]
        {
            "/", "/organizations", $"/organizations/{Id(organization)}", $"/people/{author.Id}",
            "/consultations", $"/consultations/{Id(consultation)}", $"/consultations/{Id(consultation)}/results",
            "/documents", $"/documents/{Id(document)}", "/record",
        };
        var everyone = app.CreatePublicClient();
        var (signedIn, _) = await app.People.LogInAsync(author);
        foreach (var culture in new[] { "en", "ar" })
        {
            foreach (var url in pages) await AssertIsolatedAsync(everyone, url, culture);
            // What only the author sees: the account page names them, with their token.
            await AssertIsolatedAsync(signedIn, "/account", culture);
            // The delegation's names are shown to its own delegates only (consent: the public sees a count).
            await AssertIsolatedAsync(signedIn, "/member-states/BRA", culture);
        }
    }

    private static async Task AssertIsolatedAsync(HttpClient browser, string url, string culture)
    {
        var page = await browser.GetPageAsync($"{url}?culture={culture}");
        var texts = page.Body!.Descendants<IText>().Where(t => t.Data.Contains(Marker, StringComparison.Ordinal)).ToList();
        Assert.True(texts.Count > 0, $"{url} ({culture}) shows none of the scenario's texts.");
        var bare = texts.Where(t => !IsIsolated(t)).Select(t => t.ParentElement?.OuterHtml).ToList();
        Assert.True(bare.Count == 0, $"{url} ({culture}) shows user text without isolation:\n{string.Join("\n", bare)}");
    }

    [Fact]
    public async Task ConsultationPage_Contribution_CarriesTheLanguageItWasWrittenIn()
    {
        var secretariat = await app.People.SecretariatAsync();
        var author = await app.People.DelegateAsync("BRA");
        var body = await app.Drafting.BodyAsync();
        var consultation = await TextScenario.OpenConsultationAsync(secretariat, body, "Languages");
        await (await author.Api.PostJsonAsync($"/api/v1/consultations/{consultation}/contributions",
            new { language = "fr", consentToCite = true, answers = new[] { new { question = 1, text = "Parce que « le multilinguisme » compte." } } })).ExpectAsync(HttpStatusCode.Created);

        var page = await app.CreatePublicClient().GetPageAsync($"/consultations/{consultation}?culture=ar");

        var answer = page.QuerySelectorAll("article.contribution bdi").Single(b => b.TextContent.Contains("multilinguisme", StringComparison.Ordinal));
        Assert.Equal("fr", answer.Closest("[lang]")!.GetAttribute("lang"));
    }

    private static bool IsIsolated(IText text)
    {
        var at = text.Data.IndexOf(Marker, StringComparison.Ordinal);
        if (text.Data.LastIndexOf('\u2068', at) >= 0) return true;
        for (var e = text.ParentElement; e is not null && e.LocalName != "html"; e = e.ParentElement)
        {
            if (e.LocalName == "bdi" || e.HasAttribute("dir")) return true;
        }
        return false;
    }
}
