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
        ["payload"] = JsonNode.Parse(e.Payload),
        ["prev"] = e.PreviousHash,
    };

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
