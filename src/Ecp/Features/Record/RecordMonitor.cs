using System.Net.Http.Json;
using System.Text.Json;

namespace Ecp.Features.Record;

/// <summary>What a monitor concluded: <see cref="Problem"/> is null when the log holds.</summary>
public sealed record MonitorOutcome(string? Problem, string Message)
{
    public bool Holds => Problem is null;
}

/// <summary>
/// Holds a platform to its record from outside it (docs/record.md, "Monitoring"): fetches the latest
/// checkpoint, checks its signature with the key it was told or first saw, and, against the last
/// checkpoint it kept, that the record only grew: a smaller tree, another tree of the same size, or a
/// consistency proof that fails means history was rewritten. Trusts nothing the platform says but
/// what its key signed.
/// </summary>
public static class RecordMonitor
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>What the monitor keeps between runs.</summary>
    public sealed record State(string VerifierKey, long Size, string RootHash, string Note);

    public static async Task<MonitorOutcome> CheckAsync(HttpClient platform, string stateFile, string? pinnedKey, CancellationToken ct = default)
    {
        var previous = File.Exists(stateFile) ? JsonSerializer.Deserialize<State>(await File.ReadAllTextAsync(stateFile, ct), Json) : null;
        var verifierKey = pinnedKey ?? previous?.VerifierKey
            ?? (await platform.GetFromJsonAsync<SigningKeyView>("/api/v1/record/key", Json, ct))!.VerifierKey;
        if (previous is not null && previous.VerifierKey != verifierKey)
        {
            return new MonitorOutcome("key-changed", $"the key given ({verifierKey}) is not the one kept in {stateFile} ({previous.VerifierKey})");
        }

        var latest = await platform.GetFromJsonAsync<CheckpointView>("/api/v1/record/checkpoint", Json, ct)
            ?? throw new InvalidDataException("The platform sent no checkpoint.");
        if (SignedNote.Open(latest.Note, verifierKey) is not { } text || SignedNote.ParseCheckpoint(text) is not var (origin, size, root))
        {
            return new MonitorOutcome("bad-signature", $"the latest checkpoint is not signed by {verifierKey}");
        }
        if (origin != verifierKey.Split('+')[0])
        {
            return new MonitorOutcome("wrong-origin", $"the checkpoint is of log '{origin}', not of the key's");
        }

        if (previous is not null)
        {
            var before = Convert.FromBase64String(previous.RootHash);
            if (size < previous.Size)
            {
                return new MonitorOutcome("shrank", $"the record shrank from {previous.Size} to {size} entries");
            }
            if (size == previous.Size && !root.AsSpan().SequenceEqual(before))
            {
                return new MonitorOutcome("forked", $"two different records of {size} entries were signed: history was rewritten");
            }
            if (size > previous.Size)
            {
                var proof = await platform.GetFromJsonAsync<ConsistencyProofView>($"/api/v1/record/proof/consistency?from={previous.Size}&to={size}", Json, ct)
                    ?? throw new InvalidDataException("The platform sent no consistency proof.");
                if (!MerkleTree.VerifyConsistency(previous.Size, size, before, root, proof.Proof.Select(Convert.FromBase64String).ToList()))
                {
                    return new MonitorOutcome("forked", $"the record of {size} entries does not extend the one of {previous.Size} seen before: history was rewritten");
                }
            }
        }

        var state = new State(verifierKey, size, Convert.ToBase64String(root), latest.Note);
        var temporary = stateFile + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(state, Json), ct);
        File.Move(temporary, stateFile, overwrite: true);
        return new MonitorOutcome(null, previous is null
            ? $"OK {size} entries, root {state.RootHash}; key {verifierKey} kept for next time"
            : $"OK {size} entries, root {state.RootHash}, consistent with the {previous.Size} seen before");
    }
}
