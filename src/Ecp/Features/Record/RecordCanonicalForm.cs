using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Ecp.Features.Record;

/// <summary>The public form of an entry: what the download carries and what the hash covers.</summary>
public static class RecordCanonicalForm
{
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>The entry as a JSON object without its own hash (docs/record.md, "Canonical form").</summary>
    public static JsonObject ToJson(RecordEntry e) => new()
    {
        ["seq"] = e.Sequence,
        ["time"] = e.Time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture),
        ["actor"] = e.Actor,
        ["actorName"] = e.ActorName,
        ["actorRole"] = e.ActorRole,
        ["actorGroup"] = e.ActorGroup,
        ["action"] = e.Action,
        ["entity"] = e.Entity,
        ["entityId"] = e.EntityId,
        ["payload"] = PayloadOf(e),
        ["prev"] = e.PreviousHash,
    };

    /// <summary>The payload as JSON; a stored payload that is no longer JSON (tampered) is shown as
    /// the string it is, so pages and downloads still work and its hash no longer holds.</summary>
    public static JsonNode? PayloadOf(RecordEntry e)
    {
        try
        {
            return JsonNode.Parse(e.Payload);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(e.Payload);
        }
    }

    public static string HashOf(RecordEntry e)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson.Serialize(ToJson(e)))));

    /// <summary>One line of the NDJSON download: the canonical form with "hash" added.</summary>
    public static string ToDownloadLine(RecordEntry e)
    {
        var json = ToJson(e);
        json["hash"] = e.Hash;
        return CanonicalJson.Serialize(json);
    }
}
