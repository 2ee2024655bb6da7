using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ecp.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ecp.BrowserTests;

/// <summary>
/// A negotiation from first draft to consensus, in a real browser: the Chair circulates a draft,
/// a delegate amends paragraph 3, the Chair accepts the amendment and circulates a clean second
/// draft, the comparison shows the change word by word, the Chair puts the text to a decision, the
/// delegate does not object and the Chair records adoption by consensus. Every step leaves its
/// entry on the public record, and every page on the way must be accessible.
/// </summary>
public sealed class DraftingJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Paragraph3 = "Encourages Member States to promote broadband access in rural areas;";
    private const string Paragraph3Amended = "Encourages Member States to promote affordable broadband access in underserved areas;";

    /// <summary>Two preambular paragraphs, five operative ones and a sub-item, as the Chair types them.</summary>
    private const string DraftText = """
        P:Recalling the Tunis Agenda for the Information Society, in particular its paragraphs 69 to 71,

        P:Recognizing that enhanced cooperation enables governments, on an equal footing, to carry out their roles and responsibilities,

        Invites Member States to share experience and good practice on enhanced cooperation;

        Requests relevant organizations to report annually on their progress:

        - in consultation with all stakeholders, in their respective roles;

        Encourages Member States to promote broadband access in rural areas;

        Invites the Secretary-General to support developing countries in this work;

        Decides to review progress at its next session.
        """;

    [Fact]
    public async Task Drafting_AmendmentAcceptedSecondDraftAdoptedByConsensus_ComparedAndOnRecord()
    {
        var body = await app.EstablishBodyAsync(BrowserFixture.UniqueName("Working Group on Enhanced Cooperation"), "WGEC");
        var brazil = await app.AccreditedDelegateAsync(BrowserFixture.UniqueName("Delegate of Brazil"), "BRA");
        var title = BrowserFixture.UniqueName("On operationalizing enhanced cooperation");
        var a11y = new AccessibilityLog();
        await using var chairContext = await app.NewContextAsync(storageState: await app.LoggedInStateAsync(BrowserFixture.SecretariatEmail, BrowserFixture.SecretariatPassword));
        await using var delegateContext = await app.NewContextAsync(storageState: await app.LoggedInStateAsync(brazil.Email, BrowserFixture.Password));
        var chair = await chairContext.NewPageAsync();
        var delegatePage = await delegateContext.NewPageAsync();

        // 1. The Chair goes from the list of documents to the new-draft form; an empty form is refused.
        await chair.GotoAsync("/documents");
        await a11y.CheckAsync(chair);
        await chair.Locator("main a[href='/documents/new']").ClickAsync();
        await Expect(chair).ToHaveURLAsync(Site.PathIs("/documents/new"));
        await chair.SubmitButton().ClickAsync();
        await Expect(chair.ErrorSummary()).ToBeVisibleAsync();
        await Expect(chair).ToHaveURLAsync(Site.PathIs("/documents/new"));
        await a11y.CheckAsync(chair);

        // 2. The Chair circulates the first draft.
        var head = await app.Record.HeadAsync();
        await chair.SelectOptionAsync("#Input_Kind", "opinion");
        await chair.FillAsync("#Input_Title", title);
        await chair.FillAsync("#Input_Symbol", "WTPF-13/16");
        await chair.SelectOptionAsync("#Input_BodyId", body.Id.ToString());
        await chair.FillAsync("#Input_MandateReferences", "Resolution 2 (Rev. Guadalajara, 2010); A/RES/67/195 ¶20");
        await chair.SelectOptionAsync("#Input_Language", "en");
        await chair.FillAsync("#Input_VersionLabel", "first draft");
        await chair.FillAsync("#Text", DraftText);
        await chair.SubmitButton().ClickAsync();
        await Expect(chair).ToHaveURLAsync(new Regex(@"/documents/[0-9a-f-]{36}$"));
        var documentId = new Uri(chair.Url).Segments[^1];
        var drafted = await app.Record.NewEntryAsync(head, "document.drafted", e => (string?)e["entityId"] == documentId);
        Assert.Equal(title, (string?)drafted["payload"]!["title"]);
        await Expect(chair.Locator("h1")).ToHaveTextAsync(title);
        // Numbered as the text said: P1, P2, then 1, 2, 2(a) (shown "a)"), 3, 4, 5.
        await Expect(chair.Locator("#p-P1")).ToContainTextAsync("Recalling the Tunis Agenda");
        await Expect(chair.Locator("#p-P2 .num")).ToHaveTextAsync("P2");
        await Expect(chair.Locator("#p-2-a .num")).ToHaveTextAsync("a)");
        await Expect(chair.Locator("#p-3")).ToContainTextAsync(Paragraph3);
        await Expect(chair.Locator("#p-5")).ToContainTextAsync("Decides to review progress");
        await Expect(chair.Locator("main .paragraph")).ToHaveCountAsync(8);

        // 3. The delegate of Brazil opens the document and proposes to replace paragraph 3.
        var documentPath = $"/documents/{documentId}";
        await delegatePage.GotoAsync(documentPath);
        await Expect(delegatePage.Locator("h1")).ToHaveTextAsync(title);
        await a11y.CheckAsync(delegatePage);
        head = await app.Record.HeadAsync();
        var amend = delegatePage.Locator("main form[action$='handler=Amend']");
        await amend.Locator("#Amend_Paragraph").SelectOptionAsync("3");
        await amend.Locator("#Amend_Action").SelectOptionAsync("replace");
        await amend.Locator("#Amend_Text").FillAsync(Paragraph3Amended);
        await amend.Locator("#Amend_Explanation").FillAsync("Affordability is the barrier most often reported.");
        await amend.Locator("button[type=submit]").ClickAsync();
        await Expect(delegatePage).ToHaveURLAsync(Site.PathIs(documentPath));
        await Expect(delegatePage.Locator("main .notice[role=status]")).ToBeVisibleAsync();
        var proposed = await app.Record.NewEntryAsync(head, "amendment.proposed", e => (string?)e["payload"]!["documentId"] == documentId);
        var amendmentId = (string)proposed["entityId"]!;
        Assert.Equal("3", (string?)proposed["payload"]!["paragraph"]);
        Assert.Equal("replace", (string?)proposed["payload"]!["action"]);
        Assert.Equal(Paragraph3Amended, (string?)proposed["payload"]!["text"]);
        Assert.Equal("BRA", (string?)proposed["payload"]!["memberState"]);
        Assert.Equal($"person/{brazil.Person.Id}", (string?)proposed["actor"]);
        // The proposal shows under the paragraph it amends.
        await Expect(delegatePage.Locator($"#p-3 #amendment-{amendmentId} blockquote")).ToHaveTextAsync(Paragraph3Amended);
        await a11y.CheckAsync(delegatePage);

        // 4. The Chair sees the open amendment under paragraph 3, accepts it with a reason ...
        await chair.GotoAsync(documentPath);
        var amendment = chair.Locator($"#p-3 #amendment-{amendmentId}");
        await Expect(amendment.Locator("form.decide")).ToBeVisibleAsync();
        await a11y.CheckAsync(chair);
        head = await app.Record.HeadAsync();
        await amendment.Locator($"#decide-accept-{amendmentId}").CheckAsync();
        await amendment.Locator($"#reason-{amendmentId}").FillAsync("Supported in the informal consultations.");
        await amendment.Locator("form.decide button[type=submit]").ClickAsync();
        await Expect(chair).ToHaveURLAsync(Site.PathIs(documentPath));
        await Expect(chair.Locator($"#p-3 #amendment-{amendmentId}")).ToHaveCountAsync(0);
        var accepted = await app.Record.NewEntryAsync(head, "amendment.accepted", e => (string?)e["entityId"] == amendmentId);
        Assert.Equal("Supported in the informal consultations.", (string?)accepted["payload"]!["reason"]);
        Assert.Equal($"person/{app.Secretariat.Id}", (string?)accepted["actor"]);

        // ... and circulates the clean second draft, which takes the amendment in.
        head = await app.Record.HeadAsync();
        var circulate = chair.Locator("main form[action$='handler=Circulate']");
        await circulate.Locator("#Circulate_Label").FillAsync("clean second draft");
        await circulate.Locator("button[type=submit]").ClickAsync();
        await Expect(chair).ToHaveURLAsync(Site.PathIs(documentPath));
        var circulated = await app.Record.NewEntryAsync(head, "document.version-circulated", e => (string?)e["entityId"] == documentId);
        var version2 = circulated["payload"]!["version"]!;
        Assert.Equal(2, (int?)version2["number"]);
        Assert.Equal("clean second draft", (string?)version2["label"]);
        Assert.Contains(amendmentId, version2["incorporatedAmendments"]!.AsArray().Select(a => (string?)a));
        await Expect(chair.Locator("#p-3")).ToContainTextAsync(Paragraph3Amended);
        await Expect(chair.Locator("#text")).ToContainTextAsync("clean second draft");

        // 5. The comparison of versions 1 and 2, linked from the table of versions.
        var compareLink = chair.Locator($"main table a[href='/documents/{documentId}/compare?from=1&to=2']");
        await compareLink.ClickAsync();
        await Expect(chair).ToHaveURLAsync(Site.PathIs($"/documents/{documentId}/compare"));
        var changed = chair.Locator("main .paragraph").Filter(new() { Has = chair.Locator(".num", new() { HasTextRegex = new Regex(@"^\s*3\s*$") }) });
        await Expect(changed).ToHaveCountAsync(1);
        var inserted = string.Concat(await changed.Locator("ins").AllTextContentsAsync());
        var deleted = string.Concat(await changed.Locator("del").AllTextContentsAsync());
        Assert.Contains("affordable", inserted);
        Assert.Contains("underserved", inserted);
        Assert.Contains("rural", deleted);
        Assert.DoesNotContain("rural", inserted);
        Assert.DoesNotContain("Encourages", inserted + deleted);
        // Only paragraph 3 changed.
        await Expect(chair.Locator("main .paragraph ins, main .paragraph del")).ToHaveCountAsync(await changed.Locator("ins, del").CountAsync());
        await a11y.CheckAsync(chair);

        // 6. The Chair puts version 2 to the body.
        await chair.GotoAsync(documentPath);
        head = await app.Record.HeadAsync();
        var open = chair.Locator("main form[action$='handler=OpenDecision']");
        await Expect(open.Locator("#Open_BodyId")).ToHaveValueAsync(body.Id.ToString());
        await open.Locator("button[type=submit]").ClickAsync();
        await Expect(chair).ToHaveURLAsync(new Regex(@"/decisions/[0-9a-f-]{36}$"));
        var decisionId = new Uri(chair.Url).Segments[^1];
        var decisionPath = $"/decisions/{decisionId}";
        var opened = await app.Record.NewEntryAsync(head, "decision.opened", e => (string?)e["entityId"] == decisionId);
        Assert.Equal(documentId, (string?)opened["payload"]!["documentId"]);
        Assert.Equal(2, (int?)opened["payload"]!["version"]);
        await a11y.CheckAsync(chair);

        // 7. The delegate of Brazil states "no objection".
        await delegatePage.GotoAsync(decisionPath);
        await a11y.CheckAsync(delegatePage);
        head = await app.Record.HeadAsync();
        var position = delegatePage.Locator("main form[action$='handler=Position']");
        await position.Locator("#position-no-objection").CheckAsync();
        await position.Locator("button[type=submit]").ClickAsync();
        await Expect(delegatePage).ToHaveURLAsync(Site.PathIs(decisionPath));
        var stated = await app.Record.NewEntryAsync(head, "position.stated", e => (string?)e["entityId"] == decisionId);
        Assert.Equal("BRA", (string?)stated["payload"]!["memberState"]);
        Assert.Equal("no-objection", (string?)stated["payload"]!["position"]);
        await Expect(delegatePage.Locator($"main table tr:has(a[href='/people/{brazil.Person.Id}']) th[scope=row]")).ToHaveTextAsync("Brazil");
        await a11y.CheckAsync(delegatePage);

        // 8. The Chair closes the decision: adopted by consensus.
        await chair.GotoAsync(decisionPath);
        head = await app.Record.HeadAsync();
        var close = chair.Locator("main form[action$='handler=Close']");
        await close.Locator("#outcome-adopted-by-consensus").CheckAsync();
        await close.Locator("button[type=submit]").ClickAsync();
        await Expect(chair).ToHaveURLAsync(Site.PathIs(decisionPath));
        var closed = await app.Record.NewEntryAsync(head, "decision.closed", e => (string?)e["entityId"] == decisionId);
        Assert.Equal("adopted-by-consensus", (string?)closed["payload"]!["outcome"]);
        Assert.Equal(documentId, (string?)closed["payload"]!["documentId"]);
        await Expect(chair.Locator("main section:has(> #outcome)")).ToContainTextAsync("adopted by consensus", new() { IgnoreCase = true });
        await Expect(close).ToHaveCountAsync(0);
        await a11y.CheckAsync(chair);

        // The document is adopted: its state says so, and the adopted text can be downloaded.
        await chair.Locator($"main a[href='{documentPath}']").First.ClickAsync();
        await Expect(chair).ToHaveURLAsync(Site.PathIs(documentPath));
        await Expect(chair.Locator("main h1 + p.tag")).ToHaveTextAsync("adopted by consensus", new() { IgnoreCase = true });
        await Expect(chair.Locator($"main a[href^='/api/v1/documents/{documentId}/versions/2/akoma-ntoso']")).ToHaveCountAsync(1);
        await Expect(chair.Locator("main form[action$='handler=Circulate']")).ToHaveCountAsync(0);
        await Expect(chair.Locator($"main a[href='{decisionPath}']")).ToHaveCountAsync(1);

        // 9. The record holds, and holds each step of this negotiation.
        var verification = await app.Record.VerifyAsync();
        Assert.True((bool?)verification["isValid"], $"The record's hash chain does not hold: {verification.ToJsonString()}");
        var entries = await app.Record.EntriesAsync(200);
        AssertOnRecord(entries, "amendment.proposed", amendmentId);
        AssertOnRecord(entries, "amendment.accepted", amendmentId);
        AssertOnRecord(entries, "document.version-circulated", documentId);
        AssertOnRecord(entries, "position.stated", decisionId);
        AssertOnRecord(entries, "decision.closed", decisionId);
        a11y.AssertNoViolations();
    }

    /// <summary>Not an assertion: an Opinion two versions into its negotiation, adopted by
    /// consensus with a reservation, and its closed decision, for a person to look at.</summary>
    [Fact]
    public async Task Screenshots_AdoptedOpinionAndClosedDecision_SavedForReview()
    {
        Directory.CreateDirectory(LanguageTests.ScreenshotFolder);
        var body = await app.EstablishBodyAsync(BrowserFixture.UniqueName("World Telecommunication/ICT Policy Forum"), "WTPF-13");
        var brazil = await app.AccreditedDelegateAsync(BrowserFixture.UniqueName("Delegate of Brazil"), "BRA");
        var kenya = await app.AccreditedDelegateAsync(BrowserFixture.UniqueName("Delegate of Kenya"), "KEN");
        var negotiation = await app.NegotiatedOpinionAsync(body, "Opinion 6 (WTPF-13)", "On supporting operationalizing the enhanced cooperation process", brazil, kenya);
        await app.DecideAsync(negotiation.Open, "merge", "Merged with the Chair's text on consultations.", "Invites Member States and all stakeholders to take part in the open consultations;");
        await app.CirculateAsync(negotiation.Document, "final draft");
        var decision = await app.AdoptedByConsensusAsync(body, negotiation.Document, brazil, kenya);
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        foreach (var (path, name) in new[] { ($"/documents/{negotiation.Document.Id}", "document-opinion"), ($"/decisions/{decision.Id}", "decision-closed") })
        {
            await page.GotoAsync(path);
            await page.ScreenshotAsync(new() { Path = Path.Combine(LanguageTests.ScreenshotFolder, name + ".png") });
            await page.ScreenshotAsync(new() { Path = Path.Combine(LanguageTests.ScreenshotFolder, name + "-full.png"), FullPage = true });
            Assert.True(File.Exists(Path.Combine(LanguageTests.ScreenshotFolder, name + "-full.png")));
        }
    }

    private static void AssertOnRecord(JsonArray entries, string action, string entityId)
        => Assert.True(entries.Any(e => (string?)e!["action"] == action && (string?)e["entityId"] == entityId),
            $"The record has no '{action}' entry for {entityId}. Newest entries:\n" + string.Join('\n', entries.Take(12).Select(e => e!.ToJsonString())));
}
