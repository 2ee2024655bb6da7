namespace Ecp.Features.Campaigns;

/// <summary>What the stored groups say, for one batch: read only (the projection's lease makes it the only writer).</summary>
public interface ICampaignReader
{
    /// <summary>The group of a stored contribution with this exact key, if any.</summary>
    Task<Guid?> ExactGroupAsync(Guid consultation, long exactKey, CancellationToken ct);

    /// <summary>Stored contributions sharing at least one band hash, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<CampaignCandidate>> CandidatesAsync(Guid consultation, IReadOnlyCollection<long> bandHashes, int max, CancellationToken ct);
}

public sealed record CampaignCandidate(Guid ContributionId, Guid GroupId, byte[] Signature);

/// <summary>
/// Groups a batch of contributions, in record order, against what is stored and against each other:
/// an exact copy (same normalized text) joins its copy's group; otherwise every candidate sharing a
/// band whose estimated similarity reaches <see cref="TextFingerprint.Threshold"/> is a match, and the
/// contribution joins their group; when it matches several groups they become one, the one with the
/// smallest id (the earliest, for version-7 ids). Nothing is written here: <see cref="Members"/>,
/// <see cref="Bands"/> and <see cref="Merges"/> are what the projection saves in one transaction.
/// An exact copy stores no bands: its first copy's bands find it.
/// </summary>
public sealed class CampaignBatch(ICampaignReader stored)
{
    public const int MaxCandidates = 64;

    private readonly Dictionary<(Guid, long), Guid> exact = [];
    private readonly Dictionary<(Guid, long), List<CampaignMember>> byBand = [];
    private readonly Dictionary<Guid, Guid> mergedInto = [];
    private readonly List<CampaignMember> members = [];
    private readonly List<CampaignBand> bands = [];
    private readonly List<(Guid Consultation, Guid From, Guid Into)> merges = [];

    public IReadOnlyList<CampaignMember> Members => members;

    public IReadOnlyList<CampaignBand> Bands => bands;

    /// <summary>Groups merged in this batch, in order: stored members of From move to Into.</summary>
    public IReadOnlyList<(Guid Consultation, Guid From, Guid Into)> Merges => merges;

    /// <summary>Groups <paramref name="member"/> and returns its group (final once the batch is <see cref="Complete"/>d).</summary>
    public async Task<Guid> AddAsync(CampaignMember member, TextFingerprint fingerprint, CancellationToken ct = default)
    {
        var consultation = member.ConsultationId;
        var key = (consultation, fingerprint.ExactKey);
        var copy = exact.TryGetValue(key, out var inBatchCopy) ? inBatchCopy : await stored.ExactGroupAsync(consultation, fingerprint.ExactKey, ct);
        if (copy is { } copied)
        {
            member.JoinGroup(Resolve(copied));
            exact[key] = member.GroupId;
            members.Add(member);
            return member.GroupId;
        }

        var hashes = fingerprint.BandHashes();
        var matched = new HashSet<Guid>();
        var closest = 0.0;
        void Consider(Guid group, byte[] signature)
        {
            var similarity = fingerprint.SimilarityTo(signature);
            if (similarity < TextFingerprint.Threshold) return;
            matched.Add(Resolve(group));
            closest = Math.Max(closest, similarity);
        }
        foreach (var candidate in await stored.CandidatesAsync(consultation, hashes, MaxCandidates, ct)) Consider(candidate.GroupId, candidate.Signature);
        var seen = new HashSet<CampaignMember>();
        foreach (var hash in hashes)
        {
            if (!byBand.TryGetValue((consultation, hash), out var inBatch)) continue;
            foreach (var other in inBatch)
            {
                if (seen.Count < MaxCandidates && seen.Add(other)) Consider(other.GroupId, other.Signature);
            }
        }

        var group = matched.Count == 0 ? member.ContributionId : matched.Min();
        foreach (var other in matched.Where(g => g != group))
        {
            mergedInto[other] = group;
            merges.Add((consultation, other, group));
        }
        member.JoinGroup(group);
        exact[key] = group;
        members.Add(member);
        // A near copy (an edit or a signature away from a member) adds nothing its group's bands do not find.
        if (closest >= NearCopy) return group;
        foreach (var hash in hashes)
        {
            bands.Add(new CampaignBand(consultation, hash, member.ContributionId));
            if (!byBand.TryGetValue((consultation, hash), out var list)) byBand[(consultation, hash)] = list = [];
            if (list.Count < RepresentativesPerBand) list.Add(member);
        }
        return group;
    }

    /// <summary>Similarity from which a member stores no bands of its own.</summary>
    public const double NearCopy = 0.9;

    /// <summary>Members of a batch kept per band to compare with: those sharing a band are alike already.</summary>
    private const int RepresentativesPerBand = 8;

    /// <summary>Sets every member of the batch to its group after the batch's merges.</summary>
    public void Complete()
    {
        foreach (var m in members) m.JoinGroup(Resolve(m.GroupId));
    }

    /// <summary>The group a group id now stands for, after this batch's merges.</summary>
    public Guid Resolve(Guid group)
    {
        while (mergedInto.TryGetValue(group, out var into)) group = into;
        return group;
    }

    /// <summary>Nothing stored: a batch that is the whole corpus (a rebuild, a benchmark, a test).</summary>
    public static ICampaignReader NothingStored { get; } = new EmptyReader();

    private sealed class EmptyReader : ICampaignReader
    {
        public Task<Guid?> ExactGroupAsync(Guid consultation, long exactKey, CancellationToken ct) => Task.FromResult<Guid?>(null);

        public Task<IReadOnlyList<CampaignCandidate>> CandidatesAsync(Guid consultation, IReadOnlyCollection<long> bandHashes, int max, CancellationToken ct)
            => Task.FromResult<IReadOnlyList<CampaignCandidate>>([]);
    }
}
