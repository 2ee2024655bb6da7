using System.Net;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests;

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
        var delegation = (await nodes.B.CreatePublicClient().GetJsonAsync("/api/v1/member-states/ZAF/delegation")).AsArray();
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
}
