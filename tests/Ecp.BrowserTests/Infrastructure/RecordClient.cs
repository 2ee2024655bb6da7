using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Ecp.BrowserTests.Infrastructure;

/// <summary>Reads the public record through its JSON API, as any outside observer can.</summary>
public sealed class RecordClient(HttpClient http)
{
    public async Task<JsonArray> EntriesAsync(int limit = 50)
    {
        var page = await http.GetFromJsonAsync<JsonObject>($"/api/v1/record?limit={limit}")
                   ?? throw new InvalidOperationException("The record API answered JSON null.");
        return page["entries"]!.AsArray();
    }

    public async Task<long> HeadAsync()
    {
        var page = await http.GetFromJsonAsync<JsonObject>("/api/v1/record?limit=1");
        return page!["headSequence"]!.GetValue<long>();
    }

    /// <summary>
    /// The one entry with this action written after sequence <paramref name="after"/> that
    /// matches; fails showing what the record holds otherwise.
    /// </summary>
    public async Task<JsonNode> NewEntryAsync(long after, string action, Func<JsonNode, bool> matches)
    {
        var entries = await EntriesAsync();
        var found = entries
            .Where(e => e!["seq"]!.GetValue<long>() > after && (string?)e["action"] == action && matches(e))
            .ToList();
        Assert.True(found.Count == 1,
            $"Expected one new '{action}' entry after #{after} matching the step, found {found.Count}. Newest entries:\n"
            + string.Join('\n', entries.Take(10).Select(e => e!.ToJsonString())));
        return found[0]!;
    }

    public async Task<JsonObject> VerifyAsync()
        => await http.GetFromJsonAsync<JsonObject>("/api/v1/record/verify")
           ?? throw new InvalidOperationException("The verify API answered JSON null.");
}
