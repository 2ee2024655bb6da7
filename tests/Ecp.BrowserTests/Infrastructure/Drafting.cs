using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Bodies;
using Ecp.Features.Decisions;
using Ecp.Features.Drafts;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecp.BrowserTests.Infrastructure;

/// <summary>A person the tests can log in as: the account's email, and the person as the
/// database holds them now (role and Member State included, after any approval).</summary>
public sealed record Participant(Person Person, string Email);

/// <summary>
/// Drafts, amendments and decisions made through the real use cases (not the browser): the data
/// the drafting pages need before a test looks at them.
/// </summary>
public static class Drafting
{
    /// <summary>The mandate of the CSTD Working Group on Enhanced Cooperation.</summary>
    public const string Mandate = "A/RES/67/195 ¶20";

    /// <summary>A body every Member State belongs to, so any delegate may state a position.</summary>
    public static Task<Body> EstablishBodyAsync(this BrowserFixture app, string name, string acronym) =>
        app.Server.RunAsync<EstablishBody, Body>(u => u.HandleAsync(Actor.Of(app.Secretariat), new()
        {
            Name = name,
            Acronym = acronym,
            MandateReference = Mandate,
            MembershipRule = "all-member-states",
            ObserverRule = "open to all stakeholders",
        }));

    /// <summary>Signs up, asks to be a delegate of <paramref name="memberState"/> and is approved.</summary>
    public static async Task<Participant> AccreditedDelegateAsync(this BrowserFixture app, string name, string memberState)
    {
        var email = BrowserFixture.UniqueEmail("delegate");
        var person = await app.SignedUpAsync(name, email);
        await app.ApproveAsync(await app.RequestAsDelegateAsync(person, memberState));
        return new Participant(await app.PersonAsync(person.Id), email);
    }

    /// <summary>The person as stored now (the one a use case returned may predate an approval).</summary>
    public static async Task<Person> PersonAsync(this BrowserFixture app, Guid id)
    {
        await using var scope = app.Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().People.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    public static DraftDocument.ParagraphInput Preambular(string text) => new() { Kind = "preambular", Text = text };

    public static DraftDocument.ParagraphInput Operative(string text) => new() { Kind = "operative", Text = text };

    public static DraftDocument.ParagraphInput SubItem(string text) => new() { Kind = "operative", Level = 1, Text = text };

    public static Task<OutcomeDocument> DraftAsync(this BrowserFixture app, Body body, string kind, string title, string symbol,
        params DraftDocument.ParagraphInput[] paragraphs) =>
        app.Server.RunAsync<DraftDocument, OutcomeDocument>(u => u.HandleAsync(Actor.Of(app.Secretariat), new()
        {
            Kind = kind,
            Title = title,
            Symbol = symbol,
            BodyId = body.Id,
            MandateReferences = Mandate,
            Language = "en",
            VersionLabel = "first draft",
            Paragraphs = paragraphs,
        }));

    public static Task<Amendment> ProposeAsync(this BrowserFixture app, Person proponent, OutcomeDocument document, string paragraph,
        string action, string? text, string? explanation = null) =>
        app.Server.RunAsync<ProposeAmendment, Amendment>(u => u.HandleAsync(Actor.Of(proponent), document.Id, new()
        {
            Paragraph = paragraph,
            Action = action,
            Text = text,
            Explanation = explanation,
        }));

    public static Task<Amendment> DecideAsync(this BrowserFixture app, Amendment amendment, string decision, string reason, string? mergedText = null) =>
        app.Server.RunAsync<DecideAmendment, Amendment>(u => u.HandleAsync(Actor.Of(app.Secretariat), amendment.Id, new()
        {
            Decision = decision,
            Reason = reason,
            MergedText = mergedText,
        }));

    public static Task<ParagraphComment> CommentAsync(this BrowserFixture app, Person author, OutcomeDocument document, string paragraph, string text) =>
        app.Server.RunAsync<CommentOnParagraph, ParagraphComment>(u => u.HandleAsync(Actor.Of(author), document.Id, new()
        {
            Paragraph = paragraph,
            Text = text,
        }));

    public static Task<DocumentVersion> CirculateAsync(this BrowserFixture app, OutcomeDocument document, string label) =>
        app.Server.RunAsync<CirculateVersion, DocumentVersion>(u => u.HandleAsync(Actor.Of(app.Secretariat), document.Id, new() { Label = label }));

    public static Task<Decision> OpenDecisionAsync(this BrowserFixture app, OutcomeDocument document, Body body) =>
        app.Server.RunAsync<OpenDecision, Decision>(u => u.HandleAsync(Actor.Of(app.Secretariat), new() { DocumentId = document.Id, BodyId = body.Id }));

    public static Task<FormalPosition> StatePositionAsync(this BrowserFixture app, Person delegatePerson, Decision decision, string position, string? statement = null) =>
        app.Server.RunAsync<StatePosition, FormalPosition>(u => u.HandleAsync(Actor.Of(delegatePerson), decision.Id, new()
        {
            Position = position,
            Statement = statement,
        }));

    public static Task<Decision> CloseDecisionAsync(this BrowserFixture app, Decision decision, string outcome) =>
        app.Server.RunAsync<CloseDecision, Decision>(u => u.HandleAsync(Actor.Of(app.Secretariat), decision.Id, new() { Outcome = outcome }));

    /// <summary>
    /// An Opinion two versions into its negotiation: Brazil's amendment to ¶3 accepted and Kenya's
    /// to ¶4 rejected, both taken into account by the clean second draft; then a comment of Brazil's
    /// on ¶2 and an open amendment of Kenya's to ¶1 of version 2. No decision is open.
    /// </summary>
    public static async Task<Negotiation> NegotiatedOpinionAsync(this BrowserFixture app, Body body, string symbol, string title,
        Participant brazil, Participant kenya)
    {
        var document = await app.DraftAsync(body, "opinion", title, symbol,
            Preambular("Recalling the Tunis Agenda for the Information Society, in particular its paragraphs 69 to 71,"),
            Preambular("Recognizing that enhanced cooperation enables governments, on an equal footing, to carry out their roles and responsibilities,"),
            Operative("Invites Member States to share experience and good practice on enhanced cooperation;"),
            Operative("Requests relevant organizations to report annually on their progress:"),
            SubItem("in consultation with all stakeholders, in their respective roles;"),
            SubItem("with particular attention to developing countries;"),
            Operative("Encourages Member States to promote broadband access in rural areas;"),
            Operative("Invites the Secretary-General to support developing countries in this work;"),
            Operative("Decides to review progress at its next session."));
        var accepted = await app.ProposeAsync(brazil.Person, document, "3", "replace",
            "Encourages Member States to promote affordable broadband access in underserved areas;", "Affordability is the barrier most often reported.");
        var rejected = await app.ProposeAsync(kenya.Person, document, "4", "delete", null, "The Secretary-General has no such mandate.");
        await app.DecideAsync(accepted, "accept", "Supported in the informal consultations.");
        await app.DecideAsync(rejected, "reject", "Several delegations wish to keep the paragraph.");
        await app.CirculateAsync(document, "clean second draft");
        await app.CommentAsync(brazil.Person, document, "2", "The annual reports should be public.");
        var open = await app.ProposeAsync(kenya.Person, document, "1", "insert-after",
            "Invites Member States to take part in the open consultations;", "Consultations are where experience is shared.");
        return new Negotiation(document, accepted, rejected, open);
    }

    /// <summary>Puts the document to a decision, Brazil joins with a reservation and Kenya does not
    /// object, and the Chair closes it as adopted by consensus.</summary>
    public static async Task<Decision> AdoptedByConsensusAsync(this BrowserFixture app, Body body, OutcomeDocument document,
        Participant brazil, Participant kenya)
    {
        var decision = await app.OpenDecisionAsync(document, body);
        await app.StatePositionAsync(brazil.Person, decision, "reservation", "Brazil joins the consensus on the understanding that paragraph 3 creates no new obligation.");
        await app.StatePositionAsync(kenya.Person, decision, "no-objection");
        return await app.CloseDecisionAsync(decision, "adopted-by-consensus");
    }
}

public sealed record Negotiation(OutcomeDocument Document, Amendment Accepted, Amendment Rejected, Amendment Open);
