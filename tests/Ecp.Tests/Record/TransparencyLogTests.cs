using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Ecp.Data;
using Ecp.Features.Record;
using Ecp.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;

namespace Ecp.Tests.Record;

/// <summary>
/// The record as a transparency log (RFC 9162 tree, C2SP signed checkpoints): an entry can be proven
/// in it, a later record proven to extend an earlier one, and a monitor outside the platform notices a
/// history rewritten and re-signed, or cut short. docs/verify-record.py agrees on all of it.
/// </summary>
public sealed class TransparencyLogTests
{
    // ------------------------------------------------------------------ the tree, against RFC 9162 ---

    private static byte[][] Leaves(int n) => Enumerable.Range(0, n).Select(i => MerkleTree.LeafHash(Encoding.UTF8.GetBytes($"entry {i}"))).ToArray();

    /// <summary>MTH of RFC 9162 2.1.1, written as the RFC writes it.</summary>
    private static byte[] Mth(ReadOnlySpan<byte[]> d)
    {
        if (d.Length == 0) return MerkleTree.EmptyRoot();
        if (d.Length == 1) return d[0];
        var k = 1;
        while (k * 2 < d.Length) k *= 2;
        return MerkleTree.NodeHash(Mth(d[..k]), Mth(d[k..]));
    }

    /// <summary>PATH of RFC 9162 2.1.3.1.</summary>
    private static List<byte[]> Path(int m, ReadOnlySpan<byte[]> d)
    {
        if (d.Length <= 1) return [];
        var k = 1;
        while (k * 2 < d.Length) k *= 2;
        return m < k ? [.. Path(m, d[..k]), Mth(d[k..])] : [.. Path(m - k, d[k..]), Mth(d[..k])];
    }

    /// <summary>SUBPROOF of RFC 9162 2.1.4.1.</summary>
    private static List<byte[]> SubProof(int m, ReadOnlySpan<byte[]> d, bool whole)
    {
        if (m == d.Length) return whole ? [] : [Mth(d)];
        var k = 1;
        while (k * 2 < d.Length) k *= 2;
        return m <= k ? [.. SubProof(m, d[..k], whole), Mth(d[k..])] : [.. SubProof(m - k, d[k..], false), Mth(d[..k])];
    }

    private static byte[] Node(byte[][] leaves, TreeNode node)
        => Mth(leaves.AsSpan((int)(node.Index << node.Level), 1 << node.Level));

    [Fact]
    public void Proofs_EveryLeafAndEverySizeUpTo40_AreTheRfcsAndVerify()
    {
        var leaves = Leaves(40);
        for (var n = 1; n <= leaves.Length; n++)
        {
            var tree = leaves[..n];
            var root = MerkleTree.HashOf(new TreeRange(0, n), node => Node(leaves, node));
            Assert.Equal(Mth(tree), root);
            for (var m = 0; m < n; m++)
            {
                var path = MerkleTree.InclusionRanges(m, n).Select(r => MerkleTree.HashOf(r, node => Node(leaves, node))).ToList();
                Assert.Equal(Path(m, tree), path);
                Assert.True(MerkleTree.VerifyInclusion(m, n, leaves[m], path, root));
                if (n > 1) Assert.False(MerkleTree.VerifyInclusion(m, n, leaves[(m + 1) % n], path, root));
            }
            for (var m = 1; m <= n; m++)
            {
                var proof = MerkleTree.ConsistencyRanges(m, n).Select(r => MerkleTree.HashOf(r, node => Node(leaves, node))).ToList();
                Assert.Equal(m == n ? [] : SubProof(m, tree, true), proof);
                Assert.True(MerkleTree.VerifyConsistency(m, n, Mth(leaves[..m]), root, proof));
                if (m < n) Assert.False(MerkleTree.VerifyConsistency(m, n, Mth(Leaves(41)[1..(m + 1)]), root, proof));
            }
        }
    }

    [Fact]
    public void SignedNote_VerifiesWithItsKeyAndNotWithAnother()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        using var other = Key.Create(SignatureAlgorithm.Ed25519);
        var text = SignedNote.CheckpointText("ecp.test/record", 12, MerkleTree.EmptyRoot());
        var note = SignedNote.Sign(text, "ecp.test/record", key);

        Assert.Equal(text, SignedNote.Open(note, SignedNote.VerifierKey("ecp.test/record", key.PublicKey.Export(KeyBlobFormat.RawPublicKey))));
        Assert.Null(SignedNote.Open(note, SignedNote.VerifierKey("ecp.test/record", other.PublicKey.Export(KeyBlobFormat.RawPublicKey))));
        Assert.Null(SignedNote.Open(note.Replace("\n12\n", "\n13\n", StringComparison.Ordinal), SignedNote.VerifierKey("ecp.test/record", key.PublicKey.Export(KeyBlobFormat.RawPublicKey))));
        Assert.Matches(@"^ecp\.test/record\n12\n[A-Za-z0-9+/=]{44}\n\n\u2014 ecp\.test/record [A-Za-z0-9+/=]+\n$", note);
    }

    // ----------------------------------------------------------------------------- through the API ---

    [Fact]
    public async Task InclusionProof_OfEveryEntry_VerifiesAgainstTheSignedCheckpoint_AndNotAfterAByteChanged()
    {
        await using var app = new EcpFactory();
        await app.InitializeAsync();
        await app.People.OrganizationAsync(name: "Ассоциация «Сеть» — 中文 — عربي");
        var checkpoint = await SignAsync(app);
        var key = await VerifierKeyAsync(app);
        var text = SignedNote.Open((string)checkpoint["note"]!, key);
        Assert.NotNull(text);
        var (_, size, root) = SignedNote.ParseCheckpoint(text)!.Value;
        var lines = await DownloadLinesAsync(app);
        Assert.Equal(lines.Length, size);

        for (var entry = 1; entry <= size; entry++)
        {
            var proof = await app.CreatePublicClient().GetJsonAsync($"/api/v1/record/proof/inclusion?entry={entry}&size={size}");
            var path = proof["path"]!.AsArray().Select(h => Convert.FromBase64String((string)h!)).ToList();
            var leaf = MerkleTree.LeafHash(Encoding.UTF8.GetBytes(lines[entry - 1]));
            Assert.True(MerkleTree.VerifyInclusion(entry - 1, size, leaf, path, root), $"entry {entry}");
            var changed = Encoding.UTF8.GetBytes(lines[entry - 1]);
            changed[^3] ^= 0x01;
            Assert.False(MerkleTree.VerifyInclusion(entry - 1, size, MerkleTree.LeafHash(changed), path, root));
        }
    }

    [Fact]
    public async Task ConsistencyProof_BetweenTwoCheckpoints_Verifies_AndBothAreKept()
    {
        await using var app = new EcpFactory();
        await app.InitializeAsync();
        var first = await SignAsync(app);
        await app.People.OrganizationAsync();
        await app.People.DelegateAsync("EGY");
        var second = await SignAsync(app);
        long from = (long)first["size"]!, to = (long)second["size"]!;
        Assert.True(to > from);

        var proof = await app.CreatePublicClient().GetJsonAsync($"/api/v1/record/proof/consistency?from={from}&to={to}");
        Assert.True(MerkleTree.VerifyConsistency(from, to, Convert.FromBase64String((string)first["rootHash"]!), Convert.FromBase64String((string)second["rootHash"]!),
            proof["proof"]!.AsArray().Select(h => Convert.FromBase64String((string)h!)).ToList()));
        Assert.Equal((string)first["note"]!, (string)(await app.CreatePublicClient().GetJsonAsync($"/api/v1/record/checkpoints/{from}"))["note"]!);
        Assert.Equal((string)second["note"]!, (string)(await app.CreatePublicClient().GetJsonAsync("/api/v1/record/checkpoint"))["note"]!);
        // Nothing added since: the same checkpoint, not a second one of the same size.
        Assert.Equal((string)second["note"]!, (string)(await SignAsync(app))["note"]!);
    }

    [Fact]
    public async Task Proofs_OutOfRange_RefusedWithAReason()
    {
        await using var app = new EcpFactory();
        await app.InitializeAsync();
        var client = app.CreatePublicClient();
        await (await client.GetAsync("/api/v1/record/checkpoint")).ExpectProblemAsync(HttpStatusCode.NotFound);
        var size = (long)(await SignAsync(app))["size"]!;

        await (await client.GetAsync($"/api/v1/record/proof/inclusion?entry={size + 1}&size={size}")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync($"/api/v1/record/proof/inclusion?entry=1&size={size + 5}")).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await client.GetAsync($"/api/v1/record/proof/consistency?from=0&to={size}")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync($"/api/v1/record/proof/consistency?from={size}&to=1")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/api/v1/record/checkpoints/999999")).ExpectProblemAsync(HttpStatusCode.NotFound);
        var refused = await (await client.GetAsync("/api/v1/record/proof/inclusion?entry=1&size=99999&culture=fr")).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.DoesNotContain("Record.", (string)refused["detail"]!);
    }

    [Fact]
    public async Task Follower_CatchesUpWithTheRecord_AndSignsACheckpointWhenDue()
    {
        await using var app = new EcpFactory();
        await app.InitializeAsync();
        await app.People.OrganizationAsync();
        var follower = app.Services.GetRequiredService<RecordTreeFollower>();

        var signed = await follower.RunOnceAsync();

        Assert.NotNull(signed);
        Assert.Equal(await app.CreatePublicClient().RecordHeadAsync(), signed.Size);
        Assert.Null(await follower.RunOnceAsync()); // nothing new: nothing written
    }

    // ------------------------------------------------------------------------------- the monitor ---

    [Fact]
    public async Task Monitor_RecordOnlyGrew_Ok_ThenRewrittenAndResigned_Forked()
    {
        await using var app = new EcpFactory();
        await app.InitializeAsync();
        var state = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ecp-monitor-{Guid.NewGuid():N}.json");
        try
        {
            await app.People.OrganizationAsync();
            await SignAsync(app);
            var platform = app.CreatePublicClient();
            Assert.True((await RecordMonitor.CheckAsync(platform, state, null)).Holds);
            await app.People.OrganizationAsync();
            await SignAsync(app);
            var grew = await RecordMonitor.CheckAsync(platform, state, null);
            Assert.True(grew.Holds, grew.Message);

            // The platform rewrites an old entry, rebuilds its tree, throws its checkpoints away and signs anew.
            await RewriteHistoryAsync(app, db => db.RecordEntries.Where(e => e.Sequence == 2).ExecuteUpdateAsync(s => s.SetProperty(e => e.Payload, "{\"rewritten\":true}")));
            await app.People.OrganizationAsync();
            await SignAsync(app);

            var forked = await RecordMonitor.CheckAsync(platform, state, null);
            Assert.Equal("forked", forked.Problem);
        }
        finally
        {
            File.Delete(state);
        }
    }

    [Fact]
    public async Task Monitor_RecordTruncatedAndResigned_Shrank_AndAnotherKey_BadSignature()
    {
        await using var app = new EcpFactory();
        await app.InitializeAsync();
        var state = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ecp-monitor-{Guid.NewGuid():N}.json");
        try
        {
            await app.People.OrganizationAsync();
            await app.People.OrganizationAsync();
            var size = (long)(await SignAsync(app))["size"]!;
            Assert.True((await RecordMonitor.CheckAsync(app.CreatePublicClient(), state, null)).Holds);

            await RewriteHistoryAsync(app, async db =>
            {
                var kept = size - 2;
                await db.RecordEntries.Where(e => e.Sequence > kept).ExecuteDeleteAsync();
                var last = await db.RecordEntries.SingleAsync(e => e.Sequence == kept);
                await db.RecordHeads.ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, kept).SetProperty(h => h.Hash, last.Hash));
            });
            await SignAsync(app);

            var shrank = await RecordMonitor.CheckAsync(app.CreatePublicClient(), state, null);
            Assert.Equal("shrank", shrank.Problem);

            using var other = Key.Create(SignatureAlgorithm.Ed25519);
            var stranger = SignedNote.VerifierKey("ecp.local/record", other.PublicKey.Export(KeyBlobFormat.RawPublicKey));
            var refused = await RecordMonitor.CheckAsync(app.CreatePublicClient(), state + ".other", stranger);
            Assert.Equal("bad-signature", refused.Problem);
        }
        finally
        {
            File.Delete(state);
        }
    }

    [Fact]
    public async Task MonitorCommand_UnreachablePlatformOrNoState_ExitsNonZero()
    {
        var state = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ecp-monitor-{Guid.NewGuid():N}.json");
        Assert.NotEqual(0, await Ecp.Features.Cli.EcpCli.RunAsync(["monitor", "--url", "http://127.0.0.1:9", "--state", state]));
        Assert.False(File.Exists(state));
        Assert.NotEqual(0, await Ecp.Features.Cli.EcpCli.RunAsync(["monitor", "--url", "http://127.0.0.1:9"]));
        Assert.NotEqual(0, await Ecp.Features.Cli.EcpCli.RunAsync(["monitor", "--url", "not a url", "--state", state]));
    }

    // ----------------------------------------------------------------- the independent verifier ---

    [Fact]
    public async Task PythonVerifier_AgreesOnSignatureInclusionAndConsistency()
    {
        await using var app = new EcpFactory();
        await app.InitializeAsync();
        await app.People.OrganizationAsync(name: "Ассоциация «Сеть» — 中文 — عربي \"quoted\"");
        var older = await SignAsync(app);
        await app.People.DelegateAsync("EGY");
        var newer = await SignAsync(app);
        var key = await VerifierKeyAsync(app);
        var lines = await DownloadLinesAsync(app);
        var client = app.CreatePublicClient();
        long from = (long)older["size"]!, to = (long)newer["size"]!;
        var folder = Directory.CreateTempSubdirectory("ecp-verify-").FullName;
        try
        {
            string Write(string name, string content)
            {
                var path = System.IO.Path.Combine(folder, name);
                File.WriteAllText(path, content, new UTF8Encoding(false));
                return path;
            }
            var olderNote = Write("older.txt", (string)older["note"]!);
            var newerNote = Write("newer.txt", (string)newer["note"]!);
            var download = Write("record.ndjson", string.Join('\n', lines) + "\n");
            var inclusion = Write("inclusion.json", (await client.GetJsonAsync($"/api/v1/record/proof/inclusion?entry=2&size={to}")).ToJsonString());
            var consistency = Write("consistency.json", (await client.GetJsonAsync($"/api/v1/record/proof/consistency?from={from}&to={to}")).ToJsonString());
            var entry = Write("entry.ndjson", lines[1] + "\n");
            var changedEntry = Write("changed.ndjson", lines[1].Replace("seq\":2", "seq\":2 ", StringComparison.Ordinal) + "\n");

            Assert.Equal((0, $"OK {to} entries, root {(string)newer["rootHash"]!}"), await PythonAsync("root", download));
            Assert.Equal(0, (await PythonAsync("checkpoint", key, newerNote)).Code);
            Assert.Equal(0, (await PythonAsync("inclusion", key, newerNote, inclusion, entry)).Code);
            Assert.Equal(0, (await PythonAsync("consistency", key, olderNote, newerNote, consistency)).Code);

            using var other = Key.Create(SignatureAlgorithm.Ed25519);
            var stranger = SignedNote.VerifierKey("ecp.local/record", other.PublicKey.Export(KeyBlobFormat.RawPublicKey));
            Assert.Equal(1, (await PythonAsync("checkpoint", stranger, newerNote)).Code);
            Assert.Equal(1, (await PythonAsync("inclusion", key, newerNote, inclusion, changedEntry)).Code);
            Assert.Equal(1, (await PythonAsync("consistency", key, newerNote, olderNote, consistency)).Code);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // --------------------------------------------------------------------------------- helpers ---

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<EcpFactory, TestPerson> Chairs = new();

    /// <summary>Has the test's one secretariat account sign a checkpoint (made on the first call, so
    /// later calls add nothing to the record).</summary>
    private static async Task<JsonNode> SignAsync(EcpFactory app)
    {
        if (!Chairs.TryGetValue(app, out var secretariat))
        {
            secretariat = await app.People.SecretariatAsync();
            Chairs.Add(app, secretariat);
        }
        return await (await secretariat.Api.PostAsync("/api/v1/record/checkpoints", null)).ExpectAsync(HttpStatusCode.Created);
    }

    private static async Task<string> VerifierKeyAsync(EcpFactory app)
        => (string)(await app.CreatePublicClient().GetJsonAsync("/api/v1/record/key"))["verifierKey"]!;

    private static async Task<string[]> DownloadLinesAsync(EcpFactory app)
        => (await app.CreatePublicClient().GetStringAsync("/api/v1/record/download")).TrimEnd('\n').Split('\n');

    /// <summary>What a platform rewriting its history does: change the rows, then drop the tree and the
    /// checkpoints that would give it away.</summary>
    private static async Task RewriteHistoryAsync(EcpFactory app, Func<AppDbContext, Task> rewrite)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await rewrite(db);
        await db.Set<RecordTreeNode>().ExecuteDeleteAsync();
        await db.Set<RecordCheckpoint>().ExecuteDeleteAsync();
    }

    private static async Task<(int Code, string Output)> PythonAsync(params string[] args)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(System.IO.Path.Combine(Repository.Root, "docs", "verify-record.py"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await output + await error).Trim());
    }
}
