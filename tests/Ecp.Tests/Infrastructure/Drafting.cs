using System.Net;
using System.Text.Json.Nodes;

namespace Ecp.Tests.Infrastructure;

/// <summary>
/// Makes bodies, draft documents, amendments and decisions over the API for one test, each with
/// a unique name or symbol. One secretariat member per factory (the Chair) makes the targets, so
/// a test about who may do what is not muddied by who made the target.
/// </summary>
public sealed class Drafting(EcpFactory app)
{
    // Symbols must be unique in a database; a process-wide counter keeps them so across test classes.
    private static int symbolCounter = Random.Shared.Next(10_000, 1_000_000);

    private readonly SemaphoreSlim chairLock = new(1, 1);
    private TestPerson? chair;

    /// <summary>"A/RES/99/123456": a valid UN symbol no other test uses.</summary>
    public static string UniqueSymbol() => $"A/RES/99/{Interlocked.Increment(ref symbolCounter)}";

    public static object Operative(string text, int level = 0, params string[] cites) => new { kind = "operative", level, text, cites };

    public static object Preambular(string text, int level = 0) => new { kind = "preambular", level, text };

    /// <summary>A paragraph of a reference text, with its own number (the Tunis Agenda's ¶69).</summary>
    public static object Numbered(string number, string text) => new { kind = "operative", level = 0, text, number };

    public async Task<TestPerson> ChairAsync()
    {
        await chairLock.WaitAsync();
        try
        {
            return chair ??= await app.People.SecretariatAsync();
        }
        finally
        {
            chairLock.Release();
        }
    }

    /// <summary>A body deciding by consensus: every Member State, or the listed ones.</summary>
    public async Task<Guid> BodyAsync(params string[] listedMembers)
    {
        var chairClient = (await ChairAsync()).Api;
        var body = await (await chairClient.PostJsonAsync("/api/v1/bodies", BodyRequest(listedMembers))).ExpectAsync(HttpStatusCode.Created);
        return Id(body);
    }

    public static object BodyRequest(params string[] listedMembers) => new
    {
        name = $"Working Group {Guid.NewGuid():N}",
        acronym = "WG",
        mandateReference = "A/RES/67/195 ¶20",
        membershipRule = listedMembers.Length == 0 ? "all-member-states" : "listed-member-states",
        members = listedMembers,
        observerRule = "Open consultation to all stakeholders.",
        seatsPerNonGovernmentGroup = 5,
    };

    public static object DocumentRequest(Guid? bodyId, IEnumerable<object> paragraphs, string? symbol = null, string kind = "opinion", string title = "On supporting operationalizing the enhanced cooperation process") => new
    {
        kind,
        title,
        symbol = symbol ?? UniqueSymbol(),
        bodyId,
        mandateReferences = "A/RES/70/125 ¶65",
        language = "en",
        versionLabel = "first draft",
        paragraphs,
    };

    /// <summary>A draft under negotiation before a body of every Member State, with operative paragraphs.</summary>
    public async Task<JsonNode> DocumentAsync(params string[] operative)
        => await DocumentAsync(await BodyAsync(), operative.Length == 0
            ? [Operative("invites Member States to share experience;"), Operative("invites all stakeholders to cooperate.")]
            : operative.Select(t => Operative(t)));

    public async Task<JsonNode> DocumentAsync(Guid? bodyId, IEnumerable<object> paragraphs, string? symbol = null, string kind = "opinion")
    {
        var chairClient = (await ChairAsync()).Api;
        return await (await chairClient.PostJsonAsync("/api/v1/documents", DocumentRequest(bodyId, paragraphs, symbol, kind))).ExpectAsync(HttpStatusCode.Created);
    }

    /// <summary>An amendment, still proposed, to paragraph 1 of the document's current version.</summary>
    public async Task<JsonNode> AmendmentAsync(Guid documentId, TestPerson? proponent = null)
    {
        proponent ??= await app.People.StakeholderAsync();
        return await (await proponent.Api.PostJsonAsync($"/api/v1/documents/{documentId}/amendments",
                new { paragraph = "1", action = "replace", text = $"A new text {Guid.NewGuid():N}.", explanation = "Clearer." }))
            .ExpectAsync(HttpStatusCode.Created);
    }

    /// <summary>An open decision on a fresh draft before a body of every Member State.</summary>
    public async Task<JsonNode> DecisionAsync() => await DecisionAsync(Id(await DocumentAsync()));

    public async Task<JsonNode> DecisionAsync(Guid documentId)
    {
        var chairClient = (await ChairAsync()).Api;
        return await (await chairClient.PostJsonAsync("/api/v1/decisions", new { documentId })).ExpectAsync(HttpStatusCode.Created);
    }

    /// <summary>A fresh document adopted by consensus (its first version) before a body of every Member State.</summary>
    public async Task<JsonNode> AdoptedDocumentAsync(params string[] operative)
    {
        var document = await DocumentAsync(operative);
        var decision = await DecisionAsync(Id(document));
        var chairClient = (await ChairAsync()).Api;
        await (await chairClient.PostJsonAsync($"/api/v1/decisions/{Id(decision)}/close", new { outcome = "adopted-by-consensus" })).ExpectAsync(HttpStatusCode.OK);
        return document;
    }

    public static Guid Id(JsonNode node) => Guid.Parse((string)node["id"]!);
}
