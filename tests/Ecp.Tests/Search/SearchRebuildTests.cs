using System.Net;
using System.Net.Http.Json;
using Ecp.Features.Search;
using Ecp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ecp.Tests.Search;

/// <summary>An index rebuilt from nothing (each entity added once without a delete by id, on
/// several threads): an entity the record touches more than once is there once and as it is now,
/// facet counts are the matches per value, snippets are cut at the offsets the index keeps.</summary>
public sealed class SearchRebuildTests(EcpFactory factory) : IClassFixture<EcpFactory>
{
    [Fact]
    public async Task RebuiltIndex_HoldsEachEditedContributionOnce_WithoutTheWithdrawn_AndCountsEachGroupsMatches()
    {
        var word = "okapi" + Guid.NewGuid().ToString("N")[..6];
        var consultation = await OpenAsync();
        var civil = await factory.People.StakeholderAsync();
        var academic = await factory.People.StakeholderAsync(group: "technical-academic");
        var withdrawing = await factory.People.StakeholderAsync();
        await PostAsync(civil, consultation, $"The first view of {word}");
        var edited = await PostAsync(academic, consultation, $"A draft about {word}");
        await (await academic.Api.PutAsJsonAsync($"/api/v1/contributions/{edited}", Answers($"The edited view: {word} matters"))).ExpectAsync(HttpStatusCode.OK);
        var withdrawn = await PostAsync(withdrawing, consultation, $"A withdrawn {word}");
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

        // A prefix is marked where it matched, though no analyzer ever saw the query's word.
        var prefixed = await factory.CreatePublicClient().GetJsonAsync($"/api/v1/search?q={word[..8]}*&consultation={consultation}");
        Assert.Equal(2, (int)prefixed["total"]!);
        Assert.All(prefixed["items"]!.AsArray(), i => Assert.Contains($"<mark>{word}</mark>", (string)i!["snippet"]!));
    }

    private async Task<string> OpenAsync()
    {
        var secretariat = await factory.People.SecretariatAsync();
        var body = await (await secretariat.Api.PostJsonAsync("/api/v1/bodies", Drafting.BodyRequest())).ExpectAsync(HttpStatusCode.Created);
        var created = await (await secretariat.Api.PostJsonAsync("/api/v1/consultations", new
        {
            bodyId = (string)body["id"]!, topic = "Rebuilt search", description = "Searched after a rebuild.",
            eligibility = "all-stakeholders", opensAt = DateTimeOffset.UtcNow.AddMinutes(-1), closesAt = DateTimeOffset.UtcNow.AddDays(5),
            questions = new object[] { "What matters most?" },
        })).ExpectAsync(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        await (await secretariat.Api.PostAsync($"/api/v1/consultations/{id}/open", null)).ExpectAsync(HttpStatusCode.OK);
        return id;
    }

    private static async Task<string> PostAsync(TestPerson author, string consultation, string text)
        => (string)(await (await author.Api.PostJsonAsync($"/api/v1/consultations/{consultation}/contributions", Answers(text))).ExpectAsync(HttpStatusCode.Created))["id"]!;

    private static object Answers(string text) => new { language = "en", consentToCite = false, answers = new object[] { new { question = 1, text } } };
}
