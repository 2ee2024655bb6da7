using System.Diagnostics;
using System.Text.Json.Nodes;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests.Api;

/// <summary>One operation of the document: its path, method and the operation object.</summary>
public sealed record DocumentedOperation(string Path, string Method, JsonObject Operation)
{
    public override string ToString() => $"{Method.ToUpperInvariant()} {Path}";
}

/// <summary>Reads the app's OpenAPI document, and runs the linter on it.</summary>
public static class OpenApi
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public static async Task<JsonObject> DocumentAsync(EcpFactory factory)
    {
        using var client = factory.CreatePublicClient();
        return (await client.GetJsonAsync("/openapi/v1.json")).AsObject();
    }

    public static IEnumerable<DocumentedOperation> Operations(JsonObject document)
        => from path in document["paths"]!.AsObject()
           from method in path.Value!.AsObject()
           where Methods.Contains(method.Key)
           select new DocumentedOperation(path.Key, method.Key, method.Value!.AsObject());

    /// <summary>Follows a local "$ref" to the component it names.</summary>
    public static JsonNode? Resolve(JsonObject document, JsonNode? schema)
    {
        for (var i = 0; i < 10 && schema?["$ref"] is { } reference; i++)
        {
            schema = document["components"]!["schemas"]![((string)reference!).Split('/')[^1]];
        }
        return schema;
    }

    /// <summary>Runs Redocly CLI's recommended rules. Missing Redocly fails the test: test.sh installs it.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> LintAsync(string file)
    {
        var redocly = Path.Combine(Repository.Root, "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(redocly), $"Redocly CLI is not installed at {redocly}: run ./test.sh (it installs it with npm).");
        var start = new ProcessStartInfo(redocly, ["lint", "--extends=recommended", "--format=json", file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(file)!,
        };
        // No telemetry and no update check: the test runs offline.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
