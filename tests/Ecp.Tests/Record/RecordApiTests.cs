using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests.Record;

/// <summary>The public record: every change appends, anyone can page, filter, download and verify it.</summary>
public sealed class RecordApiTests(EcpFactory app) : IClassFixture<EcpFactory>
{
    [Fact]
    public async Task Record_AccreditationApproved_EntriesAppendedForRequestAndApproval()
    {
        var pending = await app.People.PendingAccreditationAsync("PER");
        var secretariat = await app.People.SecretariatAsync();
        var before = await secretariat.Api.RecordHeadAsync();

        await (await secretariat.Api.PostJsonAsync($"/api/v1/accreditations/{pending.Id}/approve", new { note = "Welcome." })).ExpectAsync(HttpStatusCode.OK);

        var page = await app.CreatePublicClient().GetJsonAsync($"/api/v1/record?entity=accreditation&entityId={pending.Id}");
        var entries = page["entries"]!.AsArray();
        Assert.Equal(["accreditation.approved", "accreditation.requested"], entries.Select(e => (string)e!["action"]!).ToArray());
        var approved = entries[0]!;
        Assert.Equal(before + 1, (long)approved["seq"]!);
        Assert.Equal(secretariat.RecordReference, (string)approved["actor"]!);
        Assert.Equal("secretariat", (string)approved["actorRole"]!);
        Assert.Equal("PER", (string)approved["payload"]!["memberState"]!);
        Assert.Equal("delegate", (string)approved["payload"]!["kind"]!);
        Assert.Equal(before + 1, (long)page["headSequence"]!);
        Assert.Equal((string)approved["hash"]!, (string)page["headHash"]!);
    }

    [Fact]
    public async Task Record_MotivationOfRequest_OnlyItsHashIsPublic()
    {
        var applicant = await app.People.RegisteredAsync();
        const string motivation = "My private reasons, for the secretariat only.";
        var id = (string)(await (await applicant.Api.PostJsonAsync("/api/v1/accreditations", new { kind = "delegate", memberState = "NOR", motivation }))
            .ExpectAsync(HttpStatusCode.Created))["id"]!;

        var entry = (await app.CreatePublicClient().GetJsonAsync($"/api/v1/record?entity=accreditation&entityId={id}"))["entries"]![0]!;

        Assert.DoesNotContain(motivation, entry.ToJsonString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(motivation))), (string)entry["payload"]!["motivationSha256"]!);
    }

    [Fact]
    public async Task Record_PagedWithBefore_NewestFirstWithoutGapsOrRepeats()
    {
        for (var i = 0; i < 5; i++) await app.People.OrganizationAsync();
        var client = app.CreatePublicClient();
        var head = await client.RecordHeadAsync();

        var seen = new List<long>();
        string url = "/api/v1/record?limit=3";
        while (true)
        {
            var page = await client.GetJsonAsync(url);
            var seqs = page["entries"]!.AsArray().Select(e => (long)e!["seq"]!).ToList();
            Assert.InRange(seqs.Count, 1, 3);
            Assert.Equal(seqs.OrderDescending(), seqs);
            seen.AddRange(seqs);
            if (page["nextBefore"] is not JsonValue next) break;
            Assert.Equal(seqs[^1], (long)next);
            url = $"/api/v1/record?limit=3&before={(long)next}";
        }

        Assert.Equal(Enumerable.Range(1, (int)head).Select(i => (long)i).Reverse(), seen.Where(s => s <= head));
    }

    [Fact]
    public async Task Record_FilteredByEntityOrActor_OnlyMatchingEntries()
    {
        var secretariat = await app.People.SecretariatAsync();
        var created = await (await secretariat.Api.PostJsonAsync("/api/v1/organizations",
            new { name = $"Filter organization {Guid.NewGuid():N}", stakeholderGroup = "private-sector" })).ExpectAsync(HttpStatusCode.Created);
        await app.People.RegisteredAsync(); // an entry by someone else, of another entity
        var client = app.CreatePublicClient();

        var byEntity = (await client.GetJsonAsync("/api/v1/record?entity=organization&limit=200"))["entries"]!.AsArray();
        var byActor = (await client.GetJsonAsync($"/api/v1/record?actor={secretariat.RecordReference}&limit=200"))["entries"]!.AsArray();

        Assert.NotEmpty(byEntity);
        Assert.All(byEntity, e => Assert.Equal("organization", (string)e!["entity"]!));
        Assert.Contains(byEntity, e => (string)e!["entityId"]! == (string)created["id"]!);
        var mine = Assert.Single(byActor);
        Assert.Equal("organization.registered", (string)mine!["action"]!);
        Assert.Equal((string)created["name"]!, (string)mine["payload"]!["name"]!);
    }

    [Fact]
    public async Task Verify_UntouchedRecord_Valid()
    {
        await app.People.DelegateAsync("JPN");
        var client = app.CreatePublicClient();
        var head = await client.GetJsonAsync("/api/v1/record?limit=1");

        var verification = await client.GetJsonAsync("/api/v1/record/verify");

        Assert.True((bool)verification["isValid"]!, verification.ToJsonString());
        Assert.Equal((long)head["headSequence"]!, (long)verification["entriesChecked"]!);
        Assert.Equal((string)head["headHash"]!, (string)verification["headHash"]!);
        Assert.Null(verification["firstBrokenSequence"]);
        Assert.Null(verification["problem"]);
    }

    [Fact]
    public async Task Download_WholeRecord_OneCanonicalLinePerEntryEachHashingToItsHash()
    {
        await app.People.StakeholderAsync();
        await app.People.OrganizationAsync(name: $"Ассоциация «Сеть» — 中文 — عربي \"quoted\" \\ tab\t {Guid.NewGuid():N}");
        var client = app.CreatePublicClient();
        var head = await client.GetJsonAsync("/api/v1/record?limit=1");

        var response = await client.GetAsync("/api/v1/record/download");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.False(bytes.Take(3).SequenceEqual(new byte[] { 0xEF, 0xBB, 0xBF }), "no byte-order mark");
        var text = Encoding.UTF8.GetString(bytes);
        Assert.EndsWith("\n", text);
        var lines = text.TrimEnd('\n').Split('\n');
        Assert.Equal((long)head["headSequence"]!, lines.Length);
        var previous = new string('0', 64);
        for (var i = 0; i < lines.Length; i++)
        {
            var entry = JsonNode.Parse(lines[i])!.AsObject();
            var hash = (string)entry["hash"]!;
            Assert.Equal(i + 1, (long)entry["seq"]!);
            Assert.Equal(previous, (string)entry["prev"]!);
            // Keys are sorted and "hash" sits between "entityId" and "payload": the canonical form
            // without it is the line with that one member cut out.
            var member = $"\"hash\":\"{hash}\",";
            var withoutHash = lines[i].Replace(member, "", StringComparison.Ordinal);
            Assert.Equal(lines[i].Length - member.Length, withoutHash.Length);
            Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(withoutHash))));
            previous = hash;
        }
        Assert.Equal((string)head["headHash"]!, previous);
        Assert.Contains("Ассоциация «Сеть» — 中文 — عربي \\\"quoted\\\" \\\\ tab\\t", text);
    }
}
