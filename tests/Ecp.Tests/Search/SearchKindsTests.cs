using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ecp.Features.Search;
using Ecp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ecp.Tests.Search;

/// <summary>The rest of what the one search box finds, each kind one source class: outcome documents
/// and each paragraph of their current version (in every language version), consultations once
/// opened and their syntheses, people who consented to be named, and the entries of the record
/// (never with a person's name).</summary>
public sealed class SearchKindsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly EcpFactory factory = new();

    public async Task InitializeAsync()
    {
        factory.Clock = clock;
        await factory.InitializeAsync();
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private async Task<JsonNode> SearchAsync(string query)
    {
        await factory.Services.GetRequiredService<SearchProjection>().WaitForRecordAsync();
        return await factory.CreatePublicClient().GetJsonAsync($"/api/v1/search?{query}");
    }

    private static List<(string Kind, string Url)> Hits(JsonNode found)
        => found["items"]!.AsArray().Select(i => ((string)i!["kind"]!, (string)i["url"]!)).ToList();

    private static string Word(string stem) => stem + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task Paragraph_OfTheCurrentVersion_FoundAtItsAnchor_ItsFrenchVersionInFrench_TheDocumentByItsSymbol()
    {
        var drafting = new Drafting(factory);
        var first = Word("zelkova");
        var document = await drafting.DocumentAsync(await drafting.BodyAsync(),
            [Drafting.Preambular("Recalling the Tunis Agenda,"), Drafting.Operative($"invites Member States to share {first} experience;")]);
        var id = Drafting.Id(document);
        var symbol = (string)document["symbol"]!;

        // The paragraph, and the record entry of the draft that carries its text.
        var kinds = (await SearchAsync($"q={first}"))["facets"]!["kind"]!.AsObject();
        Assert.Equal([("paragraph", 1), ("record", 1)], kinds.Select(k => (k.Key, (int)k.Value!)).OrderBy(k => k.Key));
        var found = await SearchAsync($"q={first}&kind=paragraph");
        Assert.Equal([("paragraph", $"/documents/{id}#p-1")], Hits(found));
        Assert.Equal($"{symbol} ¶1", (string)found["items"]![0]!["title"]!);
        Assert.Contains(("document", $"/documents/{id}"), Hits(await SearchAsync($"q={Uri.EscapeDataString($"\"{symbol}\"")}&kind=document")));

        var chair = await drafting.ChairAsync();
        var french = Word("mélèze");
        await (await chair.Api.PostJsonAsync($"/api/v1/documents/{id}/versions/1/languages",
            new { language = "fr", paragraphs = new[] { "Rappelant l’Agenda de Tunis,", $"invite les États Membres à partager leurs expériences {french} ;" } }))
            .ExpectAsync(HttpStatusCode.Created);
        var inFrench = Assert.Single((await SearchAsync($"q={Uri.EscapeDataString(french)}&kind=paragraph"))["items"]!.AsArray())!;
        Assert.Equal(($"/documents/{id}?language=fr#p-1", "fr"), ((string)inFrench["url"]!, (string)inFrench["language"]!));
        // The French stemmer finds "expérience" for "expériences", only in the French text.
        Assert.Contains(($"paragraph", $"/documents/{id}?language=fr#p-1"), Hits(await SearchAsync("q=exp%C3%A9rience&kind=paragraph&language=fr")));
    }

    [Fact]
    public async Task Consultation_FoundOnceOpened_NotAsADraft_AndItsSynthesisOnceClosedAndPublished()
    {
        var secretariat = await factory.People.SecretariatAsync();
        var body = await (await secretariat.Api.PostJsonAsync("/api/v1/bodies", Drafting.BodyRequest())).ExpectAsync(HttpStatusCode.Created);
        var topic = Word("Quillwort");
        var created = await (await secretariat.Api.PostJsonAsync("/api/v1/consultations", new
        {
            bodyId = (string)body["id"]!, topic, description = "Views on the scope of paragraph 69.",
            eligibility = "all-stakeholders", opensAt = clock.GetUtcNow().AddMinutes(-1), closesAt = clock.GetUtcNow().AddDays(5),
            questions = new object[] { "What matters most?" },
        })).ExpectAsync(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        Assert.DoesNotContain(Hits(await SearchAsync($"q={topic}")), h => h.Kind is "consultation" or "synthesis");

        await (await secretariat.Api.PostAsync($"/api/v1/consultations/{id}/open", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(("consultation", $"/consultations/{id}"), Hits(await SearchAsync($"q={topic}&kind=consultation")));

        var author = await factory.People.StakeholderAsync();
        await (await author.Api.PostJsonAsync($"/api/v1/consultations/{id}/contributions", new
        {
            language = "en", consentToCite = true, answers = new object[] { new { question = 1, text = "Access matters most." } },
        })).ExpectAsync(HttpStatusCode.Created);
        clock.Advance(TimeSpan.FromDays(6));
        var summary = Word("hornbeam");
        await (await secretariat.Api.PostJsonAsync($"/api/v1/consultations/{id}/synthesis", new { markdown = $"Civil society stressed {summary} access [C-1]." }))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([("synthesis", $"/consultations/{id}#synthesis")], Hits(await SearchAsync($"q={summary}&kind=synthesis")));
    }

    [Fact]
    public async Task Person_FoundOnlyWhileConsentingToBeNamed_TheChoiceOnTheRecordWithoutTheName()
    {
        var name = Word("Ottoline");
        var person = await factory.People.StakeholderAsync(displayName: name);
        Assert.Equal(0, (int)(await SearchAsync($"q={name}"))["total"]!);

        await (await person.Api.PutAsJsonAsync("/api/v1/me/naming", new { consent = true })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([("person", $"/people/{person.Id}")], Hits(await SearchAsync($"q={name}")));

        await (await person.Api.PutAsJsonAsync("/api/v1/me/naming", new { consent = false })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, (int)(await SearchAsync($"q={name}"))["total"]!);

        var entries = await factory.CreatePublicClient().GetJsonAsync($"/api/v1/record?entity=person&entityId={person.Id}");
        var chosen = entries["entries"]!.AsArray().Where(e => (string)e!["action"]! == "person.naming-chosen").ToList();
        Assert.Equal(2, chosen.Count);
        Assert.All(chosen, e => Assert.DoesNotContain(name, e!["payload"]!.ToJsonString()));
    }

    [Fact]
    public async Task FormOfOneLanguagesAnalysis_DoesNotMatchTextsOfAnother()
    {
        var secretariat = await factory.People.SecretariatAsync();
        var body = await (await secretariat.Api.PostJsonAsync("/api/v1/bodies", Drafting.BodyRequest())).ExpectAsync(HttpStatusCode.Created);
        var created = await (await secretariat.Api.PostJsonAsync("/api/v1/consultations", new
        {
            bodyId = (string)body["id"]!, topic = "Languages", description = "Views.",
            eligibility = "all-stakeholders", opensAt = clock.GetUtcNow().AddMinutes(-1), closesAt = clock.GetUtcNow().AddDays(5),
            questions = new object[] { "What matters most?" },
        })).ExpectAsync(HttpStatusCode.Created);
        var consultation = (string)created["id"]!;
        await (await secretariat.Api.PostAsync($"/api/v1/consultations/{consultation}/open", null)).ExpectAsync(HttpStatusCode.OK);
        foreach (var (language, text) in new[] { ("zh", "互联网治理需要所有利益攸关方参与"), ("en", "E-commerce and data flows need d 9 rules") })
        {
            var author = await factory.People.StakeholderAsync();
            await (await author.Api.PostJsonAsync($"/api/v1/consultations/{consultation}/contributions", new
            {
                language, consentToCite = false, answers = new object[] { new { question = 1, text } },
            })).ExpectAsync(HttpStatusCode.Created);
        }
        // SmartCn cuts a Latin word with digits into pieces ("e", "9", "d"); those pieces must not find English words.
        Assert.Equal(0, (int)(await SearchAsync($"q=zzyzx9e2d1&consultation={consultation}"))["total"]!);
        Assert.Equal(1, (int)(await SearchAsync($"q=commerce&consultation={consultation}"))["total"]!);
    }

    [Fact]
    public async Task Meeting_FoundByItsTitleAndAgenda_UnderItsKind()
    {
        var secretariat = await factory.People.SecretariatAsync();
        var body = await (await secretariat.Api.PostJsonAsync("/api/v1/bodies", Drafting.BodyRequest())).ExpectAsync(HttpStatusCode.Created);
        var item = Word("Vexillology");
        var meeting = await (await secretariat.Api.PostJsonAsync("/api/v1/meetings", Ecp.Tests.Meetings.Scheduling.Request(Drafting.Id(body), "open-to-all-stakeholders",
            agenda: [new { title = "Adoption of the agenda" }, new { title = $"{item} of the Internet" }]))).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal([("meeting", $"/meetings/{meeting["id"]}")], Hits(await SearchAsync($"q={item}&kind=meeting")));
    }

    [Fact]
    public async Task RecordEntry_FoundByTheWordsOfItsPayload_LinkedToTheRecord_NeverByAPersonsName()
    {
        var secretariat = await factory.People.SecretariatAsync();
        var bodyName = Word("Sedgemoor");
        var request = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Drafting.BodyRequest()))!.AsObject();
        request["name"] = $"Working Group {bodyName}";
        await (await secretariat.Api.PostJsonAsync("/api/v1/bodies", request)).ExpectAsync(HttpStatusCode.Created);
        var hit = Assert.Single((await SearchAsync($"q={bodyName}&kind=record"))["items"]!.AsArray())!;
        Assert.StartsWith("/record?before=", (string)hit["url"]!);
        Assert.Contains("body.established", (string)hit["title"]!);

        // A person's name is on the record (person.registered, accreditation.approved) but never found through it.
        var name = Word("Pellucid");
        await factory.People.StakeholderAsync(displayName: name);
        Assert.Equal(0, (int)(await SearchAsync($"q={name}"))["total"]!);
    }
}
