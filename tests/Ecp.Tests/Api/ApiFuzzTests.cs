using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Ecp.Tests.Api;

/// <summary>
/// No request makes the API answer 5xx. Requests are built from the OpenAPI document, so a new
/// endpoint is fuzzed the day it is mapped: path values (real ids, unknown ids, garbage), query
/// values, and bodies with each property missing, null, of the wrong type, huge, hostile, deeply
/// nested, plus bodies that are not objects or not JSON; as each kind of caller. In process,
/// deterministic (fixed seed), bounded in count.
/// </summary>
public sealed class ApiFuzzTests(ApiWorld world) : IClassFixture<ApiWorld>
{
    private const int Seed = 20261201;
    private const int MaxRequests = 4500;

    [Fact]
    public async Task EveryOperation_FuzzedRequests_NeverAnswer5xx()
    {
        var document = await OpenApi.DocumentAsync(world.Factory);
        var random = new Random(Seed);
        var cases = new List<FuzzCase>();
        foreach (var op in OpenApi.Operations(document))
        {
            // Mutating a body the operation accepts reaches past the first check into the use case.
            var valid = await world.ValidRequestAsync((string)op.Operation["operationId"]!);
            cases.AddRange(Cases(document, op, valid?.Body, valid?.Caller, random));
        }
        // Every operation keeps its first cases (the plain ones); past the bound, a seeded sample of the rest.
        var perOperation = cases.GroupBy(c => c.OperationId).ToList();
        var ordered = perOperation.SelectMany(g => g.Take(12)).ToList();
        var rest = perOperation.SelectMany(g => g.Skip(12)).OrderBy(_ => random.Next()).ToList();
        var callers = world.Callers().ToList();
        var budget = MaxRequests - ordered.Sum(c => c.Callers(callers).Count());
        ordered.AddRange(rest.TakeWhile(c => (budget -= c.Callers(callers).Count()) >= 0));

        var failures = new List<string>();
        var sent = 0;
        foreach (var fuzz in ordered)
        {
            foreach (var (callerName, client) in fuzz.Callers(callers))
            {
                using var request = fuzz.ToRequest();
                using var response = await client.SendAsync(request);
                sent++;
                if ((int)response.StatusCode >= 500)
                {
                    var body = await response.Content.ReadAsStringAsync();
                    failures.Add($"{(int)response.StatusCode} {fuzz.Method} {Shorten(fuzz.Url)} as {callerName}: {fuzz.Description}; body {Shorten(fuzz.Body ?? "")} -> {Shorten(body)}");
                }
            }
        }
        Assert.True(sent > 1000, $"only {sent} requests");
        Console.WriteLine($"API fuzz: {sent} requests, {ordered.Count} of {cases.Count} cases, over {perOperation.Count} operations.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests answered 5xx:\n" + string.Join("\n", failures.Take(40)));
    }

    private IEnumerable<FuzzCase> Cases(JsonObject document, DocumentedOperation op, JsonObject? validBody, HttpClient? validCaller, Random random)
    {
        var id = (string)op.Operation["operationId"]!;
        var parameters = op.Operation["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
        var pathParameters = parameters.Where(p => (string?)p["in"] == "path").Select(p => (string)p["name"]!).ToList();
        var queryParameters = parameters.Where(p => (string?)p["in"] == "query").ToList();
        var bodySchema = OpenApi.Resolve(document, BodySchema(op.Operation));
        var multipart = op.Operation["requestBody"]?["content"]?["multipart/form-data"] is not null;

        // The plain requests go as every caller; garbage as the public and as the operation's own caller
        // (the secretariat for reads), the one who gets past authorization to the checks.
        var garbageCaller = validCaller ?? world.Secretariat.Api;
        // Path values: each real id with the plain body first, then unknown and garbage values.
        var realPaths = Paths(op.Path, pathParameters, p => world.RealValues(op.Path, p)).ToList();
        var plainBody = bodySchema is null ? null : (validBody ?? Sampler.Sample(document, bodySchema, world.AllIds(), random))?.ToJsonString();
        foreach (var path in realPaths)
        {
            yield return new FuzzCase(id, op.Method, path, plainBody, "plain", multipart);
        }
        foreach (var garbage in PathGarbage)
        {
            foreach (var path in Paths(op.Path, pathParameters, _ => [garbage]))
            {
                yield return new FuzzCase(id, op.Method, path, plainBody, $"path value {Shorten(garbage)}", multipart) { OnlyAs = garbageCaller, AlsoAnonymous = true };
            }
        }
        var realPath = realPaths.FirstOrDefault() ?? op.Path;
        foreach (var q in queryParameters)
        {
            foreach (var value in QueryGarbage)
            {
                yield return new FuzzCase(id, op.Method, $"{realPath}?{q["name"]}={Uri.EscapeDataString(value)}", plainBody, $"query {q["name"]}={Shorten(value)}", multipart) { OnlyAs = garbageCaller, AlsoAnonymous = true };
            }
        }
        if (bodySchema is null) yield break;
        if (multipart)
        {
            yield return new FuzzCase(id, op.Method, realPath, null, "multipart without file", true) { OnlyAs = garbageCaller, AlsoAnonymous = true };
            yield return new FuzzCase(id, op.Method, realPath, "<garbage>", "multipart garbage file", true) { OnlyAs = garbageCaller, AlsoAnonymous = true };
            yield break;
        }
        foreach (var (description, body) in WholeBodies)
        {
            yield return new FuzzCase(id, op.Method, realPath, body, description, false) { OnlyAs = garbageCaller, AlsoAnonymous = true };
        }
        var plain = JsonNode.Parse(plainBody!)!.AsObject();
        foreach (var (description, body) in Sampler.Mutations(document, bodySchema, plain, random))
        {
            // One thing wrong in a body: sent as the caller the operation accepts, who gets past authorization to the checks.
            yield return new FuzzCase(id, op.Method, realPath, body.ToJsonString(), description, false) { OnlyAs = validCaller };
        }
    }

    private static JsonNode? BodySchema(JsonObject operation)
    {
        var content = operation["requestBody"]?["content"];
        var schema = content?["application/json"]?["schema"] ?? content?["multipart/form-data"]?["schema"];
        return schema?["oneOf"]?.AsArray().FirstOrDefault(s => s?["$ref"] is not null) ?? schema;
    }

    private static IEnumerable<string> Paths(string template, List<string> parameters, Func<string, IReadOnlyList<string>> values)
    {
        IEnumerable<string> paths = [template];
        foreach (var p in parameters)
        {
            var choices = values(p);
            if (choices.Count == 0) choices = [Guid.NewGuid().ToString()];
            paths = paths.SelectMany(path => choices.Select(v => path.Replace("{" + p + "}", Uri.EscapeDataString(v))));
        }
        return paths;
    }

    private static readonly string[] PathGarbage =
        ["00000000-0000-0000-0000-000000000000", "5c1d3b8e-9a41-4d2f-8a51-3f0c2e7b9d10", "not-a-guid", "0", "-1", "99999999999999999999", "ZZZ", "%00", "..%2F..%2Fetc", new string('a', 3000)];

    private static readonly string[] QueryGarbage =
        ["", "abc", "-1", "0", "2147483648", "99999999999999999999", "1e400", "true", "\u0000", "<script>alert(1)</script>", "' OR 1=1 --", new string('x', 5000), "00000000-0000-0000-0000-000000000000", "\u202Eevil"];

    private static readonly (string, string)[] WholeBodies =
    [
        ("empty body", ""),
        ("JSON null", "null"),
        ("empty object", "{}"),
        ("an array", "[]"),
        ("a string", "\"x\""),
        ("a number", "42"),
        ("broken JSON", "{\"a\":"),
        ("a lone surrogate", "{\"x\":\"\\ud800\"}"),
        ("deep nesting", new string('[', 5000) + new string(']', 5000)),
        ("deep object nesting", string.Concat(Enumerable.Repeat("{\"a\":", 2000)) + "1" + new string('}', 2000)),
        ("invalid UTF-8", Encoding.Latin1.GetString([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D])),
    ];

    private static string Shorten(string s) => s.Length <= 160 ? s : s[..160] + $"…({s.Length})";

    private sealed record FuzzCase(string OperationId, string Method, string Url, string? Body, string Description, bool Multipart)
    {
        public HttpClient? OnlyAs { get; init; }

        public bool AlsoAnonymous { get; init; }

        public IEnumerable<(string Name, HttpClient Client)> Callers(IReadOnlyList<(string Name, HttpClient Client)> all)
            => OnlyAs is null ? all : all.Where(c => c.Client == OnlyAs || (AlsoAnonymous && c.Name == "anonymous")).DefaultIfEmpty(("the operation's caller", OnlyAs));

        public HttpRequestMessage ToRequest()
        {
            var request = new HttpRequestMessage(new HttpMethod(Method.ToUpperInvariant()), Url);
            if (Body is null) return request;
            if (Multipart)
            {
                var form = new MultipartFormDataContent();
                if (Body.Length > 0) form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(Body)) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", "a.pdf");
                request.Content = form;
                return request;
            }
            // Latin-1 keeps the bytes of the "invalid UTF-8" case as they are; every other body is UTF-8.
            request.Content = new ByteArrayContent((Description == "invalid UTF-8" ? Encoding.Latin1 : Encoding.UTF8).GetBytes(Body))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } },
            };
            return request;
        }
    }
}
