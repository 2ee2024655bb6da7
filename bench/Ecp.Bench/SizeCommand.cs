using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Accounts;
using Ecp.Features.Bodies;
using Ecp.Features.Consultations;
using Spectre.Console.Cli;

namespace Ecp.Bench;

/// <summary>
/// The size benchmark (docs/benchmarks.md, "Size"): the read pages and endpoints of a consultation
/// and of the record, timed over HTTP against a real Kestrel server, first with a consultation of
/// <c>--small</c> contributions, then, in the same process and database, with one of
/// <c>--large</c> more. Requests are sequential (one client): this measures the cost of one read,
/// not throughput.
/// </summary>
internal sealed class SizeCommand : AsyncCommand<SizeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--database <DATABASE>")]
        [Description("SQLite file path or PostgreSQL connection string (Host=...); a fresh one.")]
        public string Database { get; init; } = "";

        [CommandOption("--small <N>")]
        public int Small { get; init; } = 10;

        [CommandOption("--large <N>")]
        public int Large { get; init; } = 200_000;

        [CommandOption("--requests <N>")]
        [Description("Measured requests per URL (after 3 unmeasured). Default 20; the CSV, which carries every row, gets a quarter.")]
        public int Requests { get; init; } = 20;

        [CommandOption("--port <PORT>")]
        public int Port { get; init; } = 55490;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        var url = $"http://127.0.0.1:{settings.Port}";
        await using var app = EcpWeb.Build([$"--Ecp:Database={settings.Database}", $"--urls={url}", "--Ecp:Notifications:Enabled=false",
            "--Logging:LogLevel:Default=Error",
            // Page reads share the public rate limit today (issue 8, finding 4): lifted, as surge.sh does.
            "--Ecp:PublicWritesPerMinute=100000000", "--Ecp:ApiWritesPerMinute=100000000"]);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await Database.MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct: ct);
        }
        await app.StartAsync(ct);
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };

        var small = await ConsultationAsync(app.Services, "small", ct);
        await BulkContributions.AddAsync(app.Services, small, settings.Small, ct);
        var atSmall = await MeasureAsync(http, small, settings, ct);

        var seeding = Stopwatch.StartNew();
        var large = await ConsultationAsync(app.Services, "large", ct);
        await BulkContributions.AddAsync(app.Services, large, settings.Large, ct);
        Console.WriteLine($"seeded {settings.Large:N0} contributions and record entries in {seeding.Elapsed.TotalSeconds:F1} s");
        var atLarge = await MeasureAsync(http, large, settings, ct);

        Console.WriteLine();
        Console.WriteLine($"| request | p95 ms at {settings.Small:N0} | p95 ms at {settings.Large:N0} | ratio | max ms at {settings.Large:N0} |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (name, s) in atSmall)
        {
            var l = atLarge[name];
            Console.WriteLine($"| {name} | {s.P95:F1} | {l.P95:F1} | {l.P95 / s.P95:F2} | {l.Max:F1} |");
        }
        await app.StopAsync(ct);
        return 0;
    }

    private sealed record Timing(double P95, double Max);

    private static async Task<Dictionary<string, Timing>> MeasureAsync(HttpClient http, Guid id, Settings settings, CancellationToken ct)
    {
        var result = new Dictionary<string, Timing>();
        // This node's first verification of the grown record is the full one: timed once, apart.
        var first = Stopwatch.StartNew();
        await GetAsync(http, "/api/v1/record/verify", ct);
        result["GET /api/v1/record/verify, this node's first (full check)"] = new Timing(first.Elapsed.TotalMilliseconds, first.Elapsed.TotalMilliseconds);
        (string Name, string Path, int Requests)[] requests =
        [
            ("GET /consultations/{id}", $"/consultations/{id}", settings.Requests),
            ("GET /api/v1/consultations/{id}", $"/api/v1/consultations/{id}", settings.Requests),
            ("GET /api/v1/consultations/{id}/contributions?after=5", $"/api/v1/consultations/{id}/contributions?after=5", settings.Requests),
            ("GET /consultations/{id}/results", $"/consultations/{id}/results", settings.Requests),
            ("GET /api/v1/consultations/{id}/results", $"/api/v1/consultations/{id}/results", settings.Requests),
            ("GET /api/v1/consultations/{id}/results.csv (every row)", $"/api/v1/consultations/{id}/results.csv", Math.Max(3, settings.Requests / 4)),
            ("GET /consultations", "/consultations", settings.Requests),
            ("GET /api/v1/consultations", "/api/v1/consultations", settings.Requests),
            ("GET /record", "/record", settings.Requests),
            ("GET /api/v1/record", "/api/v1/record", settings.Requests),
            ("GET /api/v1/record/verify, repeated", "/api/v1/record/verify", settings.Requests),
        ];
        foreach (var (name, path, count) in requests)
        {
            for (var i = 0; i < 3; i++) await GetAsync(http, path, ct);
            var latencies = new Latencies(count);
            for (var i = 0; i < count; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await GetAsync(http, path, ct);
                latencies.Add(Stopwatch.GetTimestamp() - started);
            }
            var sorted = latencies.Sorted();
            result[name] = new Timing(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(0.95 * sorted.Length) - 1)], sorted[^1]);
        }
        return result;
    }

    /// <summary>A GET whose whole body is read (and dropped), failing on any status but 200.</summary>
    private static async Task GetAsync(HttpClient http, string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        await body.CopyToAsync(Stream.Null, ct);
    }

    /// <summary>A fresh secretariat, body and open consultation with the bulk questionnaire.</summary>
    internal static async Task<Guid> ConsultationAsync(IServiceProvider services, string name, CancellationToken ct)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        async Task<T> Scoped<T>(Func<IServiceProvider, Task<T>> action)
        {
            await using var scope = services.CreateAsyncScope();
            return await action(scope.ServiceProvider);
        }
        var secretariat = await Scoped(async sp => BenchHost.Expect(await sp.GetRequiredService<AppointSecretariat>()
            .HandleAsync(Actor.System("bench"), new($"secretariat-{run}@bench.ecp.example", "Bench Secretariat", $"Bench-{Guid.NewGuid():N}-aA1!"), ct), "AppointSecretariat"));
        var chair = Actor.Of(secretariat);
        var body = await Scoped(async sp => BenchHost.Expect(await sp.GetRequiredService<EstablishBody>().HandleAsync(chair, new()
        {
            Name = $"Size Benchmark Working Group {run}", Acronym = "SZWG", MandateReference = "ecp-bench size",
            MembershipRule = "all-member-states", ObserverRule = "Open consultation to all stakeholders.",
        }, ct), "EstablishBody"));
        var now = DateTimeOffset.UtcNow;
        var questions = JsonSerializer.Deserialize<List<DraftConsultation.QuestionInput>>(JsonSerializer.Serialize(BulkContributions.Questions, BenchHost.Json), BenchHost.Json);
        var consultation = await Scoped(async sp => BenchHost.Expect(await sp.GetRequiredService<DraftConsultation>().HandleAsync(chair, new()
        {
            BodyId = body.Id, Topic = $"Size benchmark, {name} {run}", Description = "A questionnaire filled in bulk.",
            QuestionDefinitions = questions, Eligibility = "all-stakeholders", OpensAt = now.AddMinutes(-1), ClosesAt = now.AddDays(30),
        }, ct), "DraftConsultation"));
        await Scoped(async sp => BenchHost.Expect(await sp.GetRequiredService<OpenConsultation>().HandleAsync(chair, consultation.Id, ct), "OpenConsultation"));
        return consultation.Id;
    }
}
