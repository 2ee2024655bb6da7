using System.Net;
using System.Net.Http.Json;
using Ecp.Features.Campaigns;
using Ecp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ecp.Tests.Campaigns;

/// <summary>Campaign detection through the real pipeline: contributions submitted over the API are
/// grouped by the projection of the record; the JSON and the CSV contract show unique texts and
/// campaigns; a contribution hidden by moderation stays counted in its campaign; an edit regroups;
/// a rebuild from nothing gives the same groups.</summary>
public sealed class CampaignsApiTests(EcpFactory factory) : IClassFixture<EcpFactory>
{
    private const string Template = "We urge the Working Group to keep the Internet open, free and governed by all stakeholders on an equal footing. Please protect net neutrality.";

    [Fact]
    public async Task Campaign_OfNearCopies_BesideUniqueTexts_InJsonAndCsv_HiddenOneStillCounted_EditRegroups_RebuildTheSame()
    {
        var secretariat = await factory.People.SecretariatAsync();
        var consultation = await OpenAsync(secretariat);
        var texts = new[]
        {
            Template,
            Template.ToUpperInvariant() + "!!",
            Template + "\n\nSincerely, Jordan Avery, Lagos",
            "Multilingual content matters more than any other question: fund translation of the Tunis Agenda follow-up.",
            "Small island states need capacity building before they can take part; remote participation should be free.",
        };
        var groups = new[] { "civil-society", "civil-society", "private-sector", "technical-academic", "civil-society" };
        var ids = new List<string>();
        var authors = new List<TestPerson>();
        for (var i = 0; i < texts.Length; i++)
        {
            var author = await factory.People.StakeholderAsync(group: groups[i]);
            authors.Add(author);
            var created = await (await author.Api.PostJsonAsync($"/api/v1/consultations/{consultation}/contributions", Answers(texts[i]))).ExpectAsync(HttpStatusCode.Created);
            ids.Add((string)created["id"]!);
        }
        await (await secretariat.Api.PostJsonAsync($"/api/v1/contributions/{ids[1]}/hide", new { reason = "spam" })).ExpectAsync(HttpStatusCode.OK);
        var projection = factory.Services.GetRequiredService<CampaignProjection>();
        await projection.RunOnceAsync();

        var view = await factory.CreatePublicClient().GetJsonAsync($"/api/v1/consultations/{consultation}/campaigns");
        Assert.Equal((5, 2, 1, 3), ((int)view["contributions"]!, (int)view["uniqueTexts"]!, (int)view["campaigns"]!, (int)view["inCampaigns"]!));
        var campaign = Assert.Single(view["items"]!.AsArray())!;
        Assert.Equal((ids[0], 3, 2, Template), ((string)campaign["id"]!, (int)campaign["size"]!, (int)campaign["variants"]!, (string)campaign["representative"]!));
        Assert.Equal([("civil-society", 2), ("private-sector", 1)],
            campaign["stakeholderGroups"]!.AsArray().Select(g => ((string)g!["stakeholderGroup"]!, (int)g["count"]!)));

        var csv = await CsvAsync(consultation);
        Assert.Equal("contribution,client_key,group", csv[0]);
        Assert.Equal(ids.Select((id, i) => i < 3 ? $"{id},,{ids[0]}" : $"{id},,"), csv.Skip(1));

        // The signed copy becomes a text of its own: the campaign has two left, the hidden one among them.
        await (await authors[2].Api.PutAsJsonAsync($"/api/v1/contributions/{ids[2]}", Answers("Private investment in infrastructure needs predictable rules, not more forums."))).ExpectAsync(HttpStatusCode.OK);
        await projection.RunOnceAsync();
        var edited = await factory.CreatePublicClient().GetJsonAsync($"/api/v1/consultations/{consultation}/campaigns");
        Assert.Equal((3, 2), ((int)edited["uniqueTexts"]!, (int)edited["items"]![0]!["size"]!));

        var before = await CsvAsync(consultation);
        await projection.ResetAsync();
        await projection.RunOnceAsync();
        Assert.Equal(before, await CsvAsync(consultation));
    }

    [Fact]
    public async Task UnknownConsultation_404_AndABadCursor_ALocalized400()
    {
        var missing = await factory.CreatePublicClient().GetAsync($"/api/v1/consultations/{Guid.NewGuid()}/campaigns.csv");
        await missing.ExpectProblemAsync(HttpStatusCode.NotFound);
        var secretariat = await factory.People.SecretariatAsync();
        var consultation = await OpenAsync(secretariat);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/consultations/{consultation}/campaigns?cursor=nonsense");
        request.Headers.AcceptLanguage.ParseAdd("fr");
        var problem = await (await factory.CreatePublicClient().SendAsync(request)).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("première page", problem["errors"]!["cursor"]![0]!.GetValue<string>());
    }

    private async Task<string[]> CsvAsync(string consultation)
    {
        var response = await factory.CreatePublicClient().GetAsync($"/api/v1/consultations/{consultation}/campaigns.csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static async Task<string> OpenAsync(TestPerson secretariat)
    {
        var body = await (await secretariat.Api.PostJsonAsync("/api/v1/bodies", Drafting.BodyRequest())).ExpectAsync(HttpStatusCode.Created);
        var created = await (await secretariat.Api.PostJsonAsync("/api/v1/consultations", new
        {
            bodyId = (string)body["id"]!, topic = "Campaigns", description = "Views.",
            eligibility = "all-stakeholders", opensAt = DateTimeOffset.UtcNow.AddMinutes(-1), closesAt = DateTimeOffset.UtcNow.AddDays(5),
            questions = new object[] { "What matters most?" },
        })).ExpectAsync(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        await (await secretariat.Api.PostAsync($"/api/v1/consultations/{id}/open", null)).ExpectAsync(HttpStatusCode.OK);
        return id;
    }

    private static object Answers(string text) => new { language = "en", consentToCite = false, answers = new object[] { new { question = 1, text } } };
}
