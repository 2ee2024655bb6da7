using System.Net;
using System.Text.Json.Nodes;
using Ecp.Tests.Infrastructure;
using static Ecp.Tests.Infrastructure.Drafting;

namespace Ecp.Tests.Drafts;

/// <summary>Drafting an outcome document over the API: versions, amendments, the Chair's decisions,
/// diffs, comments, citations, and the consensus that ends the negotiation.</summary>
public sealed class DraftsApiTests(EcpFactory app) : IClassFixture<EcpFactory>
{
    private const string Paragraph3 = "invites all stakeholders to work together on enhanced cooperation;";
    private const string Paragraph3Amended = "invites all stakeholders, in their respective roles, to work together on enhanced cooperation;";
    private const string Inserted = "calls for annual performance reports to follow a structured template;";

    [Fact]
    public async Task Negotiation_FromFirstDraftToConsensus_EveryStepVisibleAndOnTheRecord()
    {
        var chair = await app.People.SecretariatAsync();
        var brazil = await app.People.DelegateAsync("BRA");
        var brazil2 = await app.People.DelegateAsync("BRA");
        var kenya = await app.People.DelegateAsync("KEN");
        var civilSociety = await app.People.StakeholderAsync();
        var reporter = await app.People.ReporterAsync();
        var everyone = app.CreatePublicClient();

        // The Chair records a body and circulates a first draft of four operative paragraphs.
        var body = await (await chair.Api.PostJsonAsync("/api/v1/bodies", BodyRequest("BRA", "KEN", "FRA"))).ExpectAsync(HttpStatusCode.Created);
        var bodyId = Id(body);
        Assert.Equal("consensus", (string)body["decisionRule"]!);
        Assert.Equal(["BRA", "FRA", "KEN"], body["members"]!.AsArray().Select(m => (string)m!).ToArray());
        var symbol = UniqueSymbol();
        var drafted = await chair.Api.PostJsonAsync("/api/v1/documents", DocumentRequest(bodyId,
        [
            Operative("invites Member States and Sector Members to share experience and good practice;"),
            Operative("encourages the relevant organizations to report annually on their work;"),
            Operative(Paragraph3),
            Operative("decides to remain seized of the matter."),
        ], symbol));
        var document = await drafted.ExpectAsync(HttpStatusCode.Created);
        var documentId = Id(document);
        Assert.Equal($"/api/v1/documents/{documentId}", drafted.Headers.Location?.OriginalString);
        Assert.Equal("negotiating", (string)document["state"]!);
        Assert.Equal(symbol, (string)document["symbol"]!);
        Assert.Equal(1, (int)document["version"]!["number"]!);
        Assert.Equal("first draft", (string)document["version"]!["label"]!);
        Assert.Equal(["1", "2", "3", "4"], Numbers(document["version"]!));

        // Participants propose amendments, each under their stakeholder group.
        var replace3 = await (await brazil.Api.PostJsonAsync($"/api/v1/documents/{documentId}/amendments",
            new { paragraph = "3", action = "replace", text = Paragraph3Amended, explanation = "Tunis Agenda ¶71." })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("government", (string)replace3["stakeholderGroup"]!);
        Assert.Equal("BRA", (string)replace3["memberState"]!);
        Assert.Equal("proposed", (string)replace3["status"]!);
        var insertAfter2 = await (await civilSociety.Api.PostJsonAsync($"/api/v1/documents/{documentId}/amendments",
            new { paragraph = "2", action = "insert-after", text = Inserted, explanation = "A template makes reports comparable." })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("civil-society", (string)insertAfter2["stakeholderGroup"]!);
        Assert.Null(insertAfter2["memberState"]);
        var delete1 = await (await kenya.Api.PostJsonAsync($"/api/v1/documents/{documentId}/amendments",
            new { paragraph = "1", action = "delete", explanation = "Redundant." })).ExpectAsync(HttpStatusCode.Created);
        var undecided = await (await reporter.Api.PostJsonAsync($"/api/v1/documents/{documentId}/amendments",
            new { paragraph = "2", action = "replace", text = "encourages the relevant organizations to report every year;" })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("technical-academic", (string)undecided["stakeholderGroup"]!);
        Assert.False((bool)undecided["againstOlderVersion"]!);

        // The Chair accepts two and rejects one, with reasons.
        var accepted = await (await chair.Api.PostJsonAsync($"/api/v1/amendments/{Id(replace3)}/decision",
            new { decision = "accept", reason = "Consistent with the Tunis Agenda." })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("accepted", (string)accepted["status"]!);
        await (await chair.Api.PostJsonAsync($"/api/v1/amendments/{Id(insertAfter2)}/decision",
            new { decision = "accept", reason = "Widely supported." })).ExpectAsync(HttpStatusCode.OK);
        var rejected = await (await chair.Api.PostJsonAsync($"/api/v1/amendments/{Id(delete1)}/decision",
            new { decision = "reject", reason = "Paragraph 1 has broad support." })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("rejected", (string)rejected["status"]!);
        Assert.Equal("Paragraph 1 has broad support.", (string)rejected["reason"]!);

        // The next version takes in what was accepted, and only that.
        var circulated = await chair.Api.PostJsonAsync($"/api/v1/documents/{documentId}/versions", new { label = "clean second draft" });
        var v2 = await circulated.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/documents/{documentId}/versions/2", circulated.Headers.Location?.OriginalString);
        Assert.Equal(2, (int)v2["version"]!["number"]!);
        Assert.Equal("clean second draft", (string)v2["version"]!["label"]!);
        Assert.Equal(["1", "2", "3", "4", "5"], Numbers(v2["version"]!));
        Assert.Equal(Inserted, Text(v2["version"]!, "3"));
        Assert.Equal(Paragraph3Amended, Text(v2["version"]!, "4"));
        Assert.Equal(new[] { Id(replace3), Id(insertAfter2) }.Order(),
            v2["version"]!["incorporatedAmendments"]!.AsArray().Select(a => Guid.Parse((string)a!)).Order());
        Assert.Equal([1, 2], v2["versions"]!.AsArray().Select(v => (int)v!["number"]!).ToArray());

        // The first draft is as it was circulated.
        var v1 = await everyone.GetJsonAsync($"/api/v1/documents/{documentId}/versions/1");
        Assert.Equal(["1", "2", "3", "4"], Numbers(v1["version"]!));
        Assert.Equal(Paragraph3, Text(v1["version"]!, "3"));

        // An amendment to the first draft after the second is circulated says so.
        var late = await (await civilSociety.Api.PostJsonAsync($"/api/v1/documents/{documentId}/amendments",
            new { version = 1, paragraph = "4", action = "replace", text = "decides to review progress at its next session." })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(1, (int)late["version"]!);
        Assert.True((bool)late["againstOlderVersion"]!);
        var amendments = (await everyone.GetJsonAsync($"/api/v1/documents/{documentId}/amendments")).AsArray();
        Assert.Equal(5, amendments.Count);
        var byId = amendments.ToDictionary(a => Id(a!), a => a!);
        Assert.Equal(2, (int)byId[Id(replace3)]["incorporatedInVersion"]!);
        Assert.Equal(2, (int)byId[Id(insertAfter2)]["incorporatedInVersion"]!);
        Assert.Null(byId[Id(delete1)]["incorporatedInVersion"]);
        Assert.True((bool)byId[Id(undecided)]["againstOlderVersion"]!);
        Assert.False((bool)byId[Id(replace3)]["againstOlderVersion"]!);

        // The diff shows the change in paragraph 3 word by word and the new paragraph as added.
        var diff = (await everyone.GetJsonAsync($"/api/v1/documents/{documentId}/diff?from=1&to=2"))["paragraphs"]!.AsArray();
        Assert.Equal(
            [("1", "1", "unchanged"), ("2", "2", "unchanged"), (null, "3", "added"), ("3", "4", "changed"), ("4", "5", "unchanged")],
            diff.Select(p => ((string?)p!["fromNumber"], (string?)p["toNumber"], (string)p["change"]!)).ToArray());
        var words = diff[3]!["words"]!.AsArray().Select(w => (Text: (string)w!["text"]!, Change: (string)w["change"]!)).ToList();
        Assert.DoesNotContain(words, w => w.Change == "deleted");
        Assert.Equal(["in", "their", "respective", "roles"],
            words.Where(w => w.Change == "inserted").SelectMany(w => w.Text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)).ToArray());
        Assert.Equal(Paragraph3Amended, string.Concat(words.Select(w => w.Text)));
        Assert.Equal(Paragraph3, string.Concat(words.Where(w => w.Change == "same").Select(w => w.Text)));
        Assert.Equal(Inserted, (string)diff[2]!["words"]![0]!["text"]!);
        Assert.Equal("inserted", (string)diff[2]!["words"]![0]!["change"]!);

        // The Chair puts the second version to the body.
        var decision = await (await chair.Api.PostJsonAsync("/api/v1/decisions", new { documentId })).ExpectAsync(HttpStatusCode.Created);
        var decisionId = Id(decision);
        Assert.Equal(2, (int)decision["version"]!);
        Assert.Null(decision["outcome"]);
        Assert.Equal(bodyId, Id(decision["body"]!));

        // Brazil speaks with one voice, whichever delegate speaks.
        await (await brazil.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/positions", new { position = "no-objection" })).ExpectAsync(HttpStatusCode.OK);
        await (await brazil2.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/positions",
            new { position = "support", statement = "Brazil supports the text." })).ExpectAsync(HttpStatusCode.OK);
        await (await kenya.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/positions",
            new { position = "reservation", statement = "Kenya reads paragraph 4 as without prejudice to national policy." })).ExpectAsync(HttpStatusCode.OK);
        var advised = await (await civilSociety.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/advisory-views",
            new { stance = "oppose", text = "The draft was not consulted widely enough." })).ExpectAsync(HttpStatusCode.OK);

        var standing = advised["positionsByRegionalGroup"]!.AsArray().SelectMany(g => g!["positions"]!.AsArray()).ToList();
        Assert.Equal(["BRA", "KEN"], standing.Select(p => (string)p!["memberState"]!).Order().ToArray());
        var brazilPosition = standing.Single(p => (string)p!["memberState"]! == "BRA")!;
        Assert.Equal("support", (string)brazilPosition["position"]!);
        Assert.Equal(brazil2.DisplayName, (string)brazilPosition["delegateName"]!);
        var history = advised["history"]!.AsArray();
        Assert.Equal(3, history.Count);
        Assert.Equal([("no-objection", true), ("support", false)], history.Where(p => (string)p!["memberState"]! == "BRA")
            .Select(p => ((string)p!["position"]!, p["supersededAt"] is not null)).ToArray());
        var western = advised["positionsByRegionalGroup"]!.AsArray().Single(g => (string)g!["regionalGroup"]! == "western-european-other")!;
        Assert.Equal(["France"], western["membersWithoutPosition"]!.AsArray().Select(n => (string)n!).ToArray());
        var views = Assert.Single(advised["advisoryViews"]!.AsArray())!;
        Assert.Equal("civil-society", (string)views["stakeholderGroup"]!);
        Assert.Equal("oppose", (string)views["views"]![0]!["stance"]!);
        Assert.DoesNotContain(standing, p => (string)p!["delegateName"]! == civilSociety.DisplayName);

        // No objection stands: adopted by consensus, with Kenya's reservation.
        var closed = await (await chair.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/close", new { outcome = "adopted-by-consensus" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("adopted-by-consensus", (string)closed["outcome"]!);
        Assert.NotNull(closed["closedAt"]);
        Assert.Equal("KEN", (string)Assert.Single(closed["reservations"]!.AsArray())!["memberState"]!);
        Assert.Empty(closed["objections"]!.AsArray());
        var adopted = await everyone.GetJsonAsync($"/api/v1/documents/{documentId}");
        Assert.Equal("adopted-by-consensus", (string)adopted["state"]!);
        Assert.Equal([decisionId], adopted["decisions"]!.AsArray().Select(d => Guid.Parse((string)d!)).ToArray());

        // The negotiation is over.
        var tooLate = await (await brazil.Api.PostJsonAsync($"/api/v1/documents/{documentId}/amendments",
            new { paragraph = "1", action = "delete" })).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("document-closed", (string)tooLate["code"]!);

        // Every step is on the public record, which still verifies.
        Assert.Equal(["document.drafted", "document.version-circulated"], await everyone.RecordActionsAsync("document", documentId));
        Assert.Equal(["amendment.proposed", "amendment.accepted"], await everyone.RecordActionsAsync("amendment", Id(replace3)));
        Assert.Equal(["amendment.proposed", "amendment.accepted"], await everyone.RecordActionsAsync("amendment", Id(insertAfter2)));
        Assert.Equal(["amendment.proposed", "amendment.rejected"], await everyone.RecordActionsAsync("amendment", Id(delete1)));
        Assert.Equal(["amendment.proposed"], await everyone.RecordActionsAsync("amendment", Id(late)));
        Assert.Equal(["decision.opened", "position.stated", "position.stated", "position.stated", "advisory-view.stated", "decision.closed"],
            await everyone.RecordActionsAsync("decision", decisionId));
        var proposedEntry = (await everyone.RecordEntriesAsync("amendment", Id(insertAfter2))).Last()!;
        Assert.Equal(civilSociety.RecordReference, (string)proposedEntry["actor"]!);
        Assert.Equal("civil-society", (string)proposedEntry["payload"]!["stakeholderGroup"]!);
        var closedEntry = (await everyone.RecordEntriesAsync("decision", decisionId)).First()!;
        Assert.Equal("adopted-by-consensus", (string)closedEntry["payload"]!["outcome"]!);
        Assert.Equal("KEN", (string)closedEntry["payload"]!["reservations"]![0]!["memberState"]!);
        var circulatedEntry = (await everyone.RecordEntriesAsync("document", documentId)).First()!;
        Assert.Equal(Paragraph3Amended, (string)circulatedEntry["payload"]!["version"]!["paragraphs"]![3]!["text"]!);
        Assert.True((bool)(await everyone.GetJsonAsync("/api/v1/record/verify"))["isValid"]!);
    }

    [Fact]
    public async Task Draft_InvalidSymbol_400ErrorsSymbolAndNothingRecorded()
    {
        var chair = await app.Drafting.ChairAsync();
        var head = await chair.Api.RecordHeadAsync();
        var title = $"Badly numbered {Guid.NewGuid():N}";

        var response = await chair.Api.PostJsonAsync("/api/v1/documents", new
        {
            kind = "opinion", title, symbol = "Opinion number six", language = "en", versionLabel = "first draft",
            paragraphs = new[] { Operative("invites all stakeholders to cooperate.") },
        });

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("validation", (string)problem["code"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["errors"]!["symbol"]![0]));
        Assert.Equal(head, await chair.Api.RecordHeadAsync());
        Assert.DoesNotContain((await chair.Api.GetJsonAsync("/api/v1/documents")).AsArray(), d => (string)d!["title"]! == title);
    }

    [Fact]
    public async Task Draft_NoParagraphsUnknownKindAndBody_400WithEachField()
    {
        var chair = await app.Drafting.ChairAsync();
        var head = await chair.Api.RecordHeadAsync();

        var response = await chair.Api.PostJsonAsync("/api/v1/documents", new
        {
            kind = "treaty", title = "", symbol = UniqueSymbol(), bodyId = Guid.NewGuid(), language = "en", versionLabel = "first draft",
            paragraphs = Array.Empty<object>(),
        });

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["bodyId", "kind", "paragraphs", "title"], problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(head, await chair.Api.RecordHeadAsync());
    }

    [Fact]
    public async Task Draft_SymbolAlreadyUsed_409SymbolTaken()
    {
        var chair = await app.Drafting.ChairAsync();
        var symbol = UniqueSymbol();
        await app.Drafting.DocumentAsync(null, [Operative("first")], symbol);

        var response = await chair.Api.PostJsonAsync("/api/v1/documents", DocumentRequest(null, [Operative("second")], symbol));

        Assert.Equal("symbol-taken", (string)(await response.ExpectProblemAsync(HttpStatusCode.Conflict))["code"]!);
    }

    [Fact]
    public async Task Draft_ByDelegate_403AndNothingRecorded()
    {
        var delegatePerson = await app.People.DelegateAsync("IND");
        var head = await delegatePerson.Api.RecordHeadAsync();

        var response = await delegatePerson.Api.PostJsonAsync("/api/v1/documents", DocumentRequest(null, [Operative("invites all.")]));

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(head, await delegatePerson.Api.RecordHeadAsync());
    }

    [Fact]
    public async Task Draft_PreambularOperativeAndSubItems_NumberedAsTheUnDoes()
    {
        var document = await app.Drafting.DocumentAsync(null,
        [
            Preambular("Recalling the Tunis Agenda for the Information Society,"),
            Preambular("Noting the divergent views held by Member States,"),
            Operative("invites:"),
            Operative("Member States;", level: 1),
            Operative("all other stakeholders;", level: 1),
            Operative("decides to remain seized of the matter."),
        ]);

        // Sub-items carry their paragraph's number, so every number is unique in the version.
        Assert.Equal(["P1", "P2", "1", "1(a)", "1(b)", "2"], Numbers(document["version"]!));
        Assert.Equal(["preambular", "preambular", "operative", "operative", "operative", "operative"],
            document["version"]!["paragraphs"]!.AsArray().Select(p => (string)p!["kind"]!).ToArray());
    }

    [Fact]
    public async Task Propose_SubItemOfTheSecondParagraph_AmendsThatSubItem()
    {
        var document = await app.Drafting.DocumentAsync(await app.Drafting.BodyAsync(),
        [
            Operative("invites:"),
            Operative("governments to cooperate;", level: 1),
            Operative("requests:"),
            Operative("the Secretary-General to report;", level: 1),
        ]);
        var numbers = Numbers(document["version"]!);
        var stakeholder = await app.People.StakeholderAsync();
        var chair = await app.Drafting.ChairAsync();

        // The participant uses the number the version shows for the sub-item of paragraph 2.
        var amendment = await (await stakeholder.Api.PostJsonAsync($"/api/v1/documents/{Id(document)}/amendments",
            new { paragraph = numbers[3], action = "replace", text = "the Secretary-General to report annually;" })).ExpectAsync(HttpStatusCode.Created);
        await (await chair.Api.PostJsonAsync($"/api/v1/amendments/{Id(amendment)}/decision", new { decision = "accept", reason = "Agreed." })).ExpectAsync(HttpStatusCode.OK);
        var v2 = await (await chair.Api.PostJsonAsync($"/api/v1/documents/{Id(document)}/versions", new { label = "second draft" })).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(["invites:", "governments to cooperate;", "requests:", "the Secretary-General to report annually;"],
            v2["version"]!["paragraphs"]!.AsArray().Select(p => (string)p!["text"]!).ToArray());
        Assert.Equal(numbers.Length, numbers.Distinct().Count());
    }

    [Fact]
    public async Task Propose_WithCitations_CarriedIntoTheNextVersionAndShownOnTheAmendment()
    {
        var tunis = Drafting.UniqueSymbol(); // a symbol no other test cites (citedBy counts across documents)
        var document = await app.Drafting.DocumentAsync(await app.Drafting.BodyAsync(),
            [Operative("recalls the Tunis Agenda;", 0, $"{tunis}#35"), Operative("invites cooperation;"), Operative("requests a report;", 0, $"{tunis}#71")]);
        var documentId = Id(document);
        var stakeholder = await app.People.StakeholderAsync();
        var chair = await app.Drafting.ChairAsync();

        var replace = await (await stakeholder.Api.PostJsonAsync($"/api/v1/documents/{documentId}/amendments",
            new { paragraph = "1", action = "replace", text = "recalls paragraphs 69 to 71 of the Tunis Agenda;", cites = new[] { $" {tunis}#69 ", $"{tunis}#71" } })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal([$"{tunis}#69", $"{tunis}#71"], replace["cites"]!.AsArray().Select(c => (string)c!));
        var insert = await (await stakeholder.Api.PostJsonAsync($"/api/v1/documents/{documentId}/amendments",
            new { paragraph = "2", action = "insert-after", text = "notes the WGEC report;", cites = new[] { "A/73/41#12" } })).ExpectAsync(HttpStatusCode.Created);
        // Without citations, a replaced paragraph keeps its own.
        var keep = await (await stakeholder.Api.PostJsonAsync($"/api/v1/documents/{documentId}/amendments",
            new { paragraph = "3", action = "replace", text = "requests an annual report;" })).ExpectAsync(HttpStatusCode.Created);
        Assert.Null(keep["cites"]);
        var entry = (await app.CreatePublicClient().RecordEntriesAsync("amendment", Id(replace))).Single()!;
        Assert.Equal(2, entry["payload"]!["cites"]!.AsArray().Count);

        foreach (var a in new[] { replace, insert, keep })
        {
            await (await chair.Api.PostJsonAsync($"/api/v1/amendments/{Id(a)}/decision", new { decision = "accept", reason = "Agreed." })).ExpectAsync(HttpStatusCode.OK);
        }
        var v2 = await (await chair.Api.PostJsonAsync($"/api/v1/documents/{documentId}/versions", new { label = "second draft" })).ExpectAsync(HttpStatusCode.Created);
        var cites = v2["version"]!["paragraphs"]!.AsArray().Select(p => p!["cites"]!.AsArray().Select(c => (string)c!).ToArray()).ToArray();
        Assert.Equal([[$"{tunis}#69", $"{tunis}#71"], [], ["A/73/41#12"], [$"{tunis}#71"]], cites);
    }

    [Fact]
    public async Task Propose_InvalidCitationOrCitationsOnADeletion_400ErrorsCitesAndNothingRecorded()
    {
        var document = await app.Drafting.DocumentAsync();
        var stakeholder = await app.People.StakeholderAsync();
        var head = await app.CreatePublicClient().RecordHeadAsync();
        var invalid = await (await stakeholder.Api.PostJsonAsync($"/api/v1/documents/{Id(document)}/amendments",
            new { paragraph = "1", action = "replace", text = "A new text.", cites = new[] { "not a symbol#69" } })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(invalid["errors"]!["cites"]);
        var deletion = await (await stakeholder.Api.PostJsonAsync($"/api/v1/documents/{Id(document)}/amendments",
            new { paragraph = "1", action = "delete", cites = new[] { "A/73/41#12" } })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(deletion["errors"]!["cites"]);
        Assert.Equal(head, await app.CreatePublicClient().RecordHeadAsync());
    }

    [Fact]
    public async Task ProposeOnThePage_WithCitations_AmendmentCarriesThem()
    {
        var document = await app.Drafting.DocumentAsync();
        var stakeholder = await app.People.StakeholderAsync();
        var (browser, _) = await app.People.LogInAsync(stakeholder);
        var posted = await browser.SubmitFormAsync($"/documents/{Id(document)}", new Dictionary<string, string>
        {
            ["Amend.Paragraph"] = "1", ["Amend.Action"] = "replace", ["Amend.Text"] = "A text that cites.",
            ["Amend.Cites"] = "A/73/41#12, A/RES/70/125#65",
        }, "form[action*='handler=Amend']");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var amendment = (await app.CreatePublicClient().GetJsonAsync($"/api/v1/documents/{Id(document)}/amendments")).AsArray().Single()!;
        Assert.Equal(["A/73/41#12", "A/RES/70/125#65"], amendment["cites"]!.AsArray().Select(c => (string)c!));
    }

    [Fact]
    public async Task Propose_UnknownParagraph_400ErrorsParagraphAndNothingRecorded()
    {
        var document = await app.Drafting.DocumentAsync("one", "two");
        var delegatePerson = await app.People.DelegateAsync("ZAF");
        var head = await delegatePerson.Api.RecordHeadAsync();

        var response = await delegatePerson.Api.PostJsonAsync($"/api/v1/documents/{Id(document)}/amendments",
            new { paragraph = "7", action = "replace", text = "A seventh paragraph?" });

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["errors"]!["paragraph"]![0]));
        Assert.Equal(head, await delegatePerson.Api.RecordHeadAsync());
        Assert.Empty((await delegatePerson.Api.GetJsonAsync($"/api/v1/documents/{Id(document)}/amendments")).AsArray());
    }

    [Fact]
    public async Task Propose_UnknownVersionOrActionOrNoText_400WithEachField()
    {
        var document = await app.Drafting.DocumentAsync("one", "two");
        var stakeholder = await app.People.StakeholderAsync();

        var unknownVersion = await (await stakeholder.Api.PostJsonAsync($"/api/v1/documents/{Id(document)}/amendments",
            new { version = 9, paragraph = "1", action = "replace", text = "x" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var badAction = await (await stakeholder.Api.PostJsonAsync($"/api/v1/documents/{Id(document)}/amendments",
            new { paragraph = "1", action = "rewrite", text = "x" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var noText = await (await stakeholder.Api.PostJsonAsync($"/api/v1/documents/{Id(document)}/amendments",
            new { paragraph = "1", action = "insert-after", text = "  " })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var sameText = await (await stakeholder.Api.PostJsonAsync($"/api/v1/documents/{Id(document)}/amendments",
            new { paragraph = "1", action = "replace", text = "one" })).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotNull(unknownVersion["errors"]!["version"]);
        Assert.NotNull(badAction["errors"]!["action"]);
        Assert.NotNull(noText["errors"]!["text"]);
        Assert.NotNull(sameText["errors"]!["text"]);
    }

    [Fact]
    public async Task Propose_ByRegisteredPersonNotAccredited_403AndNothingRecorded()
    {
        var document = await app.Drafting.DocumentAsync();
        var registered = await app.People.RegisteredAsync();
        var head = await registered.Api.RecordHeadAsync();

        var response = await registered.Api.PostJsonAsync($"/api/v1/documents/{Id(document)}/amendments",
            new { paragraph = "1", action = "replace", text = "A text from someone not accredited." });

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(head, await registered.Api.RecordHeadAsync());
    }

    [Fact]
    public async Task Propose_WithoutToken_401()
    {
        var document = await app.Drafting.DocumentAsync();

        var response = await app.CreatePublicClient().PostJsonAsync($"/api/v1/documents/{Id(document)}/amendments",
            new { paragraph = "1", action = "delete" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Propose_UnknownDocument_404()
    {
        var stakeholder = await app.People.StakeholderAsync();

        var response = await stakeholder.Api.PostJsonAsync($"/api/v1/documents/{Guid.NewGuid()}/amendments", new { paragraph = "1", action = "delete" });

        await response.ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DecideAmendment_WithoutReason_400ErrorsReasonAndStillProposed()
    {
        var document = await app.Drafting.DocumentAsync();
        var amendment = await app.Drafting.AmendmentAsync(Id(document));
        var chair = await app.Drafting.ChairAsync();
        var head = await chair.Api.RecordHeadAsync();

        var response = await chair.Api.PostJsonAsync($"/api/v1/amendments/{Id(amendment)}/decision", new { decision = "reject", reason = " " });

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["reason"]);
        Assert.Equal(head, await chair.Api.RecordHeadAsync());
        Assert.Equal("proposed", (string)(await chair.Api.GetJsonAsync($"/api/v1/documents/{Id(document)}/amendments"))[0]!["status"]!);
    }

    [Fact]
    public async Task DecideAmendment_Twice_409AmendmentDecided()
    {
        var document = await app.Drafting.DocumentAsync();
        var amendment = await app.Drafting.AmendmentAsync(Id(document));
        var chair = await app.Drafting.ChairAsync();
        await (await chair.Api.PostJsonAsync($"/api/v1/amendments/{Id(amendment)}/decision", new { decision = "accept", reason = "Agreed." })).ExpectAsync(HttpStatusCode.OK);

        var again = await chair.Api.PostJsonAsync($"/api/v1/amendments/{Id(amendment)}/decision", new { decision = "reject", reason = "Second thoughts." });

        Assert.Equal("amendment-decided", (string)(await again.ExpectProblemAsync(HttpStatusCode.Conflict))["code"]!);
        Assert.Equal("accepted", (string)(await chair.Api.GetJsonAsync($"/api/v1/documents/{Id(document)}/amendments"))[0]!["status"]!);
    }

    [Fact]
    public async Task DecideAmendment_Merge_NextVersionCarriesTheChairsText()
    {
        var document = await app.Drafting.DocumentAsync("invites Member States to share experience;", "invites all stakeholders to cooperate.");
        var kenya = await app.People.DelegateAsync("KEN");
        var india = await app.People.DelegateAsync("IND");
        var fromKenya = await (await kenya.Api.PostJsonAsync($"/api/v1/documents/{Id(document)}/amendments",
            new { paragraph = "2", action = "replace", text = "invites all stakeholders to cooperate closely." })).ExpectAsync(HttpStatusCode.Created);
        var fromIndia = await (await india.Api.PostJsonAsync($"/api/v1/documents/{Id(document)}/amendments",
            new { paragraph = "2", action = "replace", text = "invites all stakeholders to cooperate, in their respective roles." })).ExpectAsync(HttpStatusCode.Created);
        var chair = await app.Drafting.ChairAsync();
        const string merged = "invites all stakeholders to cooperate closely, in their respective roles.";

        var noText = await chair.Api.PostJsonAsync($"/api/v1/amendments/{Id(fromKenya)}/decision", new { decision = "merge", reason = "Merged with India's." });
        Assert.NotNull((await noText.ExpectProblemAsync(HttpStatusCode.BadRequest))["errors"]!["mergedText"]);
        var mergedView = await (await chair.Api.PostJsonAsync($"/api/v1/amendments/{Id(fromKenya)}/decision",
            new { decision = "merge", reason = "Merged with India's.", mergedText = merged })).ExpectAsync(HttpStatusCode.OK);
        await (await chair.Api.PostJsonAsync($"/api/v1/amendments/{Id(fromIndia)}/decision",
            new { decision = "reject", reason = "Taken into Kenya's, as merged." })).ExpectAsync(HttpStatusCode.OK);
        var v2 = await (await chair.Api.PostJsonAsync($"/api/v1/documents/{Id(document)}/versions", new { label = "second draft" })).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal("merged", (string)mergedView["status"]!);
        Assert.Equal(merged, (string)mergedView["mergedText"]!);
        Assert.Equal(merged, Text(v2["version"]!, "2"));
        Assert.Equal(["amendment.proposed", "amendment.merged"], await chair.Api.RecordActionsAsync("amendment", Id(fromKenya)));
    }

    [Fact]
    public async Task DecideAmendment_ByDelegate_403()
    {
        var document = await app.Drafting.DocumentAsync();
        var amendment = await app.Drafting.AmendmentAsync(Id(document));
        var delegatePerson = await app.People.DelegateAsync("MEX");

        var response = await delegatePerson.Api.PostJsonAsync($"/api/v1/amendments/{Id(amendment)}/decision", new { decision = "accept", reason = "I like it." });

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CirculateVersion_WhileDecisionOpen_409DecisionOpen()
    {
        var document = await app.Drafting.DocumentAsync();
        await app.Drafting.DecisionAsync(Id(document));
        var chair = await app.Drafting.ChairAsync();

        var response = await chair.Api.PostJsonAsync($"/api/v1/documents/{Id(document)}/versions", new { label = "second draft" });

        Assert.Equal("decision-open", (string)(await response.ExpectProblemAsync(HttpStatusCode.Conflict))["code"]!);
        Assert.Single((await chair.Api.GetJsonAsync($"/api/v1/documents/{Id(document)}"))["versions"]!.AsArray());
    }

    [Fact]
    public async Task CirculateVersion_WithoutLabel_400()
    {
        var document = await app.Drafting.DocumentAsync();
        var chair = await app.Drafting.ChairAsync();

        var response = await chair.Api.PostJsonAsync($"/api/v1/documents/{Id(document)}/versions", new { label = "" });

        Assert.NotNull((await response.ExpectProblemAsync(HttpStatusCode.BadRequest))["errors"]!["label"]);
    }

    [Fact]
    public async Task Diff_UnknownVersion_404()
    {
        var document = await app.Drafting.DocumentAsync();

        var response = await app.CreatePublicClient().GetAsync($"/api/v1/documents/{Id(document)}/diff?from=1&to=2");

        await response.ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Document_Unknown_404()
    {
        var response = await app.CreatePublicClient().GetAsync($"/api/v1/documents/{Guid.NewGuid()}");

        await response.ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Comment_ByDelegateAndStakeholder_AttributedToStateAndGroup()
    {
        var document = await app.Drafting.DocumentAsync("one", "two");
        var delegatePerson = await app.People.DelegateAsync("EGY");
        var stakeholder = await app.People.StakeholderAsync(group: "private-sector");

        var fromDelegate = await (await delegatePerson.Api.PostJsonAsync($"/api/v1/documents/{Id(document)}/comments",
            new { paragraph = "2", text = "Egypt would welcome a reference to capacity building." })).ExpectAsync(HttpStatusCode.Created);
        await (await stakeholder.Api.PostJsonAsync($"/api/v1/documents/{Id(document)}/comments",
            new { version = 1, paragraph = "1", text = "Industry supports this paragraph." })).ExpectAsync(HttpStatusCode.Created);
        var comments = (await app.CreatePublicClient().GetJsonAsync($"/api/v1/documents/{Id(document)}/comments")).AsArray();

        Assert.Equal("government", (string)fromDelegate["stakeholderGroup"]!);
        Assert.Equal("EGY", (string)fromDelegate["memberState"]!);
        Assert.Equal([("2", "government", "EGY"), ("1", "private-sector", null)],
            comments.Select(c => ((string)c!["paragraph"]!, (string)c["stakeholderGroup"]!, (string?)c["memberState"])).ToArray());
        Assert.Equal(["comment.posted"], await app.CreatePublicClient().RecordActionsAsync("comment", Id(fromDelegate)));
    }

    [Fact]
    public async Task Comment_UnknownParagraphOrEmpty_400()
    {
        var document = await app.Drafting.DocumentAsync("one");
        var stakeholder = await app.People.StakeholderAsync();

        var unknown = await (await stakeholder.Api.PostJsonAsync($"/api/v1/documents/{Id(document)}/comments",
            new { paragraph = "P9", text = "On a paragraph that does not exist." })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var empty = await (await stakeholder.Api.PostJsonAsync($"/api/v1/documents/{Id(document)}/comments",
            new { paragraph = "1", text = " " })).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotNull(unknown["errors"]!["paragraph"]);
        Assert.NotNull(empty["errors"]!["text"]);
    }

    [Fact]
    public async Task Documents_FilteredByBodyAndState_OnlyMatching()
    {
        var bodyId = await app.Drafting.BodyAsync();
        var negotiating = await app.Drafting.DocumentAsync(bodyId, [Operative("one")]);
        var withdrawn = await app.Drafting.DocumentAsync(bodyId, [Operative("two")]);
        await app.Drafting.DocumentAsync(await app.Drafting.BodyAsync(), [Operative("elsewhere")]);
        var chair = await app.Drafting.ChairAsync();
        var decision = await app.Drafting.DecisionAsync(Id(withdrawn));
        await (await chair.Api.PostJsonAsync($"/api/v1/decisions/{Id(decision)}/close", new { outcome = "withdrawn" })).ExpectAsync(HttpStatusCode.OK);
        var everyone = app.CreatePublicClient();

        var ofBody = (await everyone.GetJsonAsync($"/api/v1/documents?body={bodyId}")).AsArray();
        var ofBodyNegotiating = (await everyone.GetJsonAsync($"/api/v1/documents?body={bodyId}&state=negotiating")).AsArray();
        var ofBodyWithdrawn = (await everyone.GetJsonAsync($"/api/v1/documents?body={bodyId}&state=withdrawn")).AsArray();

        Assert.Equal(new[] { Id(negotiating), Id(withdrawn) }.Order(), ofBody.Select(d => Id(d!)).Order());
        Assert.Equal([Id(negotiating)], ofBodyNegotiating.Select(d => Id(d!)).ToArray());
        Assert.Equal([Id(withdrawn)], ofBodyWithdrawn.Select(d => Id(d!)).ToArray());
        Assert.Equal("withdrawn", (string)ofBodyWithdrawn[0]!["state"]!);
    }

    [Fact]
    public async Task ReferenceText_CitedByADraft_ParagraphShowsCitedBy()
    {
        const string tunisAgenda = "WSIS-05/TUNIS/DOC/6(Rev.1)-E";
        var chair = await app.Drafting.ChairAsync();
        var reference = await app.Drafting.DocumentAsync(null,
        [
            Numbered("34", "A working definition of Internet governance is the development and application by governments, the private sector and civil society, in their respective roles, of shared principles."),
            Numbered("69", "We further recognize the need for enhanced cooperation in the future, to enable governments, on an equal footing, to carry out their roles and responsibilities."),
        ], tunisAgenda, kind: "reference-text");
        Assert.Equal("reference", (string)reference["state"]!);
        Assert.Equal(["34", "69"], Numbers(reference["version"]!));
        var draft = await app.Drafting.DocumentAsync(await app.Drafting.BodyAsync(),
        [
            Preambular("Recalling the Tunis Agenda,"),
            Operative("invites governments, on an equal footing, to carry out their roles and responsibilities;", 0, $"{tunisAgenda}#69"),
        ]);
        Assert.Equal([$"{tunisAgenda}#69"], draft["version"]!["paragraphs"]![1]!["cites"]!.AsArray().Select(c => (string)c!).ToArray());

        var shown = await app.CreatePublicClient().GetJsonAsync($"/api/v1/documents/{Id(reference)}");

        var paragraphs = shown["version"]!["paragraphs"]!.AsArray();
        Assert.Empty(paragraphs.Single(p => (string)p!["number"]! == "34")!["citedBy"]!.AsArray());
        var citedBy = Assert.Single(paragraphs.Single(p => (string)p!["number"]! == "69")!["citedBy"]!.AsArray())!;
        Assert.Equal(Id(draft), Guid.Parse((string)citedBy["documentId"]!));
        Assert.Equal((string)draft["symbol"]!, (string)citedBy["symbol"]!);
        Assert.Equal((string)draft["title"]!, (string)citedBy["title"]!);
        Assert.Equal("1", (string)citedBy["paragraph"]!);
        // A reference text is quoted, not negotiated.
        var amend = await (await app.People.StakeholderAsync()).Api.PostJsonAsync($"/api/v1/documents/{Id(reference)}/amendments",
            new { paragraph = "69", action = "delete" });
        Assert.Equal("document-closed", (string)(await amend.ExpectProblemAsync(HttpStatusCode.Conflict))["code"]!);
        Assert.DoesNotContain((await chair.Api.GetJsonAsync("/api/v1/documents")).AsArray(), d => Id(d!) == Id(reference));
    }

    [Fact]
    public async Task Draft_InvalidCitationOrOwnNumber_400()
    {
        var chair = await app.Drafting.ChairAsync();

        var badCitation = await chair.Api.PostJsonAsync("/api/v1/documents", DocumentRequest(null, [Operative("cites nothing real", 0, "not a symbol#69")]));
        var ownNumber = await chair.Api.PostJsonAsync("/api/v1/documents", DocumentRequest(null, [Numbered("69", "A draft does not number itself.")]));

        Assert.NotNull((await badCitation.ExpectProblemAsync(HttpStatusCode.BadRequest))["errors"]!["paragraphs[0]"]);
        Assert.NotNull((await ownNumber.ExpectProblemAsync(HttpStatusCode.BadRequest))["errors"]!["paragraphs[0]"]);
    }

    [Fact]
    public async Task DecideAmendment_AcceptAndRejectAtOnce_OnceOnlyOthers409()
    {
        var document = await app.Drafting.DocumentAsync();
        var amendment = await app.Drafting.AmendmentAsync(Id(document));
        var chair = await app.Drafting.ChairAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => chair.Api.PostJsonAsync($"/api/v1/amendments/{Id(amendment)}/decision",
            new { decision = i % 2 == 0 ? "accept" : "reject", reason = "At once." })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(2, (await chair.Api.RecordActionsAsync("amendment", Id(amendment))).Length);
    }

    [Fact]
    public async Task Draft_SameSymbolAtOnce_OneDocumentOthers409()
    {
        var chair = await app.Drafting.ChairAsync();
        var symbol = UniqueSymbol();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            chair.Api.PostJsonAsync("/api/v1/documents", DocumentRequest(null, [Operative("invites all stakeholders to cooperate.")], symbol))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }

    private static string[] Numbers(JsonNode version) => version["paragraphs"]!.AsArray().Select(p => (string)p!["number"]!).ToArray();

    private static string Text(JsonNode version, string number)
        => (string)version["paragraphs"]!.AsArray().Single(p => (string)p!["number"]! == number)!["text"]!;
}
