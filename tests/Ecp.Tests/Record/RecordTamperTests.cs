using System.Net;
using Ecp.Data;
using Ecp.Features.Record;
using Ecp.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ecp.Tests.Record;

/// <summary>
/// Someone with write access to the database changes the record behind the application's back;
/// the API's verification and the <see cref="RecordVerifier"/> both name the first broken entry.
/// Each test tampers with a database of its own: a record of seven entries.
/// </summary>
public sealed class RecordTamperTests
{
    [Fact]
    public async Task Verify_Untouched_Valid()
    {
        await using var app = await RecordOfSevenAsync();

        var verification = await app.CreatePublicClient().GetJsonAsync("/api/v1/record/verify");

        Assert.True((bool)verification["isValid"]!);
        Assert.Equal(7, (long)verification["entriesChecked"]!);
        var service = await VerifyWithServiceAsync(app);
        Assert.True(service.IsValid);
        Assert.Equal(7, service.EntriesChecked);
    }

    [Fact]
    public async Task Verify_PayloadAltered_BrokenAtThatEntry()
    {
        await using var app = await RecordOfSevenAsync();
        var payload = await PayloadOfAsync(app, 5);

        await SqlAsync(app, $"""UPDATE "RecordEntries" SET "Payload" = {payload.Replace("Organization", "Organisation")} WHERE "Sequence" = 5""");

        await AssertBrokenAsync(app, 5, "hash-mismatch");
    }

    [Fact]
    public async Task Verify_PayloadNoLongerJson_BrokenAtThatEntry()
    {
        await using var app = await RecordOfSevenAsync();
        var payload = await PayloadOfAsync(app, 5);

        // One byte changed can leave a payload that is not JSON at all: still a broken entry, not a crash.
        await SqlAsync(app, $"""UPDATE "RecordEntries" SET "Payload" = {payload[..^1]} WHERE "Sequence" = 5""");

        await AssertBrokenAsync(app, 5, "hash-mismatch");
    }

    [Fact]
    public async Task Verify_MiddleEntryDeleted_BrokenAtTheGap()
    {
        await using var app = await RecordOfSevenAsync();

        await SqlAsync(app, $"""DELETE FROM "RecordEntries" WHERE "Sequence" = 4""");

        await AssertBrokenAsync(app, 4, "sequence-gap");
    }

    [Fact]
    public async Task Verify_ForgedEntryAppendedWithValidHash_CaughtByTheHead()
    {
        await using var app = await RecordOfSevenAsync();
        // A careful forger: the right sequence number, the previous hash, a correct hash of its own.
        var last = await EntryAsync(app, 7);
        var forged = RecordEntry.Chain(8, last.Hash, last.Time, new RecordDraft(
            $"person/{Guid.NewGuid()}", "Forger", "secretariat", "civil-society", "organization.registered", "organization",
            Guid.NewGuid().ToString(), CanonicalJson.Serialize(new { name = "Forged organization" })));
        Assert.Equal(forged.Hash, RecordCanonicalForm.HashOf(forged));

        // "Time" is copied from the last entry so each database keeps its own representation of it.
        await SqlAsync(app, $"""
            INSERT INTO "RecordEntries" ("Sequence","Time","Actor","ActorName","ActorRole","ActorGroup","Action","Entity","EntityId","Payload","PreviousHash","Hash")
            SELECT {forged.Sequence}, "Time", {forged.Actor}, {forged.ActorName}, {forged.ActorRole}, {forged.ActorGroup}, {forged.Action},
                   {forged.Entity}, {forged.EntityId}, {forged.Payload}, {forged.PreviousHash}, {forged.Hash}
            FROM "RecordEntries" WHERE "Sequence" = 7
            """);

        await AssertBrokenAsync(app, 8, "head-mismatch");
    }

    [Fact]
    public async Task Verify_ForgedEntryInsertedInTheMiddle_BrokenAtIt()
    {
        await using var app = await RecordOfSevenAsync();

        // Make room after entry 3 and slip a copy of entry 2 in as entry 4.
        for (var seq = 7L; seq >= 4; seq--)
        {
            await SqlAsync(app, $"""UPDATE "RecordEntries" SET "Sequence" = {seq + 1} WHERE "Sequence" = {seq}""");
        }
        await SqlAsync(app, $"""
            INSERT INTO "RecordEntries" ("Sequence","Time","Actor","ActorName","ActorRole","ActorGroup","Action","Entity","EntityId","Payload","PreviousHash","Hash")
            SELECT 4, "Time", "Actor", "ActorName", "ActorRole", "ActorGroup", "Action", "Entity", "EntityId", "Payload", "PreviousHash", "Hash"
            FROM "RecordEntries" WHERE "Sequence" = 2
            """);

        await AssertBrokenAsync(app, 4, "previous-hash-mismatch");
    }

    [Fact]
    public async Task Verify_TwoEntriesSwapped_BrokenAtTheFirst()
    {
        await using var app = await RecordOfSevenAsync();

        // Through a free sequence number: both are primary keys.
        await SqlAsync(app, $"""UPDATE "RecordEntries" SET "Sequence" = -1 WHERE "Sequence" = 3""");
        await SqlAsync(app, $"""UPDATE "RecordEntries" SET "Sequence" = 3 WHERE "Sequence" = 4""");
        await SqlAsync(app, $"""UPDATE "RecordEntries" SET "Sequence" = 4 WHERE "Sequence" = -1""");

        await AssertBrokenAsync(app, 3, "previous-hash-mismatch");
    }

    [Fact]
    public async Task Verify_LastEntryDeleted_CaughtByTheHead()
    {
        await using var app = await RecordOfSevenAsync();

        await SqlAsync(app, $"""DELETE FROM "RecordEntries" WHERE "Sequence" = 7""");

        await AssertBrokenAsync(app, 7, "head-mismatch");
    }

    [Fact]
    public async Task Verify_TailDeletedAndHeadRewound_StillValidButHeadHashChanged()
    {
        // The limit of a hash chain: whoever rewrites the head as well can truncate unseen. What
        // protects the public then is a head hash published or downloaded before.
        await using var app = await RecordOfSevenAsync();
        var published = (await app.CreatePublicClient().GetJsonAsync("/api/v1/record/verify"))["headHash"]!.GetValue<string>();
        var sixth = await EntryAsync(app, 6);

        await SqlAsync(app, $"""DELETE FROM "RecordEntries" WHERE "Sequence" = 7""");
        await SqlAsync(app, $"""UPDATE "RecordHeads" SET "Sequence" = 6, "Hash" = {sixth.Hash} WHERE "Id" = 1""");

        var verification = await app.CreatePublicClient().GetJsonAsync("/api/v1/record/verify");
        Assert.True((bool)verification["isValid"]!);
        Assert.NotEqual(published, (string)verification["headHash"]!);
    }

    [Fact]
    public async Task Verify_AfterAppends_RecomputesOnlyTheNewEntries()
    {
        await using var app = await RecordOfSevenAsync();
        var first = await app.CreatePublicClient().GetJsonAsync("/api/v1/record/verify");
        Assert.Equal("full", (string?)first["scope"]);
        var secretariat = await app.People.SecretariatAsync();
        await (await secretariat.Api.PostJsonAsync("/api/v1/organizations",
            new { name = $"Organization 8 {Guid.NewGuid():N}", stakeholderGroup = "civil-society" })).ExpectAsync(HttpStatusCode.Created);

        var head = await app.CreatePublicClient().RecordHeadAsync();

        var second = await app.CreatePublicClient().GetJsonAsync("/api/v1/record/verify");

        Assert.True((bool)second["isValid"]!);
        Assert.Equal("incremental", (string?)second["scope"]);
        Assert.Equal(8, (long)second["recomputedFrom"]!);
        Assert.Equal(head, (long)second["entriesChecked"]!);
    }

    [Fact]
    public async Task Verify_CheckpointEntryRewritten_CaughtAtOnce()
    {
        await using var app = await RecordOfSevenAsync();
        Assert.True((bool)(await app.CreatePublicClient().GetJsonAsync("/api/v1/record/verify"))["isValid"]!);
        var payload = await PayloadOfAsync(app, 7);

        await SqlAsync(app, $"""UPDATE "RecordEntries" SET "Payload" = {payload.Replace("Organization", "Organisation")} WHERE "Sequence" = 7""");

        await AssertBrokenAsync(app, 7, "hash-mismatch");
    }

    [Fact]
    public async Task Verify_TamperBelowTheCheckpoint_PublicCheckCatchesItAtTheNextFullCheck()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await RecordOfSevenAsync(clock);
        Assert.True((bool)(await app.CreatePublicClient().GetJsonAsync("/api/v1/record/verify"))["isValid"]!);
        var payload = await PayloadOfAsync(app, 3);

        await SqlAsync(app, $"""UPDATE "RecordEntries" SET "Payload" = {payload.Replace("Organization", "Organisation")} WHERE "Sequence" = 3""");

        // Below this node's checkpoint: the cheap public answer does not look there (it says so) ...
        var incremental = await app.CreatePublicClient().GetJsonAsync("/api/v1/record/verify");
        Assert.True((bool)incremental["isValid"]!);
        Assert.Equal("incremental", (string?)incremental["scope"]);
        // ... the operator's full check does, at once ...
        var service = await VerifyWithServiceAsync(app);
        Assert.Equal((false, 3L, "hash-mismatch"), (service.IsValid, service.FirstBrokenSequence, service.Problem));
        // ... and so does the public one once its next full check is due.
        clock.Advance(IncrementalRecordVerifier.FullCheckEvery);
        await AssertBrokenAsync(app, 3, "hash-mismatch");
    }

    /// <summary>A fresh database whose record holds seven entries: a secretariat member appointed
    /// (two entries) who registers five organizations over the API.</summary>
    private static async Task<EcpFactory> RecordOfSevenAsync(TimeProvider? clock = null)
    {
        var app = new EcpFactory { Clock = clock };
        await app.InitializeAsync();
        var secretariat = await app.People.SecretariatAsync();
        for (var i = 1; i <= 5; i++)
        {
            await (await secretariat.Api.PostJsonAsync("/api/v1/organizations",
                new { name = $"Organization {i} {Guid.NewGuid():N}", stakeholderGroup = "civil-society" })).ExpectAsync(HttpStatusCode.Created);
        }
        Assert.Equal(7, await app.CreatePublicClient().RecordHeadAsync());
        return app;
    }

    private static async Task AssertBrokenAsync(EcpFactory app, long at, string problem)
    {
        var response = await app.CreatePublicClient().GetAsync("/api/v1/record/verify");
        var api = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.False((bool)api["isValid"]!, api.ToJsonString());
        Assert.Equal(at, (long?)api["firstBrokenSequence"]);
        Assert.Equal(problem, (string?)api["problem"]);

        var service = await VerifyWithServiceAsync(app);
        Assert.False(service.IsValid);
        Assert.Equal(at, service.FirstBrokenSequence);
        Assert.Equal(problem, service.Problem);
    }

    private static async Task<RecordVerification> VerifyWithServiceAsync(EcpFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecordVerifier>().VerifyAsync();
    }

    private static async Task<RecordEntry> EntryAsync(EcpFactory app, long sequence)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().RecordEntries.AsNoTracking().SingleAsync(e => e.Sequence == sequence);
    }

    private static async Task<string> PayloadOfAsync(EcpFactory app, long sequence)
    {
        var payload = (await EntryAsync(app, sequence)).Payload;
        Assert.Contains("Organization", payload);
        return payload;
    }

    /// <summary>Raw SQL on the test database; the interpolated values become parameters.</summary>
    private static async Task SqlAsync(EcpFactory app, FormattableString sql)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var changed = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlAsync(sql);
        Assert.True(changed > 0, $"The tampering changed no row: {sql.Format}");
    }
}
