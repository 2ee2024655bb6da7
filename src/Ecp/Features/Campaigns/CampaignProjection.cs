using Ecp.Data;
using Ecp.Features.Consultations;
using Ecp.Features.Notifications;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Campaigns;

/// <summary>
/// Campaign detection as a projection of the public record (checkpoint "campaigns", lease
/// "campaigns.projection", cluster-wide): each submitted or edited contribution is fingerprinted
/// (<see cref="TextFingerprint"/>) and grouped (<see cref="CampaignBatch"/>) against the stored groups
/// of its consultation. The batch's rows, its merges and the moved checkpoint are saved in one
/// transaction. Rebuilt from scratch by <see cref="ResetAsync"/>. It never hides or changes a
/// contribution: hidden and withdrawn ones stay in their group and are counted.
/// </summary>
public sealed class CampaignProjection(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CampaignProjection> log) : BackgroundService
{
    public const string CheckpointName = "campaigns";
    public const string LeaseName = "campaigns.projection";
    internal const int BatchSize = 500;
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(2);
    private readonly string holder = DatabaseLease.NewHolderName();
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Reads the record after the checkpoint until caught up; returns the contributions grouped.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            var grouped = 0;
            while (true)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var redone = new List<Guid>();
                var merges = new List<(Guid Consultation, Guid From, Guid Into)>();
                var batch = await RecordProjection.NextAsync(db, CheckpointName, LeaseName, holder, LeaseDuration, clock.GetUtcNow(), BatchSize,
                    e => new { e.Sequence, e.Action, e.EntityId }, e => e.Sequence,
                    async entries =>
                    {
                        var ids = entries.Where(e => e.Action is ConsultationActions.ContributionSubmitted or ConsultationActions.ContributionEdited)
                            .Select(e => Guid.TryParse(e.EntityId, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
                        redone.AddRange(await db.Set<CampaignMember>().AsNoTracking().Where(m => ids.Contains(m.ContributionId)).Select(m => m.ContributionId).ToListAsync(ct));
                        return await GroupAsync(db, ids, merges, ct);
                    }, ct,
                    async t =>
                    {
                        // An edited contribution is grouped again from its new text; groups the batch joined become one.
                        if (redone.Count > 0)
                        {
                            await db.Set<CampaignBand>().Where(b => redone.Contains(b.ContributionId)).ExecuteDeleteAsync(t);
                            await db.Set<CampaignMember>().Where(m => redone.Contains(m.ContributionId)).ExecuteDeleteAsync(t);
                        }
                        foreach (var (consultation, from, into) in merges)
                        {
                            await db.Set<CampaignMember>().Where(m => m.ConsultationId == consultation && m.GroupId == from)
                                .ExecuteUpdateAsync(u => u.SetProperty(m => m.GroupId, into), t);
                        }
                    });
                grouped += batch.Saved.OfType<CampaignMember>().Count();
                if (batch.Read < BatchSize) return grouped;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets every group; the next pass regroups the whole record.</summary>
    public async Task ResetAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Set<CampaignBand>().ExecuteDeleteAsync(ct);
            await db.Set<CampaignMember>().ExecuteDeleteAsync(ct);
            await db.Set<ProjectionCheckpoint>().Where(c => c.Name == CheckpointName).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSequence, 0L), ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<List<object>> GroupAsync(AppDbContext db, List<Guid> ids, List<(Guid, Guid, Guid)> merges, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var contributions = await db.Contributions.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var batch = new CampaignBatch(new ExcludingReader(new DatabaseCampaignReader(db), ids));
        foreach (var id in ids)
        {
            if (!contributions.TryGetValue(id, out var c)) continue;
            var fingerprint = TextFingerprint.Of(TextOf(c));
            await batch.AddAsync(new CampaignMember(c.Id, c.ConsultationId, c.Number, fingerprint.ExactKey, fingerprint.SignatureBytes(),
                c.Group.ToCode(), c.SubmittedAt), fingerprint, ct);
        }
        batch.Complete();
        merges.AddRange(batch.Merges);
        return [.. batch.Members, .. batch.Bands];
    }

    /// <summary>The words of a contribution's current answers, one answer a line.</summary>
    public static string TextOf(Contribution c) => string.Join("\n", c.Current.Answers.Select(a => a.Text).Where(t => !string.IsNullOrWhiteSpace(t)));

    /// <summary>The stored groups, without the contributions this batch groups again (their old rows go in its transaction).</summary>
    private sealed class ExcludingReader(ICampaignReader inner, IReadOnlyCollection<Guid> regrouped) : ICampaignReader
    {
        public Task<Guid?> ExactGroupAsync(Guid consultation, long exactKey, CancellationToken ct) => inner.ExactGroupAsync(consultation, exactKey, ct);

        public async Task<IReadOnlyList<CampaignCandidate>> CandidatesAsync(Guid consultation, IReadOnlyCollection<long> bandHashes, int max, CancellationToken ct)
            => (await inner.CandidatesAsync(consultation, bandHashes, max, ct)).Where(c => !regrouped.Contains(c.ContributionId)).ToList();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
        => Ticks.EveryAsync(TimeSpan.FromSeconds(1), clock, RunOnceAsync, log, "campaign grouping", stoppingToken);
}
