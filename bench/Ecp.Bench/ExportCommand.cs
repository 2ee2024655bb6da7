using System.ComponentModel;
using System.Diagnostics;
using Ecp.Data;
using Npgsql;
using Spectre.Console.Cli;

namespace Ecp.Bench;

/// <summary>
/// The open-data export benchmark (docs/benchmarks.md, "Open data export"): N contributions seeded in
/// bulk (<see cref="BulkContributions"/>), then, against a real Kestrel server in this process, the
/// contributions dataset downloaded as JSON Lines and as CSV over HTTP, and in the same run the same
/// rows dumped by the database's own tool (<c>sqlite3 -json</c>; <c>psql</c> with
/// <c>COPY (SELECT …) TO STDOUT</c>), its output counted and dropped. Each measurement is repeated and
/// the median kept. The server's memory growth during a download is sampled every 5 ms from inside
/// the process: the working set (what the machine gives the process) and the managed heap as the
/// last collection left it (the generations' sizes after that GC: what is kept, garbage not counted),
/// each as its peak minus its value just before the download, taken after a full GC.
/// </summary>
internal sealed class ExportCommand : AsyncCommand<ExportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--database <DATABASE>")]
        [Description("SQLite file path or PostgreSQL connection string (Host=...;Database=...); a fresh one.")]
        public string Database { get; init; } = "";

        [CommandOption("--rows <N>")]
        public int Rows { get; init; } = 1_000_000;

        [CommandOption("--repeat <N>")]
        [Description("Measured runs of each download and dump (the median is reported). Default 3.")]
        public int Repeat { get; init; } = 3;

        [CommandOption("--port <PORT>")]
        public int Port { get; init; } = 55491;
    }

    /// <summary>The rows of the contributions dataset, as the app's own query reads them.</summary>
    private const string RawQuery = Ecp.Features.OpenData.ContributionRows.Sql;

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        var postgres = Database.ProviderOf(settings.Database) == DatabaseProvider.Postgres;
        var url = $"http://127.0.0.1:{settings.Port}";
        await using var app = EcpWeb.Build([$"--Ecp:Database={settings.Database}", $"--urls={url}", "--Ecp:Notifications:Enabled=false",
            "--Logging:LogLevel:Default=Error", "--Ecp:PublicWritesPerMinute=100000000", "--Ecp:ApiWritesPerMinute=100000000",
            // The search index and the record's tree would follow the million new entries in the background, in this process, during the downloads.
            "--Ecp:Search:Follow=false", "--Ecp:TransparencyLog:Enabled=false"]);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await Database.MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct: ct);
        }
        await app.StartAsync(ct);
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(10) };

        var seeding = Stopwatch.StartNew();
        var consultation = await SizeCommand.ConsultationAsync(app.Services, "export", ct);
        await BulkContributions.AddAsync(app.Services, consultation, settings.Rows, ct);
        Console.WriteLine($"seeded {settings.Rows:N0} contributions in {seeding.Elapsed.TotalSeconds:F1} s");

        var (tool, dump) = postgres
            ? ("psql COPY (SELECT …) TO STDOUT", (Func<CancellationToken, Task<(long, long, double)>>)(c => PsqlCopyAsync(settings.Database, c)))
            : ("sqlite3 -json", c => Sqlite3JsonAsync(settings.Database, c));
        (string Name, Func<CancellationToken, Task<Measured>> Run)[] runs =
        [
            (tool, async c => { var sw = Stopwatch.StartNew(); var (bytes, lines, cpu) = await dump(c); return new Measured(sw.Elapsed.TotalSeconds, cpu, bytes, -1, -1, lines); }),
            ("GET /api/v1/open-data/contributions.jsonl", c => DownloadAsync(http, "/api/v1/open-data/contributions.jsonl", "\n"u8.ToArray(), c)),
            ("GET /api/v1/open-data/contributions.csv", c => DownloadAsync(http, "/api/v1/open-data/contributions.csv", "\r\n"u8.ToArray(), c)),
        ];
        // One unmeasured pass of each warms the caches and the JIT alike.
        foreach (var (_, run) in runs) await run(ct);
        var results = runs.ToDictionary(r => r.Name, _ => new List<Measured>());
        for (var i = 0; i < settings.Repeat; i++)
        {
            foreach (var (name, run) in runs)
            {
                var m = await run(ct);
                results[name].Add(m);
                Console.WriteLine($"  {name}: {m.Seconds:F2} s, CPU {m.CpuSeconds:F2} s, {m.Bytes / 1e6:F1} MB, kept heap +{m.HeapGrowth / 1e6:F1} MB, working set +{m.WorkingSetGrowth / 1e6:F1} MB, lines {m.Lines}");
            }
        }

        var raw = Median(results[tool]);
        var rawCpu = MedianCpu(results[tool]);
        Console.WriteLine();
        Console.WriteLine($"| {(postgres ? "PostgreSQL" : "SQLite")}, {settings.Rows:N0} rows | median s | rows/s | MB/s | x raw dump rate | median CPU s | x raw dump rate per CPU second | peak kept-heap growth MB | peak working-set growth MB |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, measured) in results)
        {
            var m = Median(measured);
            if (m.Lines != settings.Rows) throw new InvalidOperationException($"{name}: {m.Lines} rows, not {settings.Rows}.");
            var growth = m.HeapGrowth < 0 ? "(another process)" : $"{measured.Max(x => x.HeapGrowth) / 1e6:F1}";
            var workingSet = m.HeapGrowth < 0 ? "" : $"{measured.Max(x => x.WorkingSetGrowth) / 1e6:F1}";
            Console.WriteLine($"| {name} | {m.Seconds:F2} | {settings.Rows / m.Seconds:N0} | {m.Bytes / 1e6 / m.Seconds:F0} | {raw.Seconds / m.Seconds:F2} | {MedianCpu(measured):F2} | {rawCpu / MedianCpu(measured):F2} | {growth} | {workingSet} |");
        }
        await app.StopAsync(ct);
        return 0;
    }

    /// <summary>One measured run: seconds, CPU seconds (the tool's, or this whole process's: server and client), bytes received, the peaks of memory growth (-1: another process), and data lines.</summary>
    private sealed record Measured(double Seconds, double CpuSeconds, long Bytes, long HeapGrowth, long WorkingSetGrowth, long Lines);

    private static Measured Median(List<Measured> runs) => runs.OrderBy(r => r.Seconds).ElementAt(runs.Count / 2);

    private static double MedianCpu(List<Measured> runs) => runs.Select(r => r.CpuSeconds).Order().ElementAt(runs.Count / 2);

    /// <summary>Downloads a file, counting its bytes and lines (the CSV's header not counted), while a
    /// thread samples this process's managed heap and working set.</summary>
    private static async Task<Measured> DownloadAsync(HttpClient http, string path, byte[] newline, CancellationToken ct)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var (heap0, set0) = (HeapAfterLastCollection(), process.WorkingSet64);
        var (heapPeak, setPeak) = (heap0, set0);
        using var done = new CancellationTokenSource();
        var sampler = Task.Factory.StartNew(() =>
        {
            while (!done.IsCancellationRequested)
            {
                process.Refresh();
                heapPeak = Math.Max(heapPeak, HeapAfterLastCollection());
                setPeak = Math.Max(setPeak, process.WorkingSet64);
                Thread.Sleep(5);
            }
        }, TaskCreationOptions.LongRunning);

        var cpu = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var (bytes, lines) = await CountAsync(body, newline, ct);
        var seconds = sw.Elapsed.TotalSeconds;
        await done.CancelAsync();
        await sampler;
        process.Refresh();
        return new Measured(seconds, (process.TotalProcessorTime - cpu).TotalSeconds, bytes, heapPeak - heap0, setPeak - set0, newline.Length == 2 ? lines - 1 : lines);
    }

    private static long HeapAfterLastCollection()
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        long total = 0;
        foreach (var generation in info.GenerationInfo) total += generation.SizeAfterBytes;
        return total;
    }

    private static async Task<(long Bytes, long Lines)> CountAsync(Stream body, byte[] newline, CancellationToken ct)
    {
        var buffer = new byte[128 * 1024];
        long bytes = 0, lines = 0;
        var last = newline[^1];
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            bytes += read;
            lines += buffer.AsSpan(0, read).Count(last);
        }
        return (bytes, lines);
    }

    private static async Task<(long, long, double)> Sqlite3JsonAsync(string path, CancellationToken ct)
        => await ToolAsync("sqlite3", ["-json", path, RawQuery], ct);

    private static async Task<(long, long, double)> PsqlCopyAsync(string connectionString, CancellationToken ct)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        return await ToolAsync("psql", ["-X", "-q", "-h", c.Host!, "-p", c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", c.Username!, "-d", c.Database!,
            "-c", $"COPY ({RawQuery}) TO STDOUT"], ct);
    }

    /// <summary>Runs a tool under /usr/bin/time (for its CPU seconds, user and system), its output
    /// counted and dropped; fails unless it exits 0.</summary>
    private static async Task<(long Bytes, long Lines, double CpuSeconds)> ToolAsync(string file, string[] args, CancellationToken ct)
    {
        var times = Path.GetTempFileName();
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["-f", "%U %S", "-o", times, file, .. args]) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(ct);
        var counted = await CountAsync(process.StandardOutput.BaseStream, "\n"u8.ToArray(), ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} exited {process.ExitCode}: {await errors}");
        var cpu = (await File.ReadAllTextAsync(times, ct)).Split(' ', StringSplitOptions.RemoveEmptyEntries).Sum(t => double.Parse(t, System.Globalization.CultureInfo.InvariantCulture));
        File.Delete(times);
        return (counted.Bytes, counted.Lines, cpu);
    }
}
