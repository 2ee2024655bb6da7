using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Spectre.Console.Cli;

namespace Ecp.Bench;

/// <summary>
/// The inclusion-proof benchmark (docs/benchmarks.md, "Inclusion proofs"): a record tree of N leaves
/// (default 10 million) written straight into the tree's table — the leaves' hashes computed here,
/// every complete subtree added by the tree's own <see cref="RecordTree"/> algorithm, the rows
/// inserted in big transactions with one prepared command (SQLite) or binary COPY (PostgreSQL) — then
/// inclusion proofs of random entries in the tree of all N: first through <see cref="RecordProofs"/>
/// in a fresh DI scope each (what the endpoint runs per request), then over HTTP through
/// GET /api/v1/record/proof/inclusion. Each proof is checked against the root computed while seeding.
/// CPU per proof is this process's CPU time over the run divided by the proofs (over HTTP it includes
/// the client's); wall time per proof gives p50/p99.
/// </summary>
internal sealed class ProofCommand : AsyncCommand<ProofCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--database <DATABASE>")]
        [Description("SQLite file path or PostgreSQL connection string (Host=...;Database=...); a fresh one.")]
        public string Database { get; init; } = "";

        [CommandOption("--leaves <N>")]
        public long Leaves { get; init; } = 10_000_000;

        [CommandOption("--proofs <N>")]
        [Description("Measured proofs per way (after 500 unmeasured). Default 5000.")]
        public int Proofs { get; init; } = 5000;

        [CommandOption("--port <PORT>")]
        public int Port { get; init; } = 55492;

        [CommandOption("--seeded")]
        [Description("The database already holds this benchmark's tree of N leaves (an earlier run): measure only.")]
        public bool Seeded { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        var url = $"http://127.0.0.1:{settings.Port}";
        await using var app = EcpWeb.Build([$"--Ecp:Database={settings.Database}", $"--urls={url}", "--Ecp:Notifications:Enabled=false",
            "--Logging:LogLevel:Default=Error", "--Ecp:PublicWritesPerMinute=100000000", "--Ecp:ApiWritesPerMinute=100000000",
            // The tree is seeded here, not followed from a record: the follower and the search index stay idle.
            "--Ecp:Search:Follow=false", "--Ecp:TransparencyLog:Enabled=false"]);
        byte[] root;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await Database.MigrateAsync(db, ct: ct);
            if (!settings.Seeded && await db.Set<RecordTreeNode>().AnyAsync(ct)) throw new InvalidOperationException("The tree is not empty: give a fresh database.");
            var seeding = Stopwatch.StartNew();
            if (settings.Seeded)
            {
                // Proofs are then checked against the stored root (and each leaf against its synthetic line).
                root = await scope.ServiceProvider.GetRequiredService<RecordTree>().RootAsync(settings.Leaves, ct);
            }
            else
            {
                var (rows, top) = await SeedAsync(db, settings.Leaves, ct);
                root = top;
                Console.WriteLine($"seeded {settings.Leaves:N0} leaves ({rows:N0} stored subtrees) in {seeding.Elapsed.TotalSeconds:F1} s");
            }
            Console.WriteLine($"tree size read back: {await scope.ServiceProvider.GetRequiredService<RecordTree>().SizeAsync(ct):N0}");
        }
        await app.StartAsync(ct);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var size = settings.Leaves;
        var random = new Random(9162);

        async Task<InclusionProofView> InProcess(long entry)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var proof = await scope.ServiceProvider.GetRequiredService<RecordProofs>().InclusionAsync(entry, size, ct);
            return BenchHost.Expect(proof, "InclusionAsync");
        }

        async Task<InclusionProofView> OverHttp(long entry)
        {
            var json = JsonNode.Parse(await http.GetStringAsync($"/api/v1/record/proof/inclusion?entry={entry}&size={size}", ct))!;
            return new InclusionProofView(entry, size, (long)json["leafIndex"]!, (string)json["leafHash"]!, (string)json["rootHash"]!,
                json["path"]!.AsArray().Select(p => (string)p!).ToList());
        }

        Console.WriteLine();
        Console.WriteLine($"| inclusion proof, tree of {size:N0} | proofs | process CPU µs per proof | thread CPU p50 µs | thread CPU p99 µs | proofs on one thread | wall p50 µs | wall p99 µs | hashes in the path |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, prove) in new (string, Func<long, Task<InclusionProofView>>)[] { ("RecordProofs.InclusionAsync, a scope each", InProcess), ("GET /api/v1/record/proof/inclusion (CPU: server and client)", OverHttp) })
        {
            for (var i = 0; i < 500; i++) Check(await prove(random.NextInt64(1, size + 1)), root);
            var latencies = new Latencies(settings.Proofs);
            var threadCpu = new List<long>(settings.Proofs);
            var pathLengths = new List<int>(settings.Proofs);
            var entries = Enumerable.Range(0, settings.Proofs).Select(_ => random.NextInt64(1, size + 1)).ToArray();
            var views = new InclusionProofView[entries.Length];
            using var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            for (var i = 0; i < entries.Length; i++)
            {
                var (thread, threadStarted) = (Environment.CurrentManagedThreadId, ThreadCpuNanoseconds());
                var started = Stopwatch.GetTimestamp();
                views[i] = await prove(entries[i]);
                latencies.Add(Stopwatch.GetTimestamp() - started);
                // Only a proof that ran on one thread start to end has its CPU on that thread's clock.
                if (Environment.CurrentManagedThreadId == thread) threadCpu.Add(ThreadCpuNanoseconds() - threadStarted);
            }
            process.Refresh();
            var cpuPerProof = (process.TotalProcessorTime - cpu).TotalMicroseconds / entries.Length;
            foreach (var view in views) pathLengths.Add(Check(view, root));
            var wall = latencies.Summarize();
            threadCpu.Sort();
            string At(double q) => threadCpu.Count == 0 ? "-" : $"{threadCpu[Math.Min(threadCpu.Count - 1, (int)Math.Ceiling(q * threadCpu.Count) - 1)] / 1000.0:F0}";
            Console.WriteLine($"| {name} | {entries.Length:N0} | {cpuPerProof:F0} | {At(0.5)} | {At(0.99)} | {threadCpu.Count:N0} | {wall.P50Ms * 1000:F0} | {wall.P99Ms * 1000:F0} | {pathLengths.Min()}-{pathLengths.Max()} |");
        }
        await app.StopAsync(ct);
        return 0;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private readonly struct TimeSpec
    {
        public readonly long Seconds;
        public readonly long Nanoseconds;
    }

    /// <summary>CPU time of the calling OS thread (CLOCK_THREAD_CPUTIME_ID, Linux).</summary>
    private static long ThreadCpuNanoseconds()
        => ClockGetTime(3, out var t) == 0 ? t.Seconds * 1_000_000_000 + t.Nanoseconds : throw new InvalidOperationException("clock_gettime failed.");

    /// <summary>The synthetic entry line of leaf i: what its leaf hash is the hash of.</summary>
    private static byte[] Leaf(long i) => MerkleTree.LeafHash(Encoding.UTF8.GetBytes($"{{\"seq\":{i + 1},\"bench\":\"inclusion proof\"}}"));

    /// <summary>A proof is only counted if it verifies (RFC 9162) against the root computed while seeding.</summary>
    private static int Check(InclusionProofView view, byte[] root)
    {
        var path = view.Path.Select(Convert.FromBase64String).ToList();
        if (view.RootHash != Convert.ToBase64String(root) || view.LeafHash != Convert.ToBase64String(Leaf(view.LeafIndex))
            || !MerkleTree.VerifyInclusion(view.LeafIndex, view.Size, Leaf(view.LeafIndex), path, root))
        {
            throw new InvalidOperationException($"The proof of entry {view.Entry} does not verify.");
        }
        return path.Count;
    }

    /// <summary>Writes the tree of n leaves; returns the rows written and the root.</summary>
    private static async Task<(long Rows, byte[] Root)> SeedAsync(AppDbContext db, long n, CancellationToken ct)
    {
        const int Batch = 1_000_000;
        var frontier = new byte[]?[64];
        var nodes = new List<RecordTreeNode>(2 * Batch + 64);
        long rows = 0;
        var postgres = db is PostgresAppDbContext;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            for (long start = 0; start < n; start += Batch)
            {
                nodes.Clear();
                for (var i = start; i < Math.Min(n, start + Batch); i++) RecordTree.Add(Leaf(i), i, frontier, nodes);
                if (postgres) await CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), nodes, ct);
                else InsertSqlite((SqliteConnection)db.Database.GetDbConnection(), nodes);
                rows += nodes.Count;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        // The root of all n: the frontier's subtrees, folded from the right as RFC 9162 splits.
        byte[]? root = null;
        for (var level = 0; level < 64; level++)
        {
            if (((n >> level) & 1) == 1) root = root is null ? frontier[level]! : MerkleTree.NodeHash(frontier[level]!, root);
        }
        return (rows, root ?? MerkleTree.EmptyRoot());
    }

    private static void InsertSqlite(SqliteConnection connection, List<RecordTreeNode> nodes)
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """INSERT INTO "RecordTreeNode" ("Key", "Hash") VALUES ($key, $hash)""";
        var key = command.Parameters.Add("$key", SqliteType.Integer);
        var hash = command.Parameters.Add("$hash", SqliteType.Blob);
        command.Prepare();
        foreach (var node in nodes)
        {
            key.Value = node.Key;
            hash.Value = node.Hash;
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private static async Task CopyAsync(NpgsqlConnection connection, List<RecordTreeNode> nodes, CancellationToken ct)
    {
        await using var import = await connection.BeginBinaryImportAsync("""COPY "RecordTreeNode" ("Key", "Hash") FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var node in nodes)
        {
            await import.StartRowAsync(ct);
            await import.WriteAsync(node.Key, NpgsqlDbType.Bigint, ct);
            await import.WriteAsync(node.Hash, NpgsqlDbType.Bytea, ct);
        }
        await import.CompleteAsync(ct);
    }
}
