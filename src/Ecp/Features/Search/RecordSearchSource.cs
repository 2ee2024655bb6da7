using System.Globalization;
using System.Text.Json.Nodes;
using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Search;

/// <summary>
/// Entries of the public record, each found by its action, its entity and the words of its payload
/// (a reason, a note, a title), linked to the entry on /record. The projection gives this source
/// every entry it reads (<see cref="Entity"/> is no entity of the record). Person names are left out
/// (the actor's name and any "displayName"): people are found as people, and only where they consented
/// to be named. Identifiers and hashes are left out too: they are not words.
/// </summary>
public sealed class RecordSearchSource : ISearchSource
{
    public const string Kind = "record";
    /// <summary>The payload key the record names people by.</summary>
    private const string NameKey = "displayName";

    public string Entity => Kind;

    public async Task<IReadOnlyDictionary<string, SearchDocument>> LoadAsync(AppDbContext db, IReadOnlyCollection<string> entityIds, CancellationToken ct)
    {
        var sequences = entityIds.Select(i => long.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0).Where(s => s > 0).ToList();
        var entries = await db.RecordEntries.AsNoTracking().Where(e => sequences.Contains(e.Sequence))
            .Select(e => new { e.Sequence, e.Time, e.Action, e.Entity, e.ActorRole, e.ActorGroup, e.Payload }).ToListAsync(ct);
        return entries.ToDictionary(e => e.Sequence.ToString(CultureInfo.InvariantCulture), e =>
        {
            var words = new List<string> { e.Action, e.Entity, e.ActorRole };
            if (e.ActorGroup is { } group) words.Add(group);
            Collect(JsonNode.Parse(e.Payload), null, words);
            return new SearchDocument(e.Sequence.ToString(CultureInfo.InvariantCulture), Kind, "en",
                $"#{e.Sequence.ToString(CultureInfo.InvariantCulture)} · {e.Action}", string.Join("\n", words), e.Time,
                Group: e.ActorGroup, Url: $"/record?before={(e.Sequence + 1).ToString(CultureInfo.InvariantCulture)}");
        });
    }

    /// <summary>The payload's string values that are words: not names, identifiers or hashes.</summary>
    private static void Collect(JsonNode? node, string? key, List<string> words)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o) Collect(v, k, words);
                break;
            case JsonArray a:
                foreach (var v in a) Collect(v, key, words);
                break;
            case JsonValue v when v.TryGetValue<string>(out var s):
                if (key == NameKey) break;
                if (string.IsNullOrWhiteSpace(s) || Guid.TryParse(s, out _) || IsHash(s)) break;
                words.Add(s);
                break;
        }
    }

    private static bool IsHash(string s) => s.Length >= 32 && s.All(char.IsAsciiHexDigit);
}
