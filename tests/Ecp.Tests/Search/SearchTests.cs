using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ecp.Features.Search;
using Ecp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ecp.Tests.Search;

/// <summary>Search through the real pipeline: per-language analysis, what never reaches the index,
/// rebuilding, two nodes. Each test searches within its own consultation; none sleeps: each waits
/// for the index to reach the record's last entry.</summary>
public sealed class SearchTests(EcpFactory factory) : IClassFixture<EcpFactory>
{
    [Fact]
    public async Task ArabicQuery_WithOrWithoutDiacriticsAndAlefVariants_FindsTheSameContribution()
    {
        var (consultation, _) = await PublishAsync("ar", "نناقش أمن المعلومات في المؤتمر الدولي");
        foreach (var q in new[] { "المؤتمر", "المُؤْتَمَرُ", "المـؤتمر", "امن", "أمن", "إمن" })
        {
            Assert.Equal(1, await CountAsync(q, consultation));
        }
    }

    [Fact]
    public async Task ChineseTwoCharacterWord_FindsTextWrittenWithoutSpaces()
    {
        var (consultation, _) = await PublishAsync("zh", "互联网治理需要多方利益相关者的参与");
        Assert.Equal(1, await CountAsync("治理", consultation));
    }

    [Fact]
    public async Task RussianInflectedForm_FindsItsLemma()
    {
        var (consultation, _) = await PublishAsync("ru", "Мы обсуждаем вопросы безопасности сетей");
        Assert.Equal(1, await CountAsync("безопасность", consultation));
    }

    [Fact]
    public async Task FrenchQuery_FromAnEnglishPage_FindsFrenchText_WithMarkedSnippet()
    {
        var (consultation, _) = await PublishAsync("fr", "Les gouvernements coopèrent <b>ensemble</b>");
        await factory.Services.GetRequiredService<SearchProjection>().WaitForRecordAsync();
        var found = await factory.CreatePublicClient().GetJsonAsync($"/api/v1/search?q=gouvernement&consultation={consultation}&culture=en");
        var snippet = (string)found["items"]![0]!["snippet"]!;
        Assert.Contains("<mark>", snippet);
        Assert.Contains("&lt;b&gt;", snippet);
        Assert.DoesNotContain("<b>", snippet);
    }

    [Fact]
    public async Task HiddenAndWithdrawnContributions_AreNotFound_AndOneHiddenAfterIndexingDisappears()
    {
        var (consultation, id) = await PublishAsync("en", "Spammy wombat advertisement");
        Assert.Equal(1, await CountAsync("wombat", consultation));
        var secretariat = await factory.People.SecretariatAsync();
        await (await secretariat.Api.PostJsonAsync($"/api/v1/contributions/{id}/hide", new { reason = "spam" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, await CountAsync("wombat", consultation));

        var author = await factory.People.StakeholderAsync();
        var created = await (await author.Api.PostJsonAsync($"/api/v1/consultations/{consultation}/contributions", Answers("en", true, "A platypus view"))).ExpectAsync(HttpStatusCode.Created);
        await (await author.Api.PostAsync($"/api/v1/contributions/{(string)created["id"]!}/withdraw", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, await CountAsync("platypus", consultation));
    }

    [Fact]
    public async Task NonConsentingContributorsName_FindsNothing()
    {
        var secretariat = await factory.People.SecretariatAsync();
        var consultation = await OpenAsync(secretariat);
        var hiddenName = "Quillon" + Guid.NewGuid().ToString("N")[..8];
        var namedName = "Vardis" + Guid.NewGuid().ToString("N")[..8];
        var hidden = await factory.People.StakeholderAsync(displayName: hiddenName);
        var named = await factory.People.StakeholderAsync(displayName: namedName);
        await (await hidden.Api.PostJsonAsync($"/api/v1/consultations/{consultation}/contributions", Answers("en", false, "A private view"))).ExpectAsync(HttpStatusCode.Created);
        await (await named.Api.PostJsonAsync($"/api/v1/consultations/{consultation}/contributions", Answers("en", true, "A named view"))).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(0, await CountAsync(hiddenName, consultation));
        Assert.Equal(1, await CountAsync(namedName, consultation));
    }

    [Fact]
    public async Task IndexDeletedAndRebuilt_GivesTheSameResults()
    {
        var (consultation, _) = await PublishAsync("es", "Los gobiernos cooperan en la gobernanza de internet");
        await factory.Services.GetRequiredService<SearchProjection>().WaitForRecordAsync();
        var before = await factory.CreatePublicClient().GetStringAsync($"/api/v1/search?q=gobierno&consultation={consultation}");
        var projection = factory.Services.GetRequiredService<SearchProjection>();
        await projection.ResetAsync();
        await projection.WaitForRecordAsync();
        var after = await factory.CreatePublicClient().GetStringAsync($"/api/v1/search?q=gobierno&consultation={consultation}");
        Assert.Equal(before, after);
        Assert.Contains("gobiernos", after);
    }

    [Fact]
    public async Task RebuiltIndex_HoldsEachEditedContributionOnce_WithoutTheWithdrawn_AndCountsEachGroupsMatches()
    {
        // A rebuild from nothing adds each entity once without a delete by id, on several threads:
        // an entity the record touches more than once must still be there once, as it is now.
        var word = "okapi" + Guid.NewGuid().ToString("N")[..6];
        var consultation = await OpenAsync(await factory.People.SecretariatAsync());
        var civil = await factory.People.StakeholderAsync();
        var academic = await factory.People.StakeholderAsync(group: "technical-academic");
        var withdrawing = await factory.People.StakeholderAsync();
        async Task<string> Post(TestPerson author, string text)
            => (string)(await (await author.Api.PostJsonAsync($"/api/v1/consultations/{consultation}/contributions", Answers("en", false, text))).ExpectAsync(HttpStatusCode.Created))["id"]!;
        await Post(civil, $"The first view of {word}");
        var edited = await Post(academic, $"A draft about {word}");
        await (await academic.Api.PutAsJsonAsync($"/api/v1/contributions/{edited}", Answers("en", false, $"The edited view: {word} matters"))).ExpectAsync(HttpStatusCode.OK);
        var withdrawn = await Post(withdrawing, $"A withdrawn {word}");
        await (await withdrawing.Api.PostAsync($"/api/v1/contributions/{withdrawn}/withdraw", null)).ExpectAsync(HttpStatusCode.OK);
        var projection = factory.Services.GetRequiredService<SearchProjection>();
        await projection.ResetAsync();
        await projection.WaitForRecordAsync();

        var found = await factory.CreatePublicClient().GetJsonAsync($"/api/v1/search?q={word}&consultation={consultation}");
        Assert.Equal(2, (int)found["total"]!);
        Assert.Equal(2, found["items"]!.AsArray().Count);
        Assert.Equal(1, (int)found["facets"]!["group"]!["civil-society"]!);
        Assert.Equal(1, (int)found["facets"]!["group"]!["technical-academic"]!);
        Assert.Equal(2, (int)found["facets"]!["consultation"]![consultation]!);
        var snippets = found["items"]!.AsArray().Select(i => (string)i!["snippet"]!).ToList();
        Assert.All(snippets, s => Assert.Contains($"<mark>{word}</mark>", s));
        Assert.Single(snippets, s => s.Contains("edited", StringComparison.Ordinal));
        Assert.DoesNotContain(snippets, s => s.Contains("draft", StringComparison.Ordinal) || s.Contains("withdrawn", StringComparison.Ordinal));

        // Snippets come from the offsets the index keeps: a prefix is marked where it matched.
        var prefixed = await factory.CreatePublicClient().GetJsonAsync($"/api/v1/search?q={word[..8]}*&consultation={consultation}");
        Assert.Equal(2, (int)prefixed["total"]!);
        Assert.All(prefixed["items"]!.AsArray(), i => Assert.Contains($"<mark>{word}</mark>", (string)i!["snippet"]!));
    }

    [Theory]
    [InlineData("(access", "fr")]
    [InlineData("\"unclosed", "ar")]
    public async Task MalformedQuery_IsALocalized400(string q, string culture)
    {
        var response = await factory.CreatePublicClient().GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}&culture={culture}");
        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(Localized("Search.Malformed", culture), problem.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public async Task TwoNodes_EachFindsWhatWasPublishedThroughTheOther()
    {
        await using var other = factory.SharingDatabase();
        await other.InitializeAsync();
        var (consultation, _) = await PublishAsync("en", "Published through node A: aardvark");
        var otherProjection = other.Services.GetRequiredService<SearchProjection>();
        await otherProjection.WaitForRecordAsync();
        var found = await other.CreatePublicClient().GetJsonAsync($"/api/v1/search?q=aardvark&consultation={consultation}");
        Assert.Equal(1, (int)found["total"]!);

        var author = await other.People.StakeholderAsync();
        await (await author.Api.PostJsonAsync($"/api/v1/consultations/{consultation}/contributions", Answers("en", true, "Published through node B: okapi"))).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(1, await CountAsync("okapi", consultation));
    }

    [Fact]
    public async Task SearchPage_InArabic_ShowsMarkedMatchesAndGroupCounts_AndAMalformedQueryMessage()
    {
        var (consultation, _) = await PublishAsync("ar", "نناقش حوكمة الإنترنت");
        await factory.Services.GetRequiredService<SearchProjection>().WaitForRecordAsync();
        var client = factory.CreatePublicClient();
        var page = await client.GetPageAsync("/search?q=%D8%AD%D9%88%D9%83%D9%85%D8%A9&culture=ar");
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.NotEmpty(page.QuerySelectorAll(".search-results mark"));
        Assert.NotEmpty(page.QuerySelectorAll(".facets a[href*='group=']"));
        var malformed = await client.GetPageAsync("/search?q=%28access&culture=fr");
        Assert.Contains(Localized("Search.Malformed", "fr"), malformed.QuerySelector("[role=alert]")!.TextContent);
        _ = consultation;
    }

    [Fact]
    public async Task Organization_IsFoundByItsName_UnderItsKind()
    {
        var name = "Tessaract" + Guid.NewGuid().ToString("N")[..8];
        await factory.People.OrganizationAsync(name: $"{name} Foundation");
        await factory.Services.GetRequiredService<SearchProjection>().WaitForRecordAsync();
        var found = await factory.CreatePublicClient().GetJsonAsync($"/api/v1/search?q={name}&kind=organization");
        Assert.Equal(1, (int)found["total"]!);
        Assert.Equal(1, (int)found["facets"]!["kind"]!["organization"]!);
    }

    private static string Localized(string key, string culture)
    {
        var manager = new System.Resources.ResourceManager("Ecp.Resources.SharedResource", typeof(Ecp.Resources.SharedResource).Assembly);
        return manager.GetString(key, new System.Globalization.CultureInfo(culture))!;
    }

    private async Task<int> CountAsync(string q, string consultation)
    {
        await factory.Services.GetRequiredService<SearchProjection>().WaitForRecordAsync();
        var found = await factory.CreatePublicClient().GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}&consultation={consultation}");
        return (int)found["total"]!;
    }

    private async Task<(string Consultation, string Contribution)> PublishAsync(string language, string text)
    {
        var secretariat = await factory.People.SecretariatAsync();
        var consultation = await OpenAsync(secretariat);
        var author = await factory.People.StakeholderAsync();
        var created = await (await author.Api.PostJsonAsync($"/api/v1/consultations/{consultation}/contributions", Answers(language, true, text))).ExpectAsync(HttpStatusCode.Created);
        return (consultation, (string)created["id"]!);
    }

    private static async Task<string> OpenAsync(TestPerson secretariat)
    {
        var body = await (await secretariat.Api.PostJsonAsync("/api/v1/bodies", Drafting.BodyRequest())).ExpectAsync(HttpStatusCode.Created);
        var created = await (await secretariat.Api.PostJsonAsync("/api/v1/consultations", new
        {
            bodyId = (string)body["id"]!, topic = "Search", description = "Searched.",
            eligibility = "all-stakeholders", opensAt = DateTimeOffset.UtcNow.AddMinutes(-1), closesAt = DateTimeOffset.UtcNow.AddDays(5),
            questions = new object[] { "What matters most?" },
        })).ExpectAsync(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        await (await secretariat.Api.PostAsync($"/api/v1/consultations/{id}/open", null)).ExpectAsync(HttpStatusCode.OK);
        return id;
    }

    private static object Answers(string language, bool consent, string text) => new
    {
        language,
        consentToCite = consent,
        answers = new object[] { new { question = 1, text } },
    };
}
