using System.Reflection;
using System.Text.Json;
using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Issues;

/// <summary>
/// The reference taxonomy: the clusters and issues of the CSTD mapping (E/CN.16/2015/CRP.2) in
/// issue-taxonomy.json, with the source of each language's names. The mapping was issued in
/// English only, so every other name is the team's translation and the pages say so.
/// </summary>
public sealed class IssueTaxonomy
{
    private static readonly Lazy<IssueTaxonomy> Loaded = new(Load);

    private IssueTaxonomy(string source, IReadOnlyDictionary<string, TranslationSource> translations, IReadOnlyList<ClusterRow> clusters)
    {
        Source = source;
        Translations = translations;
        Clusters = clusters;
    }

    public static IssueTaxonomy Instance => Loaded.Value;

    /// <summary>The document the taxonomy comes from.</summary>
    public string Source { get; }

    /// <summary>Per UN language: whether its names are official and where they come from.</summary>
    public IReadOnlyDictionary<string, TranslationSource> Translations { get; }

    public IReadOnlyList<ClusterRow> Clusters { get; }

    /// <summary>Whether the names in <paramref name="language"/> are an official translation.</summary>
    public bool IsOfficial(string language) => Translations.TryGetValue(language, out var t) && t.Official;

    /// <summary>
    /// Adds what the reference taxonomy has and the database lacks (a fresh database, or a
    /// cluster or issue added to the file since). Never changes or removes what is there: from the
    /// first start on, the secretariat's renames, merges and retirements are the truth, on the record.
    /// </summary>
    public static async Task SeedAsync(AppDbContext db, CancellationToken ct = default)
    {
        var taxonomy = Instance;
        var clusters = await db.IssueClusters.Select(c => c.Code).ToListAsync(ct);
        var issues = await db.Issues.Select(i => i.Code).ToListAsync(ct);
        foreach (var (cluster, c) in taxonomy.Clusters.Select((cluster, c) => (cluster, c)))
        {
            if (!clusters.Contains(cluster.Code)) db.IssueClusters.Add(new IssueCluster(cluster.Code, c + 1, IssueNames.From(cluster.Names)));
            foreach (var (issue, i) in cluster.Issues.Select((issue, i) => (issue, i)))
            {
                if (!issues.Contains(issue.Code)) db.Issues.Add(Issue.FromTaxonomy(issue.Code, cluster.Code, i + 1, IssueNames.From(issue.Names)));
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static IssueTaxonomy Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Ecp.issue-taxonomy.json")
            ?? throw new InvalidOperationException("issue-taxonomy.json is not embedded.");
        var file = JsonSerializer.Deserialize<FileRow>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidOperationException("issue-taxonomy.json is empty.");
        foreach (var code in file.Clusters.SelectMany(c => c.Issues.Select(i => i.Code).Prepend(c.Code)))
        {
            if (!Issue.IsCode(code)) throw new InvalidOperationException($"issue-taxonomy.json: '{code}' is not a code.");
        }
        return new IssueTaxonomy(file.Source, file.Translations, file.Clusters);
    }

    public sealed record TranslationSource(bool Official, string Source);

    public sealed record IssueRow(string Code, Dictionary<string, string> Names);

    public sealed record ClusterRow(string Code, Dictionary<string, string> Names, List<IssueRow> Issues);

    private sealed record FileRow(string Source, Dictionary<string, TranslationSource> Translations, List<ClusterRow> Clusters);
}
