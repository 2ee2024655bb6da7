using System.Net;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests.Data;

/// <summary>Two app nodes on one database, as behind a load balancer: whatever one node does,
/// the other sees, and their concurrent writes chain into one valid record.</summary>
public sealed class TwoNodesTests(TwoNodesTests.Nodes nodes) : IClassFixture<TwoNodesTests.Nodes>
{
    public sealed class Nodes : IAsyncLifetime
    {
        public EcpFactory A { get; } = new();

        public EcpFactory B { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await A.InitializeAsync();
            B = A.SharingDatabase();
            await B.InitializeAsync();
        }

        public async Task DisposeAsync()
        {
            await B.DisposeAsync();
            await A.DisposeAsync();
        }
    }

    [Fact]
    public async Task Accreditation_ApprovedOnNodeA_VisibleOnNodeB()
    {
        var applicant = await nodes.A.People.RegisteredAsync();
        var secretariat = await nodes.A.People.SecretariatAsync();
        var id = (string)(await (await applicant.Api.PostJsonAsync("/api/v1/accreditations",
            new { kind = "delegate", memberState = "ZAF", motivation = "Appointed." })).ExpectAsync(HttpStatusCode.Created))["id"]!;

        await (await secretariat.Api.PostJsonAsync($"/api/v1/accreditations/{id}/approve", new { })).ExpectAsync(HttpStatusCode.OK);

        using var applicantOnB = nodes.B.CreateClient(applicant.Token);
        var me = await applicantOnB.GetJsonAsync("/api/v1/me");
        Assert.Equal("delegate", (string)me["role"]!);
        Assert.Equal("ZAF", (string)me["memberState"]!);
        var delegation = (await applicantOnB.GetJsonAsync("/api/v1/member-states/ZAF/delegation"))["members"]!.AsArray();
        Assert.Contains(delegation, d => (string)d!["id"]! == applicant.Id.ToString());
    }

    [Fact]
    public async Task LogInCookie_IssuedByNodeA_AcceptedByNodeB()
    {
        var person = await nodes.A.People.RegisteredAsync();
        var (_, cookie) = await nodes.A.People.LogInAsync(person);

        using var browserOnB = nodes.B.CreatePublicClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account");
        request.Headers.Add("Cookie", cookie);
        using var response = await browserOnB.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"GET /account on B answered {(int)response.StatusCode} (location: {response.Headers.Location})");
        Assert.Contains(person.DisplayName, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Writes_ConcurrentOnBothNodes_AllSucceedAndTheRecordHolds()
    {
        var secretariat = await nodes.A.People.SecretariatAsync();
        using var onA = nodes.A.CreateClient(secretariat.Token);
        using var onB = nodes.B.CreateClient(secretariat.Token);
        var before = (long)(await onA.GetJsonAsync("/api/v1/record/verify"))["entriesChecked"]!;
        var run = Guid.NewGuid().ToString("N")[..8];

        var writes = Enumerable.Range(0, 20).SelectMany(i => new[]
        {
            onA.PostJsonAsync("/api/v1/organizations", new { name = $"Node A organization {i} {run}", stakeholderGroup = "civil-society" }),
            onB.PostJsonAsync("/api/v1/organizations", new { name = $"Node B organization {i} {run}", stakeholderGroup = "private-sector" }),
        }).ToList();
        var responses = await Task.WhenAll(writes);

        foreach (var response in responses) await response.ExpectAsync(HttpStatusCode.Created);
        foreach (var node in new[] { onA, onB })
        {
            var verification = await node.GetJsonAsync("/api/v1/record/verify");
            Assert.True((bool)verification["isValid"]!, verification.ToJsonString());
            Assert.Equal(before + 40, (long)verification["entriesChecked"]!);
        }
        var organizations = (await nodes.B.CreatePublicClient().GetJsonAsync("/api/v1/organizations")).AsArray();
        Assert.Equal(40, organizations.Count(o => ((string)o!["name"]!).EndsWith(run, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Contributions_ConcurrentOnBothNodes_NumberedOnceEachAcrossTheNodes()
    {
        var secretariat = await nodes.A.People.SecretariatAsync();
        var body = await (await secretariat.Api.PostJsonAsync("/api/v1/bodies", new
        {
            name = $"Working Group {Guid.NewGuid():N}", acronym = "WG", mandateReference = "A/RES/67/195 ¶20",
            membershipRule = "all-member-states", observerRule = "Open consultation to all stakeholders.",
        })).ExpectAsync(HttpStatusCode.Created);
        var consultation = await (await secretariat.Api.PostJsonAsync("/api/v1/consultations", new
        {
            bodyId = (string)body["id"]!, topic = "Multilingualism online", description = "Two nodes, one numbering.",
            questions = new[] { "What should be done?" }, eligibility = "all-stakeholders",
            opensAt = DateTimeOffset.UtcNow, closesAt = DateTimeOffset.UtcNow.AddDays(1),
        })).ExpectAsync(HttpStatusCode.Created);
        var id = (string)consultation["id"]!;
        await (await secretariat.Api.PostAsync($"/api/v1/consultations/{id}/open", null)).ExpectAsync(HttpStatusCode.OK);
        var stakeholders = new[] { await nodes.A.People.StakeholderAsync(), await nodes.A.People.StakeholderAsync() };

        // Each node has its own writer; the record's lock orders their batches.
        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            using var client = (i % 2 == 0 ? nodes.A : nodes.B).CreateClient(stakeholders[i % 2].Token);
            return await (await client.PostJsonAsync($"/api/v1/consultations/{id}/contributions", new
            {
                language = "en", consentToCite = true, answers = new[] { new { question = 1, text = $"Point {i}." } },
            })).ExpectAsync(HttpStatusCode.Created);
        }));

        Assert.Equal(Enumerable.Range(1, 30), responses.Select(r => (int)r["number"]!).Order());
        Assert.True((bool)(await nodes.B.CreatePublicClient().GetJsonAsync("/api/v1/record/verify"))["isValid"]!);
    }
}
