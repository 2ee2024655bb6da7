using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Ecp.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ecp.Tests.Api;

/// <summary>The OpenAPI document describes the API a client meets: every operation named, its
/// body and answers typed, its token and problems declared, and a standard linter agrees.</summary>
public sealed class OpenApiDocumentTests(EcpFactory factory) : IClassFixture<EcpFactory>
{
    [Fact]
    public async Task Document_RedoclyRecommendedRules_ZeroErrorsAndWarnings()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ecp-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, (await OpenApi.DocumentAsync(factory)).ToJsonString());
        // ECP_OPENAPI_OUT=path keeps a copy, to read or lint by hand.
        if (Environment.GetEnvironmentVariable("ECP_OPENAPI_OUT") is { Length: > 0 } copy) File.Copy(file, copy, overwrite: true);
        try
        {
            var (exitCode, output, errors) = await OpenApi.LintAsync(file);
            Assert.True(output.Contains('{'), $"redocly lint printed no report (exit {exitCode}): {errors}");
            var report = JsonNode.Parse(output[output.IndexOf('{')..(output.LastIndexOf('}') + 1)])!;
            var totals = report["totals"]!;
            var messages = string.Join("\n", report["problems"]!.AsArray().Select(p => $"{p!["severity"]} {p["ruleId"]}: {p["message"]} at {p["location"]?[0]?["pointer"]}"));
            Assert.True(exitCode == 0 && (int)totals["errors"]! == 0, $"redocly lint exited {exitCode}:\n{messages}");
            // The one warning allowed: a read that takes no input has no 4xx answer to declare.
            var warnings = report["problems"]!.AsArray().Where(p => (string?)p!["severity"] == "warn")
                .Where(p => (string?)p!["ruleId"] != "operation-4xx-response" || !NoInput.Contains((string)p["location"]![0]!["pointer"]!)).ToList();
            Assert.True(warnings.Count == 0, $"redocly lint warns:\n{messages}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Document_EveryOperation_HasUniqueOperationIdSummaryAndTag()
    {
        var operations = OpenApi.Operations(await OpenApi.DocumentAsync(factory)).ToList();
        Assert.True(operations.Count >= 60, $"only {operations.Count} operations");
        var missing = operations.Where(o => o.Operation["operationId"] is null || o.Operation["summary"] is null || o.Operation["tags"] is null)
            .Select(o => o.ToString()).ToList();
        Assert.True(missing.Count == 0, "without operationId, summary or tag: " + string.Join(", ", missing));
        var duplicates = operations.GroupBy(o => (string)o.Operation["operationId"]!).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "operationIds used twice: " + string.Join(", ", duplicates));
    }

    [Fact]
    public async Task Document_EveryOperation_DeclaresSuccessResponseWithSchema()
    {
        var bad = new List<string>();
        foreach (var op in OpenApi.Operations(await OpenApi.DocumentAsync(factory)))
        {
            var successes = op.Operation["responses"]!.AsObject().Where(r => r.Key.StartsWith('2')).ToList();
            // 204 No Content has no body by definition; every other success names its content's schema.
            var described = successes.Count > 0 && successes.All(r => r.Key == "204"
                ? r.Value!["content"] is null
                : r.Value!["content"]?.AsObject().Count > 0 && r.Value!["content"]!.AsObject().All(c => c.Value!["schema"] is not null));
            if (!described) bad.Add(op.ToString());
        }
        Assert.True(bad.Count == 0, "without a typed success response: " + string.Join(", ", bad));
    }

    [Fact]
    public async Task Document_RequestBodies_MatchTheirCommandsUnderUniqueNames()
    {
        var document = await OpenApi.DocumentAsync(factory);
        var operations = OpenApi.Operations(document).ToDictionary(o => (string)o.Operation["operationId"]!);
        var schemaOfType = new Dictionary<string, Type>();
        var problems = new List<string>();
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not { RequestType: { } type }) continue;
            var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
            if (name is null || !operations.TryGetValue(name, out var op))
            {
                problems.Add($"{endpoint.DisplayName}: no operation");
                continue;
            }
            var content = op.Operation["requestBody"]?["content"]?.AsObject();
            if (content is null || content.Count == 0)
            {
                problems.Add($"{op}: no request body");
                continue;
            }
            if (type == typeof(IFormFile))
            {
                if (content["multipart/form-data"]?["schema"] is null) problems.Add($"{op}: no multipart schema");
                continue;
            }
            if (!content.ContainsKey("application/json"))
            {
                // A file in another format (text/csv) is a string in that format, not a command.
                if (content.Single().Value?["schema"]?["type"]?.ToString() != "string") problems.Add($"{op}: a {content.Single().Key} body without a string schema");
                continue;
            }
            var bodySchema = content["application/json"]?["schema"];
            // An optional body is documented as "null or the command".
            var reference = (string?)bodySchema?["$ref"] ?? bodySchema?["oneOf"]?.AsArray().Select(s => (string?)s?["$ref"]).FirstOrDefault(r => r is not null);
            if (reference is null)
            {
                problems.Add($"{op}: body is not a named schema");
                continue;
            }
            var schemaName = reference.Split('/')[^1];
            if (schemaOfType.TryGetValue(schemaName, out var other) && other != type)
            {
                problems.Add($"{schemaName} names both {other.FullName} and {type.FullName}");
            }
            schemaOfType[schemaName] = type;
            var documented = document["components"]!["schemas"]![schemaName]!["properties"]?.AsObject().Select(p => p.Key).Order().ToList() ?? [];
            var declared = JsonNames(type).Order().ToList();
            if (!documented.SequenceEqual(declared))
            {
                problems.Add($"{op}: documents [{string.Join(", ", documented)}], {type.Name} has [{string.Join(", ", declared)}]");
            }
        }
        Assert.True(schemaOfType.Count >= 20, $"only {schemaOfType.Count} request schemas");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Document_EndpointsNeedingToken_RequireBearerScheme()
    {
        var document = await OpenApi.DocumentAsync(factory);
        var scheme = document["components"]!["securitySchemes"]!["bearer"]!;
        Assert.Equal("http", (string?)scheme["type"]);
        Assert.Equal("bearer", (string?)scheme["scheme"]);
        var operations = OpenApi.Operations(document).ToDictionary(o => (string)o.Operation["operationId"]!);
        var needToken = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>() is not null)
            .Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName)
            .OfType<string>().Where(operations.ContainsKey).ToList();
        Assert.True(needToken.Count >= 25, $"only {needToken.Count} endpoints need a token");
        foreach (var name in needToken)
        {
            var security = operations[name].Operation["security"]?.AsArray();
            Assert.True(security is { Count: 1 } && security[0]!["bearer"] is not null, $"{operations[name]} does not require the bearer token");
            Assert.NotNull(operations[name].Operation["responses"]!["401"]);
        }
        // And the public reads say so, rather than leaving the linter (and the reader) to guess.
        Assert.All(operations.Values.Where(o => !needToken.Contains((string)o.Operation["operationId"]!)),
            o => Assert.Empty(o.Operation["security"]!.AsArray()));
    }

    [Fact]
    public async Task Document_ProblemResponses_AreProblemJsonWithProblemSchemas()
    {
        var document = await OpenApi.DocumentAsync(factory);
        var operations = OpenApi.Operations(document).ToDictionary(o => (string)o.Operation["operationId"]!);
        static string? Schema(JsonNode op, string status) => (string?)op["responses"]?[status]?["content"]?["application/problem+json"]?["schema"]?["$ref"];
        var submit = operations["SubmitContribution"].Operation;
        Assert.EndsWith("/HttpValidationProblemDetails", Schema(submit, "400"));
        foreach (var status in new[] { "401", "403", "404", "409", "429" })
        {
            Assert.EndsWith("/ProblemDetails", Schema(submit, status));
        }
        var read = operations["GetConsultation"].Operation;
        Assert.EndsWith("/ProblemDetails", Schema(read, "404"));
        Assert.Null(read["responses"]!["401"]);
    }

    [Fact]
    public async Task Document_ServerUrl_IsNeverTheRequestHost()
    {
        using var client = factory.CreatePublicClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Host = "evil.example";
        var document = await (await client.SendAsync(request)).ExpectAsync(System.Net.HttpStatusCode.OK);
        var servers = document["servers"]!.AsArray();
        Assert.Single(servers);
        Assert.Equal("/", (string?)servers[0]!["url"]);
        Assert.DoesNotContain("evil.example", document.ToJsonString());
        Assert.Equal("v1", (string?)document["info"]!["version"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)document["info"]!["description"]));
    }

    [Fact]
    public async Task Document_PublicUrlSetting_IsTheServerUrl()
    {
        await using var configured = new EcpFactory();
        configured.Settings["Ecp:PublicUrl"] = "https://ecp.example.org";
        await configured.InitializeAsync();
        var document = await OpenApi.DocumentAsync(configured);
        Assert.Equal("https://ecp.example.org", (string?)document["servers"]![0]!["url"]);
    }

    private static readonly HashSet<string> NoInput =
    [
        "#/paths/~1health/get/responses",
        "#/paths/~1api~1v1~1record~1key/get/responses",
        "#/paths/~1api~1v1~1assessments~1trend/get/responses",
        "#/paths/~1feeds~1consultations.atom/get/responses",
        "#/paths/~1feeds~1documents.atom/get/responses",
        "#/paths/~1api~1v1~1open-data/get/responses",
        "#/paths/~1api~1v1~1open-data~1popolo.json/get/responses",
        "#/paths/~1feeds~1decisions.atom/get/responses",
        "#/paths/~1feeds~1reports.atom/get/responses",
        "#/paths/~1api~1v1~1reporting-cycles~1{year}~1close/post/responses",
        "#/paths/~1api~1v1~1member-states/get/responses",
        "#/paths/~1api~1v1~1stakeholder-groups/get/responses",
        "#/paths/~1api~1v1~1record~1verify/get/responses",
        "#/paths/~1api~1v1~1record~1download/get/responses",
        "#/paths/~1api~1v1~1bodies/get/responses",
        "#/paths/~1api~1v1~1consultations/get/responses",
        "#/paths/~1api~1v1~1reporting-cycles/get/responses",
        "#/paths/~1api~1v1~1reporting-cycles~1compliance.csv/get/responses",
    ];

    private static IEnumerable<string> JsonNames(Type type)
        => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.GetIndexParameters().Length == 0)
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name));
}
