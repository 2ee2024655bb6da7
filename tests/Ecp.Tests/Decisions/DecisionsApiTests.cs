using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Ecp.Resources;
using Ecp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using static Ecp.Tests.Infrastructure.Drafting;

namespace Ecp.Tests.Decisions;

/// <summary>Decisions over the API: one voice per Member State, advisory views apart, consensus at the close.</summary>
public sealed class DecisionsApiTests(EcpFactory app) : IClassFixture<EcpFactory>
{
    [Fact]
    public async Task Position_SecondDelegateOfSameState_ReplacesTheFirstHistoryKeepsBoth()
    {
        var decisionId = Id(await app.Drafting.DecisionAsync());
        var first = await app.People.DelegateAsync("ARG");
        var second = await app.People.DelegateAsync("ARG");

        await (await first.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/positions", new { position = "no-objection" })).ExpectAsync(HttpStatusCode.OK);
        var view = await (await second.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/positions",
            new { position = "reservation", statement = "Argentina joins with a reservation on paragraph 2." })).ExpectAsync(HttpStatusCode.OK);

        var group = Assert.Single(view["positionsByRegionalGroup"]!.AsArray())!;
        Assert.Equal("latin-american-caribbean", (string)group["regionalGroup"]!);
        var standing = Assert.Single(group["positions"]!.AsArray())!;
        Assert.Equal(("ARG", "Argentina", "reservation", second.DisplayName), ((string)standing["memberState"]!, (string)standing["memberStateName"]!,
            (string)standing["position"]!, (string)standing["delegateName"]!));
        Assert.Null(standing["supersededAt"]);
        Assert.Equal([(first.DisplayName, "no-objection", true), (second.DisplayName, "reservation", false)],
            view["history"]!.AsArray().Select(p => ((string)p!["delegateName"]!, (string)p["position"]!, p["supersededAt"] is not null)).ToArray());
        Assert.Equal("ARG", (string)Assert.Single(view["reservations"]!.AsArray())!["memberState"]!);
        var entries = await app.CreatePublicClient().RecordEntriesAsync("decision", decisionId);
        var replaced = entries[0]!["payload"]!;
        Assert.Equal("reservation", (string)replaced["position"]!);
        Assert.Equal((string)view["history"]![0]!["id"]!, (string)replaced["replaces"]!);
    }

    [Fact]
    public async Task AdvisoryView_ByStakeholderOpposing_ShownUnderItsGroupNotInPositions()
    {
        var decisionId = Id(await app.Drafting.DecisionAsync());
        var stakeholder = await app.People.StakeholderAsync(group: "private-sector");
        var reporter = await app.People.ReporterAsync();

        await (await stakeholder.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/advisory-views",
            new { stance = "oppose", text = "Industry was not consulted." })).ExpectAsync(HttpStatusCode.OK);
        var view = await (await reporter.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/advisory-views",
            new { stance = "concerns", text = "The reporting template needs work." })).ExpectAsync(HttpStatusCode.OK);

        Assert.Empty(view["positionsByRegionalGroup"]!.AsArray());
        Assert.Empty(view["history"]!.AsArray());
        var groups = view["advisoryViews"]!.AsArray().ToDictionary(g => (string)g!["stakeholderGroup"]!, g => g!["views"]!.AsArray());
        Assert.Equal(["private-sector", "technical-academic"], groups.Keys.Order(StringComparer.Ordinal).ToArray());
        var opposing = Assert.Single(groups["private-sector"])!;
        Assert.Equal(("oppose", "Industry was not consulted.", stakeholder.DisplayName),
            ((string)opposing["stance"]!, (string)opposing["text"]!, (string)opposing["authorName"]!));
        Assert.Equal("concerns", (string)Assert.Single(groups["technical-academic"])!["stance"]!);
        Assert.Equal(["decision.opened", "advisory-view.stated", "advisory-view.stated"], await app.CreatePublicClient().RecordActionsAsync("decision", decisionId));
    }

    [Fact]
    public async Task AdvisoryView_ByDelegate_403()
    {
        var decisionId = Id(await app.Drafting.DecisionAsync());
        var delegatePerson = await app.People.DelegateAsync("CHN");

        var response = await delegatePerson.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/advisory-views", new { stance = "support", text = "We support." });

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task Position_ByStakeholder_403WithDetailInCallersLanguage(string language)
    {
        var decisionId = Id(await app.Drafting.DecisionAsync());
        var stakeholder = await app.People.StakeholderAsync();
        var head = await stakeholder.Api.RecordHeadAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/decisions/{decisionId}/positions")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { position = "objection", statement = "Civil society objects." }),
        };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));

        var problem = await (await stakeholder.Api.SendAsync(request)).ExpectProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("forbidden", (string)problem["code"]!);
        Assert.Equal(Localized("Decision.OnlyDelegates", language), (string)problem["detail"]!);
        Assert.Equal(Localized("Problem.Title.403", language), (string)problem["title"]!);
        Assert.Equal(head, await stakeholder.Api.RecordHeadAsync());
    }

    [Fact]
    public async Task Position_StateNotAMemberOfTheBody_403AndNothingRecorded()
    {
        var bodyId = await app.Drafting.BodyAsync("BRA", "KEN");
        var document = await app.Drafting.DocumentAsync(bodyId, [Operative("invites all stakeholders to cooperate.")]);
        var decisionId = Id(await app.Drafting.DecisionAsync(Id(document)));
        var norway = await app.People.DelegateAsync("NOR");
        var head = await norway.Api.RecordHeadAsync();

        var response = await norway.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/positions", new { position = "support" });

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(head, await norway.Api.RecordHeadAsync());
    }

    [Fact]
    public async Task Decision_OfListedBody_MembersWithoutPositionShownByRegionalGroup()
    {
        var bodyId = await app.Drafting.BodyAsync("BRA", "MEX", "KEN", "SWE");
        var document = await app.Drafting.DocumentAsync(bodyId, [Operative("invites all stakeholders to cooperate.")]);
        var decisionId = Id(await app.Drafting.DecisionAsync(Id(document)));
        var brazil = await app.People.DelegateAsync("BRA");

        var view = await (await brazil.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/positions", new { position = "support" })).ExpectAsync(HttpStatusCode.OK);

        var groups = view["positionsByRegionalGroup"]!.AsArray().ToDictionary(g => (string)g!["regionalGroup"]!, g => g!);
        Assert.Equal(["african", "latin-american-caribbean", "western-european-other"], groups.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["Mexico"], groups["latin-american-caribbean"]["membersWithoutPosition"]!.AsArray().Select(n => (string)n!).ToArray());
        Assert.Equal("BRA", (string)Assert.Single(groups["latin-american-caribbean"]["positions"]!.AsArray())!["memberState"]!);
        Assert.Equal(["Kenya"], groups["african"]["membersWithoutPosition"]!.AsArray().Select(n => (string)n!).ToArray());
        Assert.Equal("listed-member-states", (string)view["membershipRule"]!);
    }

    [Theory]
    [InlineData("objection")]
    [InlineData("reservation")]
    public async Task Position_ObjectionOrReservationWithoutStatement_400ErrorsStatement(string position)
    {
        var decisionId = Id(await app.Drafting.DecisionAsync());
        var delegatePerson = await app.People.DelegateAsync("RUS");

        var response = await delegatePerson.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/positions", new { position });

        Assert.NotNull((await response.ExpectProblemAsync(HttpStatusCode.BadRequest))["errors"]!["statement"]);
    }

    [Fact]
    public async Task Position_UnknownKind_400()
    {
        var decisionId = Id(await app.Drafting.DecisionAsync());
        var delegatePerson = await app.People.DelegateAsync("RUS");

        var response = await delegatePerson.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/positions", new { position = "abstain" });

        Assert.NotNull((await response.ExpectProblemAsync(HttpStatusCode.BadRequest))["errors"]!["position"]);
    }

    [Fact]
    public async Task Close_ByDelegate_403AndDecisionStaysOpen()
    {
        var decisionId = Id(await app.Drafting.DecisionAsync());
        var delegatePerson = await app.People.DelegateAsync("BRA");
        await (await delegatePerson.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/positions", new { position = "support" })).ExpectAsync(HttpStatusCode.OK);

        var response = await delegatePerson.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/close", new { outcome = "adopted-by-consensus" });

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Null((await app.CreatePublicClient().GetJsonAsync($"/api/v1/decisions/{decisionId}"))["outcome"]);
    }

    [Fact]
    public async Task Close_AdoptedWhileObjectionStands_409ObjectionStandsAndDecisionStaysOpen()
    {
        var document = await app.Drafting.DocumentAsync();
        var decisionId = Id(await app.Drafting.DecisionAsync(Id(document)));
        var brazil = await app.People.DelegateAsync("BRA");
        var usa = await app.People.DelegateAsync("USA");
        await (await brazil.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/positions", new { position = "support" })).ExpectAsync(HttpStatusCode.OK);
        await (await usa.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/positions",
            new { position = "objection", statement = "The text would alter the balance of respective roles." })).ExpectAsync(HttpStatusCode.OK);
        var chair = await app.Drafting.ChairAsync();
        var head = await chair.Api.RecordHeadAsync();

        var response = await chair.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/close", new { outcome = "adopted-by-consensus" });

        Assert.Equal("objection-stands", (string)(await response.ExpectProblemAsync(HttpStatusCode.Conflict))["code"]!);
        Assert.Equal(head, await chair.Api.RecordHeadAsync());
        var decision = await chair.Api.GetJsonAsync($"/api/v1/decisions/{decisionId}");
        Assert.Null(decision["outcome"]);
        Assert.Null(decision["closedAt"]);
        Assert.Equal("USA", (string)Assert.Single(decision["objections"]!.AsArray())!["memberState"]!);
        Assert.Equal("negotiating", (string)(await chair.Api.GetJsonAsync($"/api/v1/documents/{Id(document)}"))["state"]!);
        // Positions are still taken: the United States may withdraw its objection.
        await (await usa.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/positions", new { position = "no-objection" })).ExpectAsync(HttpStatusCode.OK);
        await (await chair.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/close", new { outcome = "adopted-by-consensus" })).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Close_NotAdoptedDivergentViews_DocumentNotAdoptedWithTheObjectionsShown()
    {
        var document = await app.Drafting.DocumentAsync();
        var decisionId = Id(await app.Drafting.DecisionAsync(Id(document)));
        var france = await app.People.DelegateAsync("FRA");
        await (await france.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/positions",
            new { position = "objection", statement = "Not ripe for consensus." })).ExpectAsync(HttpStatusCode.OK);
        var chair = await app.Drafting.ChairAsync();

        var closed = await (await chair.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/close", new { outcome = "not-adopted-divergent-views" })).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("not-adopted-divergent-views", (string)closed["outcome"]!);
        Assert.Equal("Not ripe for consensus.", (string)Assert.Single(closed["objections"]!.AsArray())!["statement"]!);
        Assert.Equal("not-adopted-divergent-views", (string)(await chair.Api.GetJsonAsync($"/api/v1/documents/{Id(document)}"))["state"]!);
        var entry = (await chair.Api.RecordEntriesAsync("decision", decisionId))[0]!;
        Assert.Equal("decision.closed", (string)entry["action"]!);
        Assert.Equal("FRA", (string)entry["payload"]!["objections"]![0]!["memberState"]!);
    }

    [Fact]
    public async Task Close_NotAdoptedWithoutObjection_409()
    {
        var decisionId = Id(await app.Drafting.DecisionAsync());
        var chair = await app.Drafting.ChairAsync();

        var response = await chair.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/close", new { outcome = "not-adopted-divergent-views" });

        Assert.Equal("no-objection", (string)(await response.ExpectProblemAsync(HttpStatusCode.Conflict))["code"]!);
    }

    [Fact]
    public async Task Close_Withdrawn_DocumentWithdrawnAndPositionsRefused()
    {
        var document = await app.Drafting.DocumentAsync();
        var decisionId = Id(await app.Drafting.DecisionAsync(Id(document)));
        var chair = await app.Drafting.ChairAsync();
        var brazil = await app.People.DelegateAsync("BRA");

        await (await chair.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/close", new { outcome = "withdrawn" })).ExpectAsync(HttpStatusCode.OK);
        var late = await brazil.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/positions", new { position = "support" });
        var again = await chair.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/close", new { outcome = "adopted-by-consensus" });
        var reopen = await chair.Api.PostJsonAsync("/api/v1/decisions", new { documentId = Id(document) });

        Assert.Equal("withdrawn", (string)(await chair.Api.GetJsonAsync($"/api/v1/documents/{Id(document)}"))["state"]!);
        Assert.Equal("decision-closed", (string)(await late.ExpectProblemAsync(HttpStatusCode.Conflict))["code"]!);
        Assert.Equal("decision-closed", (string)(await again.ExpectProblemAsync(HttpStatusCode.Conflict))["code"]!);
        Assert.Equal("document-closed", (string)(await reopen.ExpectProblemAsync(HttpStatusCode.Conflict))["code"]!);
    }

    [Fact]
    public async Task Close_UnknownOutcome_400()
    {
        var decisionId = Id(await app.Drafting.DecisionAsync());
        var chair = await app.Drafting.ChairAsync();

        var response = await chair.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/close", new { outcome = "adopted-by-vote" });

        Assert.NotNull((await response.ExpectProblemAsync(HttpStatusCode.BadRequest))["errors"]!["outcome"]);
    }

    [Fact]
    public async Task Open_WhileAnotherIsOpen_409DecisionOpen()
    {
        var document = await app.Drafting.DocumentAsync();
        await app.Drafting.DecisionAsync(Id(document));
        var chair = await app.Drafting.ChairAsync();

        var response = await chair.Api.PostJsonAsync("/api/v1/decisions", new { documentId = Id(document) });

        Assert.Equal("decision-open", (string)(await response.ExpectProblemAsync(HttpStatusCode.Conflict))["code"]!);
    }

    [Fact]
    public async Task Open_DocumentWithoutBodyNorBodyGiven_400()
    {
        var document = await app.Drafting.DocumentAsync(null, [Operative("invites all.")]);
        var chair = await app.Drafting.ChairAsync();

        var response = await chair.Api.PostJsonAsync("/api/v1/decisions", new { documentId = Id(document) });

        Assert.NotNull((await response.ExpectProblemAsync(HttpStatusCode.BadRequest))["errors"]!["bodyId"]);
    }

    [Fact]
    public async Task Decision_Unknown_404()
    {
        var response = await app.CreatePublicClient().GetAsync($"/api/v1/decisions/{Guid.NewGuid()}");

        await response.ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Position_EightDelegatesOfOneStateAtOnce_OneStandsEveryOneInHistory()
    {
        var decisionId = Id(await app.Drafting.DecisionAsync());
        var delegates = new List<TestPerson>();
        for (var i = 0; i < 8; i++) delegates.Add(await app.People.DelegateAsync("IND"));

        var responses = await Task.WhenAll(delegates.Select((d, i) => d.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/positions",
            new { position = i % 2 == 0 ? "support" : "no-objection" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var view = await app.CreatePublicClient().GetJsonAsync($"/api/v1/decisions/{decisionId}");
        Assert.Single(view["positionsByRegionalGroup"]!.AsArray().SelectMany(g => g!["positions"]!.AsArray()));
        var history = view["history"]!.AsArray();
        Assert.Equal(8, history.Count);
        Assert.Single(history, p => p!["supersededAt"] is null);
        Assert.Equal(8, (await app.CreatePublicClient().RecordActionsAsync("decision", decisionId)).Count(a => a == "position.stated"));
    }

    [Fact]
    public async Task Close_SameDecisionAtOnce_OnceOnlyOthers409()
    {
        var decisionId = Id(await app.Drafting.DecisionAsync());
        var chair = await app.Drafting.ChairAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => chair.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/close",
            new { outcome = i % 2 == 0 ? "adopted-by-consensus" : "withdrawn" })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Single(await app.CreatePublicClient().RecordActionsAsync("decision", decisionId), a => a == "decision.closed");
    }

    [Fact]
    public async Task Open_SameDocumentAtOnce_OneDecisionOthers409()
    {
        var document = await app.Drafting.DocumentAsync();
        var chair = await app.Drafting.ChairAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => chair.Api.PostJsonAsync("/api/v1/decisions", new { documentId = Id(document) })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Single((await chair.Api.GetJsonAsync($"/api/v1/documents/{Id(document)}"))["decisions"]!.AsArray());
    }

    /// <summary>What the application's own resources say for the key in that language.</summary>
    private string Localized(string key, string language)
    {
        var localizer = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            var value = localizer[key];
            Assert.False(value.ResourceNotFound, $"No resource {key}.");
            return value.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
