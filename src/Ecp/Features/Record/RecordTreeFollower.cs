using Ecp.Data;
using Ecp.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ecp.Features.Record;

/// <summary>
/// Keeps the record's Merkle tree up with the record and signs a checkpoint at least every
/// <see cref="TransparencyLogOptions.CheckpointMinutes"/> while the record grows, on one node of the
/// cluster at a time (the "record.tree" lease). An idle pass reads two numbers and writes nothing.
/// </summary>
public sealed class RecordTreeFollower(IServiceScopeFactory scopes, TimeProvider clock, IOptions<TransparencyLogOptions> options, ILogger<RecordTreeFollower> log)
    : BackgroundService
{
    public const string LeaseName = "record.tree";
    private readonly string holder = DatabaseLease.NewHolderName();

    /// <summary>One pass: catch up and sign when due. Returns the checkpoint signed, if any.</summary>
    public async Task<RecordCheckpoint?> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tree = scope.ServiceProvider.GetRequiredService<RecordTree>();
        var checkpoints = scope.ServiceProvider.GetRequiredService<RecordCheckpoints>();
        var head = await db.RecordHeads.AsNoTracking().Select(h => h.Sequence).SingleAsync(ct);
        var latest = await checkpoints.LatestAsync(ct);
        if (head == 0 || (await tree.SizeAsync(ct) >= head && latest?.Size >= head)) return null;
        if (!await DatabaseLease.TryAcquireAsync(db, LeaseName, holder, TimeSpan.FromMinutes(2), clock.GetUtcNow(), ct)) return null;
        await tree.CatchUpAsync(ct);
        return await checkpoints.SignIfDueAsync(ct);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
        => options.Value.Enabled
            ? Ticks.EveryAsync(TimeSpan.FromSeconds(Math.Max(0.1, options.Value.PollSeconds)), clock, RunOnceAsync, log, "record tree", stoppingToken)
            : Task.CompletedTask;
}
