using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Spectre.Console.Cli;

namespace Ecp.Bench;

/// <summary>
/// The load: N loops, one per connection, each posting contributions with its own token as fast
/// as the server acknowledges them (a closed loop: a slower server gets fewer requests, so the
/// latencies are those a client would see at the throughput reached). A 201 is counted and its
/// id logged only once received: the server answers 201 only after the commit.
/// </summary>
internal sealed class RunCommand : AsyncCommand<RunCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--url <URL>")] public string Url { get; init; } = "http://127.0.0.1:5080";
        [CommandOption("--setup <FILE>")] public string Setup { get; init; } = "setup.json";
        [CommandOption("--connections <N>")] public int Connections { get; init; } = 64;
        [CommandOption("--seconds <S>")][Description("Measured duration.")] public double Seconds { get; init; } = 20;
        [CommandOption("--warmup <S>")][Description("Seconds of load before measuring (acks still logged). Default 2.")] public double Warmup { get; init; } = 2;
        [CommandOption("--text-bytes <N>")] public int TextBytes { get; init; } = 600;
        [CommandOption("--acks <FILE>")][Description("Append-only log of acknowledged contribution ids.")] public string Acks { get; init; } = "acks.log";
        [CommandOption("--out <FILE>")][Description("Results as JSON (for surge.sh's table).")] public string? Out { get; init; }
        [CommandOption("--label <TEXT>")] public string Label { get; init; } = "run";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings s, CancellationToken ct)
    {
        var setup = JsonSerializer.Deserialize<SetupFile>(await File.ReadAllTextAsync(s.Setup, ct), BenchHost.Json)!;
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = s.Connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        })
        { BaseAddress = new Uri(s.Url), Timeout = TimeSpan.FromSeconds(60) };

        await using var acks = new AckLog(s.Acks);
        var latencies = new Latencies((int)Math.Min(50_000_000, Math.Max(1_000_000, (s.Seconds + s.Warmup) * 100_000)));
        var errors = new ConcurrentDictionary<string, int>();
        var shownBodies = new ConcurrentDictionary<string, int>();
        var path = $"/api/v1/consultations/{setup.ConsultationId}/contributions";
        long measuredAcks = 0, totalAcks = 0;

        var t0 = Stopwatch.GetTimestamp();
        var measureFrom = t0 + (long)(s.Warmup * Stopwatch.Frequency);
        var measureTo = measureFrom + (long)(s.Seconds * Stopwatch.Frequency);

        async Task Loop(int loop)
        {
            var sequence = 0;
            while (Stopwatch.GetTimestamp() < measureTo)
            {
                // Round-robin over the tokens, starting at the loop's own: with as many tokens
                // as loops, every loop writes as a different stakeholder.
                var token = setup.Tokens[(loop + sequence * s.Connections) % setup.Tokens.Count];
                using var request = new HttpRequestMessage(HttpMethod.Post, path)
                {
                    Content = new ByteArrayContent(Body(setup.Question, loop, sequence++, s.TextBytes)),
                };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request, ct);
                    var body = await response.Content.ReadAsStringAsync(ct);
                    var end = Stopwatch.GetTimestamp();
                    var measured = start >= measureFrom && end <= measureTo;
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acks.Write(IdOf(response, body));
                        Interlocked.Increment(ref totalAcks);
                        if (measured)
                        {
                            Interlocked.Increment(ref measuredAcks);
                            latencies.Add(end - start);
                        }
                    }
                    else
                    {
                        var key = ((int)response.StatusCode).ToString();
                        errors.AddOrUpdate(key, 1, (_, n) => n + 1);
                        if (shownBodies.AddOrUpdate(key, 1, (_, n) => n + 1) <= 2) Console.Error.WriteLine($"{key}: {body[..Math.Min(body.Length, 400)]}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    // The server is gone (the kill -9 test) or stalled: count it, do not spin.
                    var key = e is HttpRequestException { HttpRequestError: var kind } ? $"transport:{kind}" : $"transport:{e.GetType().Name}";
                    errors.AddOrUpdate(key, 1, (_, n) => n + 1);
                    await Task.Delay(20, ct);
                }
            }
        }

        Console.WriteLine($"{s.Label}: {s.Connections} connections to {s.Url}, {s.Warmup:0.#} s warm-up + {s.Seconds:0.#} s measured, {s.TextBytes}-byte texts");
        await Task.WhenAll(Enumerable.Range(0, s.Connections).Select(i => Task.Run(() => Loop(i), ct)));

        var summary = latencies.Summarize();
        var seconds = s.Seconds;
        var result = new RunResult(s.Label, s.Connections, seconds, measuredAcks, Interlocked.Read(ref totalAcks), measuredAcks / seconds,
            summary.P50Ms, summary.P90Ms, summary.P99Ms, summary.P999Ms, summary.MaxMs, new SortedDictionary<string, int>(errors));
        Console.WriteLine($"{s.Label}: {result.AcksPerSecond:F0} acks/s ({measuredAcks} in {seconds:0.#} s; {result.TotalAcks} logged in all), " +
                          $"p50 {summary.P50Ms:F1} ms, p90 {summary.P90Ms:F1} ms, p99 {summary.P99Ms:F1} ms, p99.9 {summary.P999Ms:F1} ms, max {summary.MaxMs:F1} ms");
        Console.WriteLine(errors.IsEmpty ? $"{s.Label}: no errors" : $"{s.Label}: errors " + string.Join(", ", result.Errors.Select(e => $"{e.Key}: {e.Value}")));
        if (s.Out is not null) await File.WriteAllTextAsync(s.Out, JsonSerializer.Serialize(result, BenchHost.Json), ct);
        return 0;
    }

    private static readonly string[] Words =
    [
        "access", "affordable", "broadband", "capacity", "cooperation", "digital", "governance", "inclusion", "infrastructure",
        "internet", "languages", "local", "multilingual", "multistakeholder", "network", "policy", "public", "regional",
        "rights", "rural", "security", "skills", "spectrum", "standards", "sustainable", "trust", "universal", "users",
    ];

    /// <summary>A different text each time (no two contributions alike), about <paramref name="bytes"/> long.</summary>
    internal static byte[] Body(int question, int loop, int sequence, int bytes)
    {
        var text = new StringBuilder(bytes + 16);
        text.Append("Contribution ").Append(loop).Append('-').Append(sequence).Append(": ");
        var x = (uint)(loop * 7919 + sequence * 104729 + 1);
        while (text.Length < bytes)
        {
            x ^= x << 13; x ^= x >> 17; x ^= x << 5;
            text.Append(Words[x % Words.Length]).Append(' ');
        }
        text.Length = bytes;
        return JsonSerializer.SerializeToUtf8Bytes(new
        {
            language = "en",
            consentToCite = true,
            answers = new[] { new { question, text = text.ToString().TrimEnd() + "." } },
        });
    }

    private static string IdOf(HttpResponseMessage response, string body)
    {
        // 201 Created with Location: /api/v1/contributions/{id}
        if (response.Headers.Location is { } location) return location.OriginalString.TrimEnd('/').Split('/')[^1];
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("id").GetString()!;
    }
}

internal sealed record RunResult(string Label, int Connections, double Seconds, long Acks, long TotalAcks, double AcksPerSecond,
    double P50Ms, double P90Ms, double P99Ms, double P999Ms, double MaxMs, IReadOnlyDictionary<string, int> Errors);

/// <summary>Append-only, one id a line, flushed to the OS per line: the log survives whatever
/// happens to the server, so it is the list of what the server promised.</summary>
internal sealed class AckLog(string path) : IAsyncDisposable
{
    private readonly StreamWriter writer = new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read));
    private readonly Lock gate = new();

    public void Write(string id)
    {
        lock (gate)
        {
            writer.Write(id);
            writer.Write('\n');
            writer.Flush();
        }
    }

    public ValueTask DisposeAsync() => writer.DisposeAsync();
}
