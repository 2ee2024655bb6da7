using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Ecp.Tests.Api;

/// <summary>
/// Every string field of every write operation (found in the OpenAPI document), sent with each
/// hostile text, is either refused with a validation problem that names the field, or stored and
/// read back exactly through the API; never a 500.
/// </summary>
public sealed class HostileTextTests(ApiWorld world) : IClassFixture<ApiWorld>
{
    // The lone surrogate cannot be written by a JSON writer as a string: it is put in as this
    // marker and replaced by the JSON escape \ud800 in the request text.
    private const string LoneSurrogateMarker = "\u0001LONE-SURROGATE\u0001";

    [Fact]
    public async Task EveryStringFieldOfEveryWrite_HostileText_RefusedNamingFieldOrReadBackExactly()
    {
        var document = await OpenApi.DocumentAsync(world.Factory);
        var failures = new List<string>();
        var tried = 0;
        var writes = OpenApi.Operations(document).Where(o => o.Operation["requestBody"]?["content"]?["application/json"] is not null).ToList();
        Assert.True(writes.Count >= 25, $"only {writes.Count} write operations with a JSON body");
        foreach (var op in writes)
        {
            var operationId = (string)op.Operation["operationId"]!;
            var first = await world.ValidRequestAsync(operationId);
            if (first is null)
            {
                failures.Add($"{operationId}: ApiWorld.ValidRequestAsync has no valid request for it; add one");
                continue;
            }
            var schema = OpenApi.Resolve(document, op.Operation["requestBody"]!["content"]!["application/json"]!["schema"]!["oneOf"]?.AsArray().First(s => s?["$ref"] is not null)
                ?? op.Operation["requestBody"]!["content"]!["application/json"]!["schema"])!;
            foreach (var field in StringFields(document, schema, first.Value.Body))
            {
                foreach (var (name, value) in Sampler.Hostile)
                {
                    var (caller, path, body) = (await world.ValidRequestAsync(operationId))!.Value;
                    field.Set(body, name == "lone surrogate" ? LoneSurrogateMarker : value);
                    var text = body.ToJsonString().Replace(System.Text.Json.JsonSerializer.Serialize(LoneSurrogateMarker)[1..^1], "\\ud800");
                    using var request = new HttpRequestMessage(new HttpMethod(op.Method.ToUpperInvariant()), path)
                    {
                        Content = new StringContent(text, new MediaTypeHeaderValue("application/json", "utf-8")),
                    };
                    using var response = await caller.SendAsync(request);
                    tried++;
                    var verdict = await VerdictAsync(response, field, name, value, caller, NotReadable.Contains((operationId, field.Name)));
                    if (verdict is not null) failures.Add($"{operationId} {field.Name} = {name}: {verdict}");
                }
            }
        }
        Assert.True(tried >= 500, $"only {tried} requests");
        Assert.True(failures.Count == 0, $"{failures.Count} of {tried}:\n" + string.Join("\n", failures.Take(400)));
    }

    /// <summary>Null when the answer is acceptable; otherwise what is wrong with it.</summary>
    private async Task<string?> VerdictAsync(HttpResponseMessage response, StringField field, string hostile, string value, HttpClient caller, bool notReadable)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status == 400)
        {
            // A lone surrogate is not valid JSON text for System.Text.Json: the request is refused
            // as unreadable before any field is bound, which is a refusal too.
            if (hostile == "lone surrogate" && response.Content.Headers.ContentType?.MediaType == Infrastructure.Api.ProblemJson) return null;
            var errors = TryParse(text)?["errors"]?.AsObject();
            if (errors is null) return $"400 without field errors: {Shorten(text)}";
            return errors.Any(e => Names(e.Key, field.Top)) ? null : $"400 naming [{string.Join(", ", errors.Select(e => e.Key))}], not {field.Top}";
        }
        if (status is < 200 or >= 300) return $"answered {status}: {Shorten(text)}";
        if (notReadable) return null;
        // Stored: it must read back exactly, from the answer, the new resource, or the public record.
        if (Contains(TryParse(text), value)) return null;
        if (response.Headers.Location is { } location && Contains(TryParse(await (await caller.GetAsync(location)).Content.ReadAsStringAsync()), value)) return null;
        var record = TryParse(await (await world.Public.GetAsync("/api/v1/record?limit=3")).Content.ReadAsStringAsync());
        return Contains(record, value) ? null : $"answered {status} but the value does not read back exactly";
    }

    /// <summary>Fields the API stores but never returns (shown on the secretariat's pages only), so
    /// only "refused or accepted, never 500" can be asserted through the API.</summary>
    private static readonly HashSet<(string, string)> NotReadable =
    [
        ("RequestAccreditation", "motivation"),
    ];

    private static bool Names(string key, string field)
        => key.Equals(field, StringComparison.OrdinalIgnoreCase)
           || key.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase)
           || key.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase);

    private static bool Contains(JsonNode? node, string value) => node switch
    {
        JsonObject o => o.Any(p => Contains(p.Value, value)),
        JsonArray a => a.Any(e => Contains(e, value)),
        JsonValue v when v.TryGetValue<string>(out var s) => s == value || s.Contains(value, StringComparison.Ordinal),
        _ => false,
    };

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string s) => s.Length <= 200 ? s : s[..200] + "…";

    /// <summary>A free-text field of a request body: top-level, an element of a list of strings, or
    /// a string inside the first element of a list of objects.</summary>
    private sealed record StringField(string Name, string Top, Action<JsonObject, string> Set);

    private static IEnumerable<StringField> StringFields(JsonObject document, JsonNode schema, JsonObject valid)
    {
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            var resolved = OpenApi.Resolve(document, property)!;
            var type = Sampler.TypeOf(resolved);
            // Only fields the valid request uses: a value the operation ignores is neither refused nor stored.
            if (valid[name] is null || valid[name] is JsonArray { Count: 0 }) continue;
            if (type == "string" && resolved["format"] is null)
            {
                yield return new StringField(name, name, (body, v) => body[name] = v);
            }
            else if (type == "array" && OpenApi.Resolve(document, resolved["items"]) is { } items)
            {
                if (Sampler.TypeOf(items) == "string" && items["format"] is null)
                {
                    yield return new StringField($"{name}[0]", name, (body, v) => body[name] = new JsonArray(v));
                }
                else if (Sampler.TypeOf(items) == "object" && valid[name] is JsonArray { Count: > 0 })
                {
                    foreach (var (inner, innerSchema) in items["properties"]?.AsObject() ?? [])
                    {
                        var innerResolved = OpenApi.Resolve(document, innerSchema)!;
                        if (Sampler.TypeOf(innerResolved) == "string" && innerResolved["format"] is null)
                        {
                            yield return new StringField($"{name}[0].{inner}", name, (body, v) => body[name]![0]![inner] = v);
                        }
                    }
                }
            }
        }
    }
}
