using System.Text.RegularExpressions;
using Ecp.Features.Cli;
using Ecp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ecp.Tests.Record;

/// <summary>
/// The demo's whole record, downloaded, read byte for byte against the one kept in
/// demo-record.ndjson (ids, times and hashes replaced by placeholders): a change of structure
/// that changes an action name, a payload field or the order of entries fails here.
/// To accept an intended change, run with ECP_ACCEPT_RECORD=1 and review the diff.
/// </summary>
public sealed partial class DemoRecordTests : IAsyncLifetime
{
    private readonly EcpFactory app = new() { Clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)) };

    public Task InitializeAsync() => app.InitializeAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task DemoRecord_Downloaded_SameEntriesAsKept()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().EnsureAsync();
        }
        var download = await app.CreatePublicClient().GetStringAsync("/api/v1/record/download");

        var actual = Normalize(download);
        var kept = Path.Combine(Repository.Root, "tests", "Ecp.Tests", "Record", "demo-record.ndjson");
        if (Environment.GetEnvironmentVariable("ECP_ACCEPT_RECORD") == "1") await File.WriteAllTextAsync(kept, actual);
        var expected = await File.ReadAllTextAsync(kept);
        var (e, a) = (expected.Split('\n'), actual.Split('\n'));
        for (var i = 0; i < Math.Min(e.Length, a.Length); i++) Assert.Equal(e[i], a[i]);
        Assert.Equal(e.Length, a.Length);
    }

    /// <summary>Every id becomes its order of first appearance; times and hashes become one placeholder each.</summary>
    private static string Normalize(string ndjson)
    {
        var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var text = Guid().Replace(ndjson, m => $"id-{(ids.TryGetValue(m.Value, out var n) ? n : ids[m.Value] = ids.Count + 1)}");
        text = Instant().Replace(text, "<time>");
        return Hex().Replace(text, "<hash>");
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")]
    private static partial Regex Instant();

    [GeneratedRegex("[0-9a-f]{32,}")]
    private static partial Regex Hex();
}
