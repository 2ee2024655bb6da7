using System.Net;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests.Consultations;

/// <summary>
/// The same change sent several times at once - a double click, a retry, two secretariat members,
/// two app nodes - takes effect once: one success, the others a 409 conflict (never a 500), and
/// one entry on the record.
/// </summary>
public sealed class ConcurrentWritesTests(EcpFactory app) : IClassFixture<EcpFactory>
{
    private const int Copies = 8;

    [Fact]
    public async Task Approve_SameRequestConcurrently_OnceOnlyOthers409()
    {
        var pending = await app.People.PendingAccreditationAsync("GHA");
        var secretariat = await app.People.SecretariatAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, Copies)
            .Select(_ => secretariat.Api.PostJsonAsync($"/api/v1/accreditations/{pending.Id}/approve", new { })));

        AssertOneWinner(responses);
        await AssertDecisionEntriesAsync(pending.Id, 1);
    }

    [Fact]
    public async Task Decide_ApproveAndRejectConcurrently_OnlyOneDecisionStands()
    {
        var pending = await app.People.PendingAccreditationAsync("SEN");
        var secretariat = await app.People.SecretariatAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, Copies).Select(i => secretariat.Api.PostJsonAsync(
            $"/api/v1/accreditations/{pending.Id}/{(i % 2 == 0 ? "approve" : "reject")}", new { reason = "Concurrent decision." })));

        AssertOneWinner(responses);
        await AssertDecisionEntriesAsync(pending.Id, 1);
    }

    [Fact]
    public async Task Request_SamePersonConcurrently_OnePendingOthers409()
    {
        var applicant = await app.People.RegisteredAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, Copies).Select(_ => applicant.Api.PostJsonAsync("/api/v1/accreditations",
            new { kind = "delegate", memberState = "MEX", motivation = "Double-clicked." })));

        AssertOneWinner(responses);
        Assert.Single((await applicant.Api.GetJsonAsync("/api/v1/accreditations")).AsArray());
    }

    [Fact]
    public async Task RegisterOrganization_SameNameConcurrently_OneCreatedOthers409()
    {
        var secretariat = await app.People.SecretariatAsync();
        var name = $"Twice registered {Guid.NewGuid():N}";

        var responses = await Task.WhenAll(Enumerable.Range(0, Copies).Select(_ =>
            secretariat.Api.PostJsonAsync("/api/v1/organizations", new { name, stakeholderGroup = "civil-society" })));

        AssertOneWinner(responses);
        var page = await app.CreatePublicClient().GetJsonAsync($"/api/v1/record?actor={secretariat.RecordReference}");
        Assert.Single(page["entries"]!.AsArray());
    }

    private static void AssertOneWinner(HttpResponseMessage[] responses)
    {
        var statuses = responses.Select(r => (int)r.StatusCode).OrderBy(s => s).ToList();
        Assert.True(statuses.Count(s => s is >= 200 and < 300) == 1 && statuses.Count(s => s == 409) == Copies - 1,
            "Expected one success and the rest 409, got " + string.Join(", ", statuses));
    }

    private async Task AssertDecisionEntriesAsync(Guid accreditationId, int expected)
    {
        var client = app.CreatePublicClient();
        var entries = (await client.GetJsonAsync($"/api/v1/record?entity=accreditation&entityId={accreditationId}"))["entries"]!.AsArray();
        Assert.Equal(expected, entries.Count(e => (string)e!["action"]! is "accreditation.approved" or "accreditation.rejected"));
        Assert.True((bool)(await client.GetJsonAsync("/api/v1/record/verify"))["isValid"]!);
    }
}
