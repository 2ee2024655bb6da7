using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Ecp.Tests.Infrastructure;
using static Ecp.Tests.Infrastructure.Drafting;

namespace Ecp.Tests.Issues;

/// <summary>The issue map over the API: the taxonomy, mappings by accepted proposal, the spread of
/// ¶69 assessments by group (one voice per State), merges that keep every old id working.</summary>
public sealed class IssueMapApiTests(EcpFactory app) : IClassFixture<EcpFactory>
{
    [Fact]
    public async Task Map_ReferenceTaxonomy_SevenClustersThirtyNineIssuesNamedInEveryLanguage()
    {
        var map = await app.CreatePublicClient().GetJsonAsync("/api/v1/issues?state=all");

        var clusters = map["clusters"]!.AsArray();
        Assert.Equal(["infrastructure", "security", "human-rights", "legal", "economic", "development", "sociocultural"],
            clusters.Select(c => (string)c!["code"]!).ToArray());
        Assert.True(clusters.Sum(c => c!["issues"]!.AsArray().Count) >= 39);
        var arabic = app.CreatePublicClient();
        arabic.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("ar"));
        var issue = await arabic.GetJsonAsync("/api/v1/issues/net-neutrality");
        Assert.Equal(("حياد الشبكة", "ar"), ((string)issue["name"]!["text"]!, (string)issue["name"]!["language"]!));
        Assert.Equal(6, issue["names"]!.AsObject().Count);
        Assert.False((bool)issue["translation"]!["official"]!);
    }

    [Fact]
    public async Task Uncovered_IssueWithNothingMapped_ListedAsGapUntilAMappingIsAccepted()
    {
        var issue = await NewIssueAsync("Quantum networking");
        var uncovered = await UncoveredAsync();
        Assert.Contains(issue, uncovered);

        var proposer = await app.People.StakeholderAsync(group: "technical-academic");
        var organization = await app.People.OrganizationAsync(group: "technical-academic", name: "Quantum Internet Alliance");
        var proposal = await (await proposer.Api.PostJsonAsync($"/api/v1/issues/{issue}/mapping-proposals", new
        {
            kind = "organization",
            organizationId = organization.Id,
            statusNote = "Runs a research programme on quantum repeaters.",
            gaps = new[] { "research", "capacity" },
            reason = "They publish the only open roadmap.",
        })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("pending", (string)proposal["state"]!);
        Assert.Contains(issue, await UncoveredAsync());

        var secretariat = await app.People.SecretariatAsync();
        var decided = await (await secretariat.Api.PostJsonAsync($"/api/v1/issues/{issue}/mapping-proposals/{proposal["id"]}/decision",
            new { decision = "accept", reason = "Verified on their site." })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("accepted", "Verified on their site."), ((string)decided["state"]!, (string)decided["decisionReason"]!));

        Assert.DoesNotContain(issue, await UncoveredAsync());
        var view = await app.CreatePublicClient().GetJsonAsync($"/api/v1/issues/{issue}");
        var mapping = Assert.Single(view["mappings"]!.AsArray())!;
        Assert.Equal(("Quantum Internet Alliance", "organization"), ((string)mapping["organizationName"]!, (string)mapping["kind"]!));
        Assert.Equal(["capacity", "research"], view["gaps"]!.AsArray().Select(g => (string)g!).ToArray());
        var capacityGaps = await app.CreatePublicClient().GetJsonAsync("/api/v1/issues?gap=capacity");
        Assert.Contains(issue, Codes(capacityGaps));
        Assert.Equal(["issue.added", "mapping-proposal.made", "mapping-proposal.accepted"], await app.CreatePublicClient().RecordActionsAsync("issue", issue));
    }

    [Fact]
    public async Task Proposal_RejectedWithReason_MapUnchangedDecisionOnRecord()
    {
        var issue = await NewIssueAsync("Satellite broadband");
        var proposer = await app.People.StakeholderAsync();
        var proposal = await (await proposer.Api.PostJsonAsync($"/api/v1/issues/{issue}/mapping-proposals", new
        {
            kind = "external",
            title = "A blog post",
            url = "https://example.org/post",
            reason = "It mentions satellites.",
        })).ExpectAsync(HttpStatusCode.Created);
        var secretariat = await app.People.SecretariatAsync();

        await (await secretariat.Api.PostJsonAsync($"/api/v1/issues/{issue}/mapping-proposals/{proposal["id"]}/decision",
            new { decision = "reject", reason = "Not an instrument." })).ExpectAsync(HttpStatusCode.OK);
        var again = await secretariat.Api.PostJsonAsync($"/api/v1/issues/{issue}/mapping-proposals/{proposal["id"]}/decision",
            new { decision = "accept", reason = "Changed my mind." });

        Assert.Equal("proposal-decided", (string)(await again.ExpectProblemAsync(HttpStatusCode.Conflict))["code"]!);
        Assert.Empty((await app.CreatePublicClient().GetJsonAsync($"/api/v1/issues/{issue}"))["mappings"]!.AsArray());
        var rejected = (await app.CreatePublicClient().RecordEntriesAsync("issue", issue))[0]!;
        Assert.Equal(("mapping-proposal.rejected", "Not an instrument."), ((string)rejected["action"]!, (string)rejected["payload"]!["reason"]!));
    }

    [Fact]
    public async Task Scope_TenDelegatesOfOneState_OneVoiceTheLastStands()
    {
        var issue = await NewIssueAsync("Undersea cables");
        var delegates = new List<TestPerson>();
        for (var i = 0; i < 10; i++) delegates.Add(await app.People.DelegateAsync("KEN"));

        foreach (var (person, i) in delegates.Select((p, i) => (p, i)))
        {
            await (await person.Api.PostJsonAsync($"/api/v1/issues/{issue}/scope-assessments", new
            {
                scope = i == 9 ? "national-public-policy" : "international-public-policy",
                reason = $"Delegate {i} speaking for Kenya.",
            })).ExpectAsync(HttpStatusCode.OK);
        }

        var government = Distribution(await app.CreatePublicClient().GetJsonAsync($"/api/v1/issues/{issue}"), "government");
        Assert.Equal((0, 1, 0), government);
        var standing = await app.CreatePublicClient().GetJsonAsync($"/api/v1/issues/{issue}/scope-assessments");
        var kenya = Assert.Single(standing.AsArray())!;
        Assert.Equal(("KEN", "Kenya", "Delegate 9 speaking for Kenya."), ((string)kenya["memberState"]!, (string)kenya["memberStateName"]!, (string)kenya["reason"]!));
        var history = await app.CreatePublicClient().GetJsonAsync($"/api/v1/issues/{issue}/scope-assessments?history=true");
        Assert.Equal(10, history.AsArray().Count);
        Assert.Equal(10, (await app.CreatePublicClient().RecordActionsAsync("issue", issue)).Count(a => a == "scope-assessment.recorded"));
    }

    [Fact]
    public async Task Scope_PersonChangesTheirAssessment_CountsOnceHistoryOnRecord()
    {
        var issue = await NewIssueAsync("Algorithmic ranking");
        var person = await app.People.StakeholderAsync(group: "civil-society");
        var other = await app.People.StakeholderAsync(group: "private-sector");

        var first = await (await person.Api.PostJsonAsync($"/api/v1/issues/{issue}/scope-assessments",
            new { scope = "technical-operational", reason = "A matter for platforms." })).ExpectAsync(HttpStatusCode.OK);
        await (await person.Api.PostJsonAsync($"/api/v1/issues/{issue}/scope-assessments",
            new { scope = "international-public-policy", reason = "It shapes public debate across borders." })).ExpectAsync(HttpStatusCode.OK);
        await (await other.Api.PostJsonAsync($"/api/v1/issues/{issue}/scope-assessments",
            new { scope = "technical-operational", reason = "Product design." })).ExpectAsync(HttpStatusCode.OK);

        var view = await app.CreatePublicClient().GetJsonAsync($"/api/v1/issues/{issue}");
        Assert.Equal((1, 0, 0), Distribution(view, "civil-society"));
        Assert.Equal((0, 0, 1), Distribution(view, "private-sector"));
        Assert.Equal((0, 0, 0), Distribution(view, "government"));
        // One row per stakeholder group, each with its own counts; no figure across groups.
        Assert.Equal(6, view["scope"]!.AsArray().Count);
        Assert.All(view["scope"]!.AsArray(), g => Assert.Equal(["stakeholderGroup", "internationalPublicPolicy", "nationalPublicPolicy", "technicalOperational", "voices"],
            g!.AsObject().Select(p => p.Key).ToArray()));
        var entries = await app.CreatePublicClient().RecordEntriesAsync("issue", issue);
        var changed = entries.Skip(1).First()!["payload"]!;
        Assert.Equal(("international-public-policy", (string)first["id"]!), ((string)changed["scope"]!, (string)changed["replaces"]!));
    }

    [Theory]
    [InlineData("en", "Choose whether")]
    [InlineData("fr", "Choisissez si")]
    public async Task Scope_InvalidAnswer_400LocalizedNothingChanged(string language, string start)
    {
        var issue = await NewIssueAsync($"Spectrum {language}");
        var person = await app.People.StakeholderAsync();
        person.Api.DefaultRequestHeaders.AcceptLanguage.Clear();
        person.Api.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        var head = await app.CreatePublicClient().RecordHeadAsync();

        var problem = await (await person.Api.PostJsonAsync($"/api/v1/issues/{issue}/scope-assessments",
            new { scope = "global", reason = "" })).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.StartsWith(start, (string)problem["errors"]!["scope"]![0]!);
        Assert.NotNull(problem["errors"]!["reason"]);
        Assert.Equal(head, await app.CreatePublicClient().RecordHeadAsync());
    }

    [Fact]
    public async Task Scope_BySecretariatOrPublic_RefusedNoVoiceWithoutAGroup()
    {
        var secretariat = await app.People.SecretariatAsync();
        var body = new { scope = "national-public-policy", reason = "Mine." };

        await (await secretariat.Api.PostJsonAsync("/api/v1/issues/taxation/scope-assessments", body)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await app.CreatePublicClient().PostJsonAsync("/api/v1/issues/taxation/scope-assessments", body)).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await (await (await app.People.StakeholderAsync()).Api.PostJsonAsync("/api/v1/issues/no-such-issue/scope-assessments", body)).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Merge_OldIdAndLinksResolve_MappingsAndAssessmentsMove()
    {
        var from = await NewIssueAsync("Web accessibility");
        var into = await NewIssueAsync("Digital accessibility");
        var secretariat = await app.People.SecretariatAsync();
        var person = await app.People.StakeholderAsync(group: "civil-society");
        var delegatePerson = await app.People.DelegateAsync("NOR");
        await MapExternalAsync(from, "WCAG 2.1", "https://www.w3.org/TR/WCAG21/");
        await MapExternalAsync(into, "CRPD article 9", "https://www.ohchr.org/en/crpd");
        await (await person.Api.PostJsonAsync($"/api/v1/issues/{into}/scope-assessments", new { scope = "national-public-policy", reason = "Earlier." })).ExpectAsync(HttpStatusCode.OK);
        await (await person.Api.PostJsonAsync($"/api/v1/issues/{from}/scope-assessments", new { scope = "international-public-policy", reason = "Later." })).ExpectAsync(HttpStatusCode.OK);
        await (await delegatePerson.Api.PostJsonAsync($"/api/v1/issues/{from}/scope-assessments", new { scope = "international-public-policy", reason = "Norway." })).ExpectAsync(HttpStatusCode.OK);
        var consultation = await app.Drafting.DocumentAsync("The accessibility paragraph.");
        await (await secretariat.Api.PostJsonAsync($"/api/v1/issues/{from}/tags", new { subject = "document", subjectId = Id(consultation) })).ExpectAsync(HttpStatusCode.OK);

        var merged = await (await secretariat.Api.PostJsonAsync($"/api/v1/issues/{from}/merge", new { into, reason = "One issue, two names." })).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(into, (string)merged["code"]!);
        var redirect = await app.CreatePublicClient().GetAsync($"/api/v1/issues/{from}");
        Assert.Equal(HttpStatusCode.PermanentRedirect, redirect.StatusCode);
        Assert.Equal($"/api/v1/issues/{into}", redirect.Headers.Location!.OriginalString);
        var page = await app.CreatePublicClient().GetAsync($"/issues/{from}");
        Assert.Equal(HttpStatusCode.MovedPermanently, page.StatusCode);
        Assert.Equal($"/issues/{into}", page.Headers.Location!.OriginalString);
        var view = await app.CreatePublicClient().GetJsonAsync($"/api/v1/issues/{into}");
        Assert.Equal(["CRPD article 9", "WCAG 2.1"], view["mappings"]!.AsArray().Select(m => (string)m!["title"]!).Order().ToArray());
        Assert.Equal((1, 0, 0), Distribution(view, "civil-society"));
        Assert.Equal((1, 0, 0), Distribution(view, "government"));
        Assert.Equal(Id(consultation).ToString(), (string)Assert.Single(view["tagged"]!.AsArray())!["subjectId"]!);
        Assert.Single((await app.CreatePublicClient().GetJsonAsync($"/api/v1/issues/{from}/scope-assessments?group=civil-society")).AsArray());
        Assert.Equal("issue.merged", (await app.CreatePublicClient().RecordActionsAsync("issue", from))[^1]);
        var again = await secretariat.Api.PostJsonAsync($"/api/v1/issues/{from}/retire", new { reason = "Twice." });
        Assert.Equal("issue-not-active", (string)(await again.ExpectProblemAsync(HttpStatusCode.Conflict))["code"]!);
        var merges = await app.CreatePublicClient().GetJsonAsync("/api/v1/issues?state=merged");
        Assert.Contains(from, Codes(merges));
    }

    [Fact]
    public async Task Rename_KeepsCodeNewNamesOnRecordWithTheOldOnes()
    {
        var issue = await NewIssueAsync("Data flows");
        var secretariat = await app.People.SecretariatAsync();

        var view = await (await secretariat.Api.PostJsonAsync($"/api/v1/issues/{issue}/names",
            new { names = new { en = "Cross-border data flows", fr = "Flux transfrontières de données" } })).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal((issue, "Cross-border data flows"), ((string)view["code"]!, (string)view["names"]!["en"]!));
        Assert.Equal("Flux transfrontières de données", (string)view["names"]!["fr"]!);
        var renamed = (await app.CreatePublicClient().RecordEntriesAsync("issue", issue))[0]!["payload"]!;
        Assert.Equal("Data flows", (string)renamed["before"]!["en"]!);
    }

    [Fact]
    public async Task Retire_IssueLeavesTheMapPageStaysNoNewAssessment()
    {
        var issue = await NewIssueAsync("Fax machines");
        var secretariat = await app.People.SecretariatAsync();

        await (await secretariat.Api.PostJsonAsync($"/api/v1/issues/{issue}/retire", new { reason = "No longer an Internet issue." })).ExpectAsync(HttpStatusCode.OK);

        Assert.DoesNotContain(issue, Codes(await app.CreatePublicClient().GetJsonAsync("/api/v1/issues")));
        Assert.Equal("retired", (string)(await app.CreatePublicClient().GetJsonAsync($"/api/v1/issues/{issue}"))["state"]!);
        var late = await (await app.People.StakeholderAsync()).Api.PostJsonAsync($"/api/v1/issues/{issue}/scope-assessments", new { scope = "technical-operational", reason = "Late." });
        await late.ExpectProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Tags_DocumentTaggedListedOnTheIssueAndUntagKeepsTheRecord()
    {
        var issue = await NewIssueAsync("Open standards");
        var secretariat = await app.People.SecretariatAsync();
        var document = Id(await app.Drafting.DocumentAsync("Open standards matter."));

        var tagged = await (await secretariat.Api.PostJsonAsync($"/api/v1/issues/{issue}/tags", new { subject = "document", subjectId = document })).ExpectAsync(HttpStatusCode.OK);
        var tag = Assert.Single(tagged["tagged"]!.AsArray())!;
        var twice = await secretariat.Api.PostJsonAsync($"/api/v1/issues/{issue}/tags", new { subject = "document", subjectId = document });
        await twice.ExpectProblemAsync(HttpStatusCode.Conflict);
        var stakeholder = await app.People.StakeholderAsync();
        await (await stakeholder.Api.PostJsonAsync($"/api/v1/issues/{issue}/tags", new { subject = "document", subjectId = document })).ExpectProblemAsync(HttpStatusCode.Forbidden);
        var page = await app.CreatePublicClient().GetStringAsync($"/documents/{document}");
        Assert.Contains($"href=\"/issues/{issue}\"", page);

        var untagged = await (await secretariat.Api.PostJsonAsync($"/api/v1/issues/{issue}/tags/{tag["id"]}/remove", new { })).ExpectAsync(HttpStatusCode.OK);

        Assert.Empty(untagged["tagged"]!.AsArray());
        Assert.Equal(["issue.added", "issue-tag.added", "issue-tag.removed"], await app.CreatePublicClient().RecordActionsAsync("issue", issue));
    }

    private async Task<string> NewIssueAsync(string englishName)
    {
        var secretariat = await app.People.SecretariatAsync();
        var code = $"{englishName.ToLowerInvariant().Replace(' ', '-')}-{Guid.NewGuid():N}"[..(englishName.Length + 9)];
        var added = await (await secretariat.Api.PostJsonAsync("/api/v1/issues", new { cluster = "infrastructure", code, names = new { en = englishName } }))
            .ExpectAsync(HttpStatusCode.Created);
        return (string)added["code"]!;
    }

    private async Task MapExternalAsync(string issue, string title, string url)
    {
        var secretariat = await app.People.SecretariatAsync();
        var proposal = await (await secretariat.Api.PostJsonAsync($"/api/v1/issues/{issue}/mapping-proposals",
            new { kind = "external", title, url, gaps = new[] { "implementation" }, reason = "Reference instrument." })).ExpectAsync(HttpStatusCode.Created);
        await (await secretariat.Api.PostJsonAsync($"/api/v1/issues/{issue}/mapping-proposals/{proposal["id"]}/decision",
            new { decision = "accept", reason = "Agreed." })).ExpectAsync(HttpStatusCode.OK);
    }

    private async Task<string[]> UncoveredAsync() => Codes(await app.CreatePublicClient().GetJsonAsync("/api/v1/issues?uncovered=true"));

    private static string[] Codes(JsonNode map)
        => map["clusters"]!.AsArray().SelectMany(c => c!["issues"]!.AsArray()).Select(i => (string)i!["code"]!).ToArray();

    private static (int International, int National, int Technical) Distribution(JsonNode issue, string group)
    {
        var g = issue["scope"]!.AsArray().Single(d => (string)d!["stakeholderGroup"]! == group)!;
        return ((int)g["internationalPublicPolicy"]!, (int)g["nationalPublicPolicy"]!, (int)g["technicalOperational"]!);
    }
}
