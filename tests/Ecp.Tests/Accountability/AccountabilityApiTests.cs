using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ecp.Tests.Infrastructure;
using static Ecp.Tests.Infrastructure.Drafting;

namespace Ecp.Tests.Accountability;

/// <summary>Results of adopted outcomes over the API: only from an adopted document, every change on
/// the record with who and why, parents rolling up from their children, a dashboard by body and year.</summary>
public sealed class AccountabilityApiTests(EcpFactory app) : IClassFixture<EcpFactory>
{
    [Fact]
    public async Task Define_OnAdoptedDocument_CreatedOnParagraphOfAdoptedVersionAndOnRecord()
    {
        var document = Id(await app.Drafting.AdoptedDocumentAsync("invites Member States to share experience;", "invites all stakeholders to cooperate."));
        var secretariat = await app.Drafting.ChairAsync();

        var result = await (await secretariat.Api.PostJsonAsync("/api/v1/results", new { documentId = document, paragraph = "2", title = "Stakeholder cooperation", description = "Annual joint workshops." }))
            .ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(("2", 1, "not-started"), ((string)result["paragraph"]!, (int)result["adoptedVersion"]!, (string)result["status"]!));
        Assert.Equal(DateTimeOffset.UtcNow.Year, (int)result["adoptedYear"]!);
        Assert.Equal($"/record?entity=result&entityId={result["id"]}", (string)result["recordHref"]!);
        Assert.Equal(["result.defined"], await app.CreatePublicClient().RecordActionsAsync("result", result["id"]!));
        var tree = await app.CreatePublicClient().GetJsonAsync($"/api/v1/results?document={document}");
        Assert.Equal((string)result["id"]!, (string)Assert.Single(tree.AsArray())!["id"]!);
    }

    [Fact]
    public async Task Define_OnDocumentNotAdopted_409LocalizedAndNothingChanged()
    {
        var document = Id(await app.Drafting.DocumentAsync());
        var secretariat = await app.Drafting.ChairAsync();
        var head = await app.CreatePublicClient().RecordHeadAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/results") { Content = JsonContent.Create(new { documentId = document, title = "Too early" }) };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("fr"));

        var problem = await (await secretariat.Api.SendAsync(request)).ExpectProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("document-not-adopted", (string)problem["code"]!);
        Assert.Contains("adopté par consensus", (string)problem["detail"]!);
        Assert.Equal(head, await app.CreatePublicClient().RecordHeadAsync());
        Assert.Empty((await app.CreatePublicClient().GetJsonAsync($"/api/v1/results?document={document}")).AsArray());
    }

    [Fact]
    public async Task Define_UnknownParagraphOrTooDeep_400()
    {
        var document = Id(await app.Drafting.AdoptedDocumentAsync());
        var secretariat = await app.Drafting.ChairAsync();
        var unknown = await (await secretariat.Api.PostJsonAsync("/api/v1/results", new { documentId = document, paragraph = "99", title = "Nowhere" }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Paragraph", unknown["errors"]!.AsObject().Select(e => e.Key), StringComparer.OrdinalIgnoreCase);

        var parent = (Guid?)null;
        for (var level = 1; level <= 3; level++) parent = Id(await DefineAsync(document, $"Level {level}", parent));
        var tooDeep = await (await secretariat.Api.PostJsonAsync("/api/v1/results", new { documentId = document, title = "Level 4", parentId = parent }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Parent", tooDeep["errors"]!.AsObject().Select(e => e.Key), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Status_NeedsAReason_AndStandsOnTheRecordWithWhoAndWhy()
    {
        var result = Id(await DefineAsync(Id(await app.Drafting.AdoptedDocumentAsync()), "Capacity building"));
        var secretariat = await app.Drafting.ChairAsync();
        var head = await app.CreatePublicClient().RecordHeadAsync();

        var noReason = await (await secretariat.Api.PostJsonAsync($"/api/v1/results/{result}/status", new { status = "in-progress", progress = 30 }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Reason", noReason["errors"]!.AsObject().Select(e => e.Key), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(head, await app.CreatePublicClient().RecordHeadAsync());

        var updated = await (await secretariat.Api.PostJsonAsync($"/api/v1/results/{result}/status", new { status = "delayed", progress = 30, reason = "Funding arrived late." }))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("delayed", 30, 30), ((string)updated["status"]!, (int)updated["ownProgress"]!, (int)updated["progress"]!));
        var entry = (await app.CreatePublicClient().RecordEntriesAsync("result", result))[0]!;
        Assert.Equal("result.status-updated", (string)entry["action"]!);
        Assert.Equal("Funding arrived late.", (string)entry["payload"]!["reason"]!);
        Assert.Equal(("not-started", "delayed"), ((string)entry["payload"]!["before"]!["status"]!, (string)entry["payload"]!["status"]!));
        Assert.Equal($"person/{secretariat.Id}", (string)entry["actor"]!);
    }

    [Fact]
    public async Task ParentProgress_FollowsItsChildren_ByTheStatedRule()
    {
        var document = Id(await app.Drafting.AdoptedDocumentAsync());
        var root = Id(await DefineAsync(document, "Opinion implemented"));
        var a = Id(await DefineAsync(document, "Workshops", root));
        var a1 = Id(await DefineAsync(document, "Regional workshop", a));
        var a2 = Id(await DefineAsync(document, "Global workshop", a));
        var b = Id(await DefineAsync(document, "Toolkit", root));
        var c = Id(await DefineAsync(document, "Abandoned portal", root));

        await StatusAsync(a1, "in-progress", 50);
        await StatusAsync(a2, "completed", 60);
        await StatusAsync(b, "in-progress", 20);
        var view = await StatusAsync(c, "discontinued", 90);

        // a = (50 + 100) / 2 = 75; root = (75 + 20) / 2 = 47.5 → 48, c left out.
        var parent = await app.CreatePublicClient().GetJsonAsync($"/api/v1/results/{root}");
        Assert.Equal(48, (int)parent["progress"]!);
        Assert.Contains("discontinued child is left out", (string)parent["rollUpRule"]!);
        Assert.Equal(75, (int)parent["children"]![0]!["progress"]!);
        Assert.Equal(90, (int)view["progress"]!);

        var secretariat = await app.Drafting.ChairAsync();
        var refused = await (await secretariat.Api.PostJsonAsync($"/api/v1/results/{a}/status", new { status = "in-progress", progress = 10, reason = "Try." }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Progress", refused["errors"]!.AsObject().Select(e => e.Key), StringComparer.OrdinalIgnoreCase);

        await StatusAsync(b, "completed", null);
        Assert.Equal(88, (int)(await app.CreatePublicClient().GetJsonAsync($"/api/v1/results/{root}"))["progress"]!); // (75 + 100) / 2 = 87.5
    }

    [Fact]
    public async Task Milestones_AddedThenDoneOnce_AndImplementersNamed_AllOnTheRecord()
    {
        var result = Id(await DefineAsync(Id(await app.Drafting.AdoptedDocumentAsync()), "Report to CSTD"));
        var secretariat = await app.Drafting.ChairAsync();
        var organization = await app.People.OrganizationAsync(name: $"Internet Society {Guid.NewGuid():N}");

        var withMilestone = await (await secretariat.Api.PostJsonAsync($"/api/v1/results/{result}/milestones", new { title = "Draft report", dueOn = "2027-03-31" }))
            .ExpectAsync(HttpStatusCode.OK);
        var milestone = Assert.Single(withMilestone["milestones"]!.AsArray())!;
        Assert.Equal(("2027-03-31", null), ((string)milestone["dueOn"]!, (string?)milestone["doneOn"]));
        var done = await (await secretariat.Api.PostJsonAsync($"/api/v1/results/{result}/milestones/{milestone["id"]}/done", new { doneOn = "2027-03-15" }))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("2027-03-15", (string)done["milestones"]![0]!["doneOn"]!);
        var again = await secretariat.Api.PostJsonAsync($"/api/v1/results/{result}/milestones/{milestone["id"]}/done", new { });
        Assert.Equal("milestone-done", (string)(await again.ExpectProblemAsync(HttpStatusCode.Conflict))["code"]!);

        var assigned = await (await secretariat.Api.PostJsonAsync($"/api/v1/results/{result}/implementers", new { organizationIds = new[] { organization.Id } }))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.StartsWith("Internet Society", (string)Assert.Single(assigned["implementers"]!.AsArray())!["name"]!);
        var unknown = await secretariat.Api.PostJsonAsync($"/api/v1/results/{result}/implementers", new { organizationIds = new[] { Guid.NewGuid() } });
        await unknown.ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["result.defined", "result.milestone-added", "result.milestone-completed", "result.implementers-assigned"],
            await app.CreatePublicClient().RecordActionsAsync("result", result));
    }

    [Fact]
    public async Task Dashboard_CountsByStatusPerBodyAndYear()
    {
        var body = await app.Drafting.BodyAsync();
        var document = Id(await app.Drafting.DocumentAsync(body, [Operative("invites Member States to report.")]));
        var chair = (await app.Drafting.ChairAsync()).Api;
        var decision = await app.Drafting.DecisionAsync(document);
        await (await chair.PostJsonAsync($"/api/v1/decisions/{Id(decision)}/close", new { outcome = "adopted-by-consensus" })).ExpectAsync(HttpStatusCode.OK);
        var one = Id(await DefineAsync(document, "One"));
        var two = Id(await DefineAsync(document, "Two"));
        await DefineAsync(document, "Three");
        await StatusAsync(one, "completed", null);
        await StatusAsync(two, "completed", null);

        var rows = (await app.CreatePublicClient().GetJsonAsync($"/api/v1/results/dashboard?body={body}")).AsArray();

        var row = Assert.Single(rows)!;
        Assert.Equal((body.ToString(), DateTimeOffset.UtcNow.Year), ((string)row["body"]!["id"]!, (int)row["year"]!));
        Assert.Equal((2, 1, 0, 3), ((int)row["completed"]!, (int)row["notStarted"]!, (int)row["delayed"]!, (int)row["total"]!));
        var completed = (await app.CreatePublicClient().GetJsonAsync($"/api/v1/results?body={body}&status=completed")).AsArray();
        Assert.Equal(2, completed.Count);
    }

    [Fact]
    public async Task Writes_ByNonSecretariat403_ByThePublic401()
    {
        var document = Id(await app.Drafting.AdoptedDocumentAsync());
        var result = Id(await DefineAsync(document, "Guarded"));
        var stakeholder = await app.People.StakeholderAsync();
        var request = new { documentId = document, title = "Not theirs" };

        await (await stakeholder.Api.PostJsonAsync("/api/v1/results", request)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await stakeholder.Api.PostJsonAsync($"/api/v1/results/{result}/status", new { status = "completed", reason = "Mine." })).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await app.CreatePublicClient().PostJsonAsync("/api/v1/results", request)).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(["result.defined"], await app.CreatePublicClient().RecordActionsAsync("result", result));
    }

    private async Task<JsonNode> DefineAsync(Guid document, string title, Guid? parentId = null)
        => await (await (await app.Drafting.ChairAsync()).Api.PostJsonAsync("/api/v1/results", new { documentId = document, title, parentId }))
            .ExpectAsync(HttpStatusCode.Created);

    private async Task<JsonNode> StatusAsync(Guid result, string status, int? progress)
        => await (await (await app.Drafting.ChairAsync()).Api.PostJsonAsync($"/api/v1/results/{result}/status", new { status, progress, reason = "Reported by the implementers." }))
            .ExpectAsync(HttpStatusCode.OK);
}
