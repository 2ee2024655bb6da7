using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Ecp.Data;
using Microsoft.Data.Sqlite;
using Npgsql;
using Spectre.Console.Cli;

namespace Ecp.Bench;

/// <summary>
/// The ceiling: 600-byte rows into a plain table, with the app's durability (SQLite WAL with
/// synchronous=FULL; PostgreSQL with fsync and synchronous_commit on), from N concurrent tasks,
/// each row acknowledged after its commit. No HTTP, no EF, no record: what the disk allows.
/// </summary>
internal sealed class BaselineCommand : AsyncCommand<BaselineCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--database <DATABASE>")]
        [Description("A SQLite file for the table bench_rows (recreated), or a PostgreSQL connection string.")]
        public string Database { get; init; } = "";
        [CommandOption("--tasks <N>")] public int Tasks { get; init; } = 64;
        [CommandOption("--seconds <S>")] public double Seconds { get; init; } = 10;
        [CommandOption("--warmup <S>")] public double Warmup { get; init; } = 1;
        [CommandOption("--rows-per-tx <N>")][Description("Rows in each transaction: 1 is one commit per row; more estimates group commit.")] public int RowsPerTransaction { get; init; } = 1;
        [CommandOption("--contended")]
        [Description("SQLite: every task races for the write lock on its own (Microsoft.Data.Sqlite retries a busy lock after 150 ms), as the app does. Default: the tasks queue for it in-process.")]
        public bool Contended { get; init; }
        [CommandOption("--text-bytes <N>")] public int TextBytes { get; init; } = 600;
        [CommandOption("--out <FILE>")] public string? Out { get; init; }
        [CommandOption("--label <TEXT>")] public string? Label { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings s, CancellationToken ct)
    {
        // The inserts are synchronous under the async API (Microsoft.Data.Sqlite): enough threads
        // that the pool's slow growth is not what is measured.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, s.Tasks + 8), io);

        var postgres = Database.ProviderOf(s.Database) == DatabaseProvider.Postgres;
        var label = s.Label ?? $"baseline {(postgres ? "postgres" : "sqlite")} {s.RowsPerTransaction} row(s)/tx{(s.Contended ? " contended" : "")}";
        IBaselineTarget target = postgres ? new PostgresTarget(s.Database, s.Tasks) : new SqliteTarget(s.Database, s.Contended);
        await target.PrepareAsync(ct);

        var latencies = new Latencies((int)Math.Min(50_000_000, Math.Max(1_000_000, (s.Seconds + s.Warmup) * 200_000)));
        long measuredRows = 0, measuredCommits = 0;
        var t0 = Stopwatch.GetTimestamp();
        var measureFrom = t0 + (long)(s.Warmup * Stopwatch.Frequency);
        var measureTo = measureFrom + (long)(s.Seconds * Stopwatch.Frequency);
        var payload = RunCommand.Body(1, 0, 0, s.TextBytes);
        var text = System.Text.Encoding.UTF8.GetString(payload);

        async Task Loop(int task)
        {
            await using var writer = await target.OpenWriterAsync(task, ct);
            while (Stopwatch.GetTimestamp() < measureTo)
            {
                var start = Stopwatch.GetTimestamp();
                await writer.CommitRowsAsync(text, s.RowsPerTransaction, ct);
                var end = Stopwatch.GetTimestamp();
                if (start >= measureFrom && end <= measureTo)
                {
                    Interlocked.Add(ref measuredRows, s.RowsPerTransaction);
                    Interlocked.Increment(ref measuredCommits);
                    latencies.Add(end - start);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, s.Tasks).Select(i => Task.Run(() => Loop(i), ct)));
        var summary = latencies.Summarize();
        var result = new BaselineResult(label, postgres ? "postgres" : "sqlite", s.Tasks, s.RowsPerTransaction, s.Contended, s.Seconds,
            measuredRows, measuredRows / s.Seconds, measuredCommits / s.Seconds, summary.P50Ms, summary.P99Ms, summary.MaxMs);
        Console.WriteLine($"{label}: {result.RowsPerSecond:F0} rows/s, {result.CommitsPerSecond:F0} commits/s, {s.Tasks} tasks, " +
                          $"commit latency p50 {summary.P50Ms:F1} ms, p99 {summary.P99Ms:F1} ms, max {summary.MaxMs:F1} ms");
        if (s.Out is not null) await File.WriteAllTextAsync(s.Out, JsonSerializer.Serialize(result, BenchHost.Json), ct);
        return 0;
    }

    private interface IBaselineTarget
    {
        Task PrepareAsync(CancellationToken ct);
        Task<IBaselineWriter> OpenWriterAsync(int task, CancellationToken ct);
    }

    private interface IBaselineWriter : IAsyncDisposable
    {
        Task CommitRowsAsync(string text, int rows, CancellationToken ct);
    }

    private sealed class SqliteTarget(string path, bool contended) : IBaselineTarget
    {
        // SQLite has one writer at a time: queueing for it in-process costs nothing while
        // another task commits, where a busy retry sleeps (150 ms in Microsoft.Data.Sqlite).
        private readonly SemaphoreSlim writeLock = new(1, 1);
        private string ConnectionString => $"Data Source={path};Default Timeout=30;Pooling=false";

        public async Task PrepareAsync(CancellationToken ct)
        {
            await using var connection = new SqliteConnection(ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                PRAGMA journal_mode=WAL;
                DROP TABLE IF EXISTS bench_rows;
                CREATE TABLE bench_rows (id INTEGER PRIMARY KEY, task INTEGER NOT NULL, payload TEXT NOT NULL);
                """;
            await command.ExecuteNonQueryAsync(ct);
        }

        public async Task<IBaselineWriter> OpenWriterAsync(int task, CancellationToken ct)
        {
            var connection = new SqliteConnection(ConnectionString);
            await connection.OpenAsync(ct);
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA synchronous=FULL;";
                await pragma.ExecuteNonQueryAsync(ct);
            }
            return new Writer(connection, task, contended ? null : writeLock);
        }

        private sealed class Writer(SqliteConnection connection, int task, SemaphoreSlim? writeLock) : IBaselineWriter
        {
            private readonly SqliteCommand insert = Prepared(connection, task);

            private static SqliteCommand Prepared(SqliteConnection connection, int task)
            {
                var command = connection.CreateCommand();
                command.CommandText = "INSERT INTO bench_rows (task, payload) VALUES ($task, $payload)";
                command.Parameters.AddWithValue("$task", task);
                command.Parameters.Add("$payload", SqliteType.Text);
                return command;
            }

            public async Task CommitRowsAsync(string text, int rows, CancellationToken ct)
            {
                if (writeLock is not null) await writeLock.WaitAsync(ct);
                try
                {
                    // BEGIN IMMEDIATE, as EF Core's BeginTransaction on SQLite.
                    using var transaction = connection.BeginTransaction();
                    insert.Transaction = transaction;
                    for (var i = 0; i < rows; i++)
                    {
                        insert.Parameters[1].Value = text;
                        insert.ExecuteNonQuery();
                    }
                    transaction.Commit();
                }
                finally
                {
                    writeLock?.Release();
                }
            }

            public async ValueTask DisposeAsync()
            {
                await insert.DisposeAsync();
                await connection.DisposeAsync();
            }
        }
    }

    private sealed class PostgresTarget(string connectionString, int tasks) : IBaselineTarget
    {
        private readonly NpgsqlDataSource source = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = Math.Max(tasks + 4, 100) }.ConnectionString);

        public async Task PrepareAsync(CancellationToken ct)
        {
            await using var command = source.CreateCommand("""
                DROP TABLE IF EXISTS bench_rows;
                CREATE TABLE bench_rows (id bigserial PRIMARY KEY, task integer NOT NULL, payload text NOT NULL);
                """);
            await command.ExecuteNonQueryAsync(ct);
        }

        public async Task<IBaselineWriter> OpenWriterAsync(int task, CancellationToken ct)
            => new Writer(await source.OpenConnectionAsync(ct), task);

        private sealed class Writer(NpgsqlConnection connection, int task) : IBaselineWriter
        {
            public async Task CommitRowsAsync(string text, int rows, CancellationToken ct)
            {
                // One round trip: BEGIN; N inserts; COMMIT (with one row, the implicit transaction).
                await using var batch = connection.CreateBatch();
                if (rows > 1) batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
                for (var i = 0; i < rows; i++)
                {
                    var insert = new NpgsqlBatchCommand("INSERT INTO bench_rows (task, payload) VALUES ($1, $2)");
                    insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = task });
                    insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = text });
                    batch.BatchCommands.Add(insert);
                }
                if (rows > 1) batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
                await batch.ExecuteNonQueryAsync(ct);
            }

            public ValueTask DisposeAsync() => connection.DisposeAsync();
        }
    }
}

internal sealed record BaselineResult(string Label, string Database, int Tasks, int RowsPerTransaction, bool Contended, double Seconds,
    long Rows, double RowsPerSecond, double CommitsPerSecond, double P50Ms, double P99Ms, double MaxMs);
