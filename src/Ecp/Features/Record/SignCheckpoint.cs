namespace Ecp.Features.Record;

/// <summary>The secretariat has a checkpoint signed now (say, before a meeting adopts an outcome),
/// rather than at the next interval. A checkpoint is not a change to the process: it signs the
/// record, it is not on it.</summary>
public sealed class SignCheckpoint(RecordCheckpoints checkpoints)
{
    public async Task<Result<RecordCheckpoint>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        return await checkpoints.SignAsync(ct);
    }
}
