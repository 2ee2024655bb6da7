using System.Text.Json.Nodes;

namespace Ecp.Tests.Api;

/// <summary>Builds JSON values from the document's schemas: a plausible sample, and its mutations.</summary>
public static class Sampler
{
    /// <summary>The hostile strings of issue 8: controls, a bidi override, an invisible name, a lone
    /// surrogate, a noncharacter, very long text, markup, CDATA end and SQL quoting.</summary>
    public static readonly (string Name, string Value)[] Hostile =
    [
        ("U+0000", "nul\u0000here"),
        ("U+001B", "esc\u001B[31mred"),
        ("U+202E override", "org \u202E(QA)"),
        ("U+200B only", "\u200B\u200B\u200B"),
        ("lone surrogate", "lone \ud800 surrogate"),
        ("U+FFFF", "non\uFFFFcharacter"),
        ("very long", new string('w', 20_000)),
        ("script", "<script>alert(1)</script>"),
        ("CDATA end", "]]><x>"),
        ("SQL quote", "O'Brien'); DROP TABLE \"People\";--"),
    ];

    public static JsonNode? Sample(JsonObject document, JsonNode schema, IReadOnlyList<Guid> ids, Random random, int depth = 0)
    {
        schema = OpenApi.Resolve(document, schema)!;
        if (schema["oneOf"] is JsonArray oneOf)
        {
            return Sample(document, oneOf.First(s => (string?)s?["type"] != "null")!, ids, random, depth);
        }
        var type = TypeOf(schema);
        return type switch
        {
            "object" => SampleObject(document, schema, ids, random, depth),
            "array" when depth < 4 && schema["items"] is { } items => new JsonArray(Sample(document, items, ids, random, depth + 1)),
            "array" => new JsonArray(),
            "integer" or "number" => 1,
            "boolean" => true,
            "string" => (string?)schema["format"] switch
            {
                "uuid" => ids[random.Next(ids.Count)].ToString(),
                "date-time" => DateTimeOffset.UtcNow.AddDays(3).ToString("O"),
                _ => "sample",
            },
            _ => null,
        };
    }

    /// <summary>The body with one thing wrong at a time, top-level properties and one level into
    /// arrays of objects.</summary>
    public static IEnumerable<(string Description, JsonObject Body)> Mutations(JsonObject document, JsonNode schema, JsonObject plain, Random random)
    {
        var properties = OpenApi.Resolve(document, schema)?["properties"]?.AsObject();
        if (properties is null) yield break;
        foreach (var (name, propertySchema) in properties)
        {
            var missing = plain.DeepClone().AsObject();
            missing.Remove(name);
            yield return ($"{name} missing", missing);
            foreach (var (what, value) in WrongValues(document, propertySchema!, random))
            {
                var body = plain.DeepClone().AsObject();
                body[name] = value;
                yield return ($"{name} {what}", body);
            }
            // Into an array of objects: an empty element, a null element, each inner property wrong.
            var items = OpenApi.Resolve(document, ItemsOf(propertySchema!));
            if (items?["properties"] is JsonObject inner && plain[name] is JsonArray { Count: > 0 } array && array[0] is JsonObject first)
            {
                yield return ($"{name}[0] empty", With(plain, name, new JsonArray(new JsonObject())));
                yield return ($"{name}[0] null", With(plain, name, new JsonArray((JsonNode?)null)));
                yield return ($"{name} 10,000 elements", With(plain, name, new JsonArray(Enumerable.Range(0, 10_000).Select(_ => (JsonNode?)first.DeepClone()).ToArray())));
                foreach (var (innerName, innerSchema) in inner)
                {
                    foreach (var (what, value) in WrongValues(document, innerSchema!, random))
                    {
                        var element = first.DeepClone().AsObject();
                        element[innerName] = value;
                        yield return ($"{name}[0].{innerName} {what}", With(plain, name, new JsonArray(element)));
                    }
                }
            }
        }
    }

    private static JsonObject With(JsonObject plain, string name, JsonNode value)
    {
        var body = plain.DeepClone().AsObject();
        body[name] = value;
        return body;
    }

    private static IEnumerable<(string, JsonNode?)> WrongValues(JsonObject document, JsonNode schema, Random random)
    {
        yield return ("null", null);
        yield return ("an object", new JsonObject { ["a"] = 1 });
        yield return ("an array of nulls", new JsonArray(null, null));
        yield return ("a number", 1e300);
        yield return ("negative", -2147483649L);
        yield return ("a boolean", false);
        yield return ("a string", "abc");
        yield return ("empty string", "");
        yield return ("huge", new string('x', 300_000));
        yield return ("deeply nested", Nest(60));
        yield return ("a date far away", "9999-12-31T23:59:59Z");
        yield return ("a date far back", "0001-01-01T00:00:00Z");
        yield return ("the zero uuid", Guid.Empty.ToString());
        yield return ("an unknown uuid", new Guid(random.Next(), 1, 2, [3, 4, 5, 6, 7, 8, 9, 10]).ToString());
        var hostile = Hostile[random.Next(Hostile.Length)];
        yield return ($"hostile ({hostile.Name})", hostile.Value);
        if (TypeOf(OpenApi.Resolve(document, schema)!) == "array")
        {
            yield return ("an array of hostile strings", new JsonArray(Hostile.Select(h => (JsonNode?)h.Value).ToArray()));
            yield return ("an array of numbers", new JsonArray(1, 2, 3));
        }
    }

    private static JsonNode Nest(int depth)
    {
        JsonNode node = "bottom";
        for (var i = 0; i < depth; i++) node = new JsonArray(node);
        return node;
    }

    private static JsonNode? ItemsOf(JsonNode schema)
        => schema["items"] ?? schema["oneOf"]?.AsArray().Select(s => s?["items"]).FirstOrDefault(i => i is not null);

    private static JsonObject SampleObject(JsonObject document, JsonNode schema, IReadOnlyList<Guid> ids, Random random, int depth)
    {
        var result = new JsonObject();
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            result[name] = Sample(document, property!, ids, random, depth + 1);
        }
        return result;
    }

    /// <summary>The type of a schema, ignoring "null" in a type list (["null", "string"]).</summary>
    public static string? TypeOf(JsonNode schema)
        => schema["type"] switch
        {
            JsonValue v => (string?)v,
            JsonArray a => a.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
            _ => schema["properties"] is not null ? "object" : null,
        };
}
