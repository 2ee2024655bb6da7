using System.ComponentModel;
using System.Diagnostics;
using Ecp.Features.Search;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Microsoft.Data.Sqlite;
using Spectre.Console.Cli;

namespace Ecp.Bench;

/// <summary>
/// The search benchmark: N synthetic documents in the six languages (seeded; a Zipf-distributed
/// vocabulary per language, 20-200 words a document), indexed by ECP's SearchIndex, by raw Lucene.Net
/// (one field, StandardAnalyzer) and by SQLite FTS5; then p50/p95/p99 of rare, common and very common
/// terms, a phrase and a filtered query on each, in the same run.
/// </summary>
public sealed class SearchCommand : AsyncCommand<SearchCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--documents"), DefaultValue(100_000)] public int Documents { get; init; }
        [CommandOption("--queries"), DefaultValue(200)] public int Queries { get; init; }
    }

    private static readonly string[] Languages = SearchIndex.Languages;

    public override Task<int> ExecuteAsync(CommandContext context, Settings s, CancellationToken ct)
    {
        var dir = Path.Combine(Path.GetTempPath(), "ecp-search-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var rng = new Random(12);
            var vocab = Languages.ToDictionary(l => l, l => Enumerable.Range(0, 20_000).Select(i => Word(l, i)).ToArray());
            var docs = Enumerable.Range(0, s.Documents).Select(i =>
            {
                var lang = Languages[i % 6];
                var words = Enumerable.Range(0, rng.Next(20, 200)).Select(_ => vocab[lang][Zipf(rng, 20_000)]);
                return (Id: i.ToString(), Lang: lang, Group: "g" + (i % 5), Text: string.Join(' ', words));
            }).ToList();
            var at = DateTimeOffset.UnixEpoch.AddYears(50);

            var sw = Stopwatch.StartNew();
            using var ecp = new SearchIndex(Path.Combine(dir, "ecp"));
            foreach (var d in docs) ecp.Put(new SearchDocument(d.Id, "contribution", d.Lang, "t", d.Text, at, Group: d.Group));
            ecp.Commit(1);
            var ecpRate = docs.Count / sw.Elapsed.TotalSeconds;

            sw.Restart();
            using var rawDir = Lucene.Net.Store.FSDirectory.Open(Path.Combine(dir, "raw"));
            using var rawWriter = new IndexWriter(rawDir, new IndexWriterConfig(LuceneVersion.LUCENE_48, new StandardAnalyzer(LuceneVersion.LUCENE_48)));
            foreach (var d in docs) rawWriter.AddDocument(new Document { new StringField("id", d.Id, Field.Store.YES), new StringField("group", d.Group, Field.Store.NO), new TextField("text", d.Text, Field.Store.NO) });
            rawWriter.Commit();
            var rawRate = docs.Count / sw.Elapsed.TotalSeconds;
            using var rawReader = DirectoryReader.Open(rawDir);
            var rawSearcher = new IndexSearcher(rawReader);

            sw.Restart();
            using var fts = new SqliteConnection($"Data Source={Path.Combine(dir, "fts.db")}");
            fts.Open();
            Exec(fts, "CREATE VIRTUAL TABLE d USING fts5(text, grp UNINDEXED)");
            using (var tx = fts.BeginTransaction())
            {
                using var ins = fts.CreateCommand();
                ins.CommandText = "INSERT INTO d(text, grp) VALUES ($t, $g)";
                var pt = ins.Parameters.Add("$t", SqliteType.Text);
                var pg = ins.Parameters.Add("$g", SqliteType.Text);
                foreach (var d in docs) { pt.Value = d.Text; pg.Value = d.Group; ins.ExecuteNonQuery(); }
                tx.Commit();
            }
            var ftsRate = docs.Count / sw.Elapsed.TotalSeconds;

            var en = vocab["en"];
            var kinds = new (string Name, Func<int, string> Term, string? Group, bool Phrase)[]
            {
                ("rare", i => en[15_000 + i % 4000], null, false),
                ("common", i => en[100 + i % 50], null, false),
                ("very common", i => en[i % 3], null, false),
                ("phrase", i => en[i % 3] + " " + en[1 + i % 3], null, true),
                ("filtered", i => en[100 + i % 50], "g1", false),
            };
            var search = new SearchQuery(ecp);
            Console.WriteLine($"N={docs.Count}; indexing docs/s: ECP {ecpRate:F0}, raw Lucene {rawRate:F0}, FTS5 {ftsRate:F0}");
            Console.WriteLine("| query | ECP p50/p95/p99 ms | raw Lucene p50/p95/p99 ms | FTS5 p50/p95/p99 ms | ECP p95 / raw | ECP p95 / FTS5 |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (var k in kinds)
            {
                string Q(int i) => k.Phrase ? $"\"{k.Term(i)}\"" : k.Term(i);
                var e = Measure(s.Queries, i => search.Run(new SearchQuery.Request(Q(i), null, null, null, k.Group, null, null, null, null)));
                var r = Measure(s.Queries, i =>
                {
                    Query q = k.Phrase ? Phrase(k.Term(i)) : new TermQuery(new Term("text", k.Term(i)));
                    if (k.Group is { } g) q = new BooleanQuery { { q, Occur.MUST }, { new TermQuery(new Term("group", g)), Occur.MUST } };
                    var top = rawSearcher.Search(q, 20);
                    foreach (var sd in top.ScoreDocs) rawSearcher.Doc(sd.Doc);
                });
                var f = Measure(s.Queries, i =>
                {
                    using var cmd = fts.CreateCommand();
                    cmd.CommandText = "SELECT rowid, snippet(d, 0, '<mark>', '</mark>', '…', 20) FROM d WHERE d MATCH $q" + (k.Group is null ? "" : " AND grp = $g") + " ORDER BY bm25(d) LIMIT 20";
                    cmd.Parameters.AddWithValue("$q", k.Phrase ? $"\"{k.Term(i)}\"" : k.Term(i));
                    if (k.Group is { } g) cmd.Parameters.AddWithValue("$g", g);
                    using var rd = cmd.ExecuteReader();
                    while (rd.Read()) { }
                });
                Console.WriteLine($"| {k.Name} | {e.P50:F2}/{e.P95:F2}/{e.P99:F2} | {r.P50:F2}/{r.P95:F2}/{r.P99:F2} | {f.P50:F2}/{f.P95:F2}/{f.P99:F2} | {e.P95 / r.P95:F2} | {e.P95 / f.P95:F2} |");
            }
            return Task.FromResult(0);
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static PhraseQuery Phrase(string words)
    {
        var q = new PhraseQuery();
        foreach (var w in words.Split(' ')) q.Add(new Term("text", w));
        return q;
    }

    private static (double P50, double P95, double P99) Measure(int n, Action<int> run)
    {
        for (var i = 0; i < 10; i++) run(i);
        var ms = new double[n];
        for (var i = 0; i < n; i++)
        {
            var t = Stopwatch.GetTimestamp();
            run(i);
            ms[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }
        Array.Sort(ms);
        double At(double q) => ms[Math.Min(n - 1, (int)Math.Ceiling(q * n) - 1)];
        return (At(0.5), At(0.95), At(0.99));
    }

    private static int Zipf(Random rng, int n) => Math.Min(n - 1, (int)Math.Floor(Math.Pow(n + 1, rng.NextDouble())) - 1);

    /// <summary>A synthetic word in the language's script, stable per index (a stemmer-neutral stem plus a vowel).</summary>
    private static string Word(string lang, int i)
    {
        var letters = lang switch
        {
            "ar" => "بتثجحخدذرزسشصضطظعغفقكلمنهوي",
            "zh" => "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年",
            "ru" => "бвгджзклмнпрстфхцчшщ",
            _ => "bcdfghjklmnpqrstvwxz",
        };
        var vowels = lang switch { "ar" => "اوي", "zh" => "", "ru" => "аеиоуы", _ => "aeiou" };
        var sb = new System.Text.StringBuilder();
        var x = i + 7;
        do
        {
            sb.Append(letters[x % letters.Length]);
            if (vowels.Length > 0) sb.Append(vowels[(x / letters.Length) % vowels.Length]);
            x /= letters.Length;
        } while (x > 0);
        return sb.ToString();
    }
}
