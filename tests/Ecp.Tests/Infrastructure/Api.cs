using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Ecp.Tests.Infrastructure;

/// <summary>Small helpers to call the JSON API and read its answers.</summary>
public static class Api
{
    public const string ProblemJson = "application/problem+json";

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body)
        => client.PostAsJsonAsync(url, body);

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("The body is JSON null.");
    }

    /// <summary>Asserts the status and returns the JSON body, showing the body when the status is wrong.</summary>
    public static async Task<JsonNode> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)status}, got {(int)response.StatusCode}. Body: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url)
        => await (await client.GetAsync(url)).ExpectAsync(HttpStatusCode.OK);

    /// <summary>Asserts an RFC 9457 problem detail with the status, and returns it.</summary>
    public static async Task<JsonNode> ExpectProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.ExpectAsync(status);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, body["status"]?.GetValue<int>());
        return body;
    }

    /// <summary>The record's head sequence number, to show that a refused request wrote nothing.</summary>
    public static async Task<long> RecordHeadAsync(this HttpClient client)
        => (await client.GetJsonAsync("/api/v1/record?limit=1"))["headSequence"]!.GetValue<long>();

    /// <summary>The record's entries about one entity ("document", "amendment", "decision"), newest first.</summary>
    public static async Task<JsonArray> RecordEntriesAsync(this HttpClient client, string entity, object entityId)
        => (await client.GetJsonAsync($"/api/v1/record?entity={entity}&entityId={entityId}&limit=200"))["entries"]!.AsArray();

    /// <summary>The actions of the record's entries about one entity, oldest first.</summary>
    public static async Task<string[]> RecordActionsAsync(this HttpClient client, string entity, object entityId)
        => (await client.RecordEntriesAsync(entity, entityId)).Select(e => (string)e!["action"]!).Reverse().ToArray();
}
