using Ecp.Features.Campaigns;

namespace Ecp.Tests.Campaigns;

/// <summary>The grouping on a generated FCC-like docket with known groups (<see cref="CommentCorpus"/>):
/// B-cubed precision at least 0.99 and recall at least 0.95, the thresholds.</summary>
public sealed class CampaignGroupingQualityTests
{
    [Theory]
    [InlineData(20261203)]
    [InlineData(7)]
    public async Task GeneratedDocket_GroupedWithBCubedPrecisionAndRecallOverTheThresholds(int seed)
    {
        var corpus = CommentCorpus.Generate(seed, campaigns: 36, organic: 2400);
        var consultation = Guid.NewGuid();
        var batch = new CampaignBatch(CampaignBatch.NothingStored);
        var ids = new List<Guid>();
        var start = DateTimeOffset.UnixEpoch;
        for (var i = 0; i < corpus.Comments.Count; i++)
        {
            var id = Guid.CreateVersion7(start.AddSeconds(i));
            ids.Add(id);
            var fingerprint = TextFingerprint.Of(corpus.Comments[i].Text);
            await batch.AddAsync(new CampaignMember(id, consultation, i + 1, fingerprint.ExactKey, fingerprint.SignatureBytes(), "civil-society", start.AddSeconds(i)), fingerprint);
        }
        batch.Complete();
        var predicted = batch.Members.Select(m => m.GroupId).ToList();

        var (precision, recall) = BCubed(predicted, corpus.Comments.Select(c => c.TrueGroup).ToList());
        Assert.True(precision >= 0.99, $"B-cubed precision {precision:F4} < 0.99 (recall {recall:F4})");
        Assert.True(recall >= 0.95, $"B-cubed recall {recall:F4} < 0.95 (precision {precision:F4})");
    }

    [Fact]
    public void Normalization_CaseSpacingPunctuationAndCompatibilityForms_GiveOneExactKey()
    {
        var keys = new[] { "Keep the Internet open!", "  keep   THE internet, open.", "Ｋｅｅｐ the Internet open" }.Select(t => TextFingerprint.Of(t).ExactKey).Distinct();
        Assert.Single(keys);
        Assert.NotEqual(TextFingerprint.Of("Keep the Internet open").ExactKey, TextFingerprint.Of("Keep the Internet closed").ExactKey);
        // Arabic: diacritics, the hamza on an alef and tatweel make no difference.
        Assert.Equal(TextFingerprint.Of("ندعو الى الحوار").ExactKey, TextFingerprint.Of("نَدعو إلى الحـوار").ExactKey);
    }

    /// <summary>B-cubed: for each item, the share of its predicted cluster that is truly its group
    /// (precision) and the share of its true group found in its predicted cluster (recall), averaged.</summary>
    internal static (double Precision, double Recall) BCubed(IReadOnlyList<Guid> predicted, IReadOnlyList<int> truth)
    {
        var byPredicted = Enumerable.Range(0, predicted.Count).ToLookup(i => predicted[i]);
        var byTruth = Enumerable.Range(0, truth.Count).ToLookup(i => truth[i]);
        double precision = 0, recall = 0;
        var pairCounts = Enumerable.Range(0, predicted.Count).GroupBy(i => (predicted[i], truth[i])).ToDictionary(g => g.Key, g => g.Count());
        for (var i = 0; i < predicted.Count; i++)
        {
            var both = pairCounts[(predicted[i], truth[i])];
            precision += (double)both / byPredicted[predicted[i]].Count();
            recall += (double)both / byTruth[truth[i]].Count();
        }
        return (precision / predicted.Count, recall / predicted.Count);
    }
}
