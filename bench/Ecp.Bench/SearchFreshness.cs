using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ecp.Data;
using Spectre.Console.Cli;

namespace Ecp.Bench;

/// <summary>
/// Freshness of the search: a real server (Kestrel, the app as deployed, its search projection
/// following the record in the background) on a fresh SQLite database; N contributions published
/// one after another through POST /api/v1/consultations/{id}/contributions, each with a word of its
/// own; from the 201, GET /api/v1/search?q=that-word is polled (every 10 ms) until it finds it. The
/// time from the 201 to the first answer that finds it, per publication.
/// </summary>
internal static class SearchFreshness
{
    public static async Task<double[]> MeasureAsync(int publications, int port, CancellationToken ct)
    {
        var dir = Path.Combine(Path.GetTempPath(), "ecp-search-fresh-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var database = Path.Combine(dir, "ecp.db");
            var setupFile = Path.Combine(dir, "setup.json");
            var setup = new CommandApp();
            setup.Configure(c => c.AddCommand<SetupCommand>("setup"));
            if (await setup.RunAsync(["setup", "--database", database, "--stakeholders", publications.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", setupFile]) != 0)
            {
                throw new InvalidOperationException("setup failed");
            }
            var s = JsonSerializer.Deserialize<SetupFile>(await File.ReadAllTextAsync(setupFile, ct), BenchHost.Json)!;
            var url = $"http://127.0.0.1:{port}";
            await using var app = EcpWeb.Build([$"--Ecp:Database={database}", $"--urls={url}", "--Ecp:Notifications:Enabled=false",
                "--Logging:LogLevel:Default=Error", $"--Ecp:Search:IndexPath={Path.Combine(dir, "index")}",
                "--Ecp:PublicWritesPerMinute=100000000", "--Ecp:ApiWritesPerMinute=100000000"]);
            await app.StartAsync(ct);
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            var found = new double[publications];
            for (var i = 0; i < publications; i++)
            {
                var word = "freshness" + Marker(i);
                using var post = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/consultations/{s.ConsultationId}/contributions")
                {
                    Content = JsonContent.Create(new
                    {
                        language = "en",
                        consentToCite = true,
                        answers = new[] { new { question = s.Question, text = $"Publication {i} of the freshness benchmark mentions {word} once." } },
                    }),
                };
                post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", s.Tokens[i % s.Tokens.Count]);
                using var response = await http.SendAsync(post, ct);
                if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"publication {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                var published = Stopwatch.GetTimestamp();
                while (true)
                {
                    using var search = await http.GetAsync($"/api/v1/search?q={word}", ct);
                    using var json = JsonDocument.Parse(await search.Content.ReadAsStringAsync(ct));
                    if (json.RootElement.GetProperty("total").GetInt32() > 0) break;
                    if (Stopwatch.GetElapsedTime(published) > TimeSpan.FromSeconds(30)) throw new TimeoutException($"publication {i} not found after 30 s");
                    await Task.Delay(10, ct);
                }
                found[i] = Stopwatch.GetElapsedTime(published).TotalMilliseconds;
            }
            await app.StopAsync(ct);
            Array.Sort(found);
            return found;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    /// <summary>Letters only (a word the analyzers keep whole): 0 → "a", 27 → "bb".</summary>
    private static string Marker(int i)
    {
        var s = "";
        do
        {
            s = (char)('a' + i % 26) + s;
            i /= 26;
        } while (i-- > 0);
        return s;
    }
}
