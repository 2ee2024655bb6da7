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
/// vocabulary per language, 20-200 words a document), indexed by ECP's SearchIndex (as a rebuild
/// from nothing does it), by raw Lucene.Net (one field, StandardAnalyzer), by SQLite FTS5 and by
/// PostgreSQL full-text search; then p50/p95/p99 of rare, common and very common terms, a phrase
/// and a filtered query on each, in the same run; then the freshness of /api/v1/search on a real
/// server over N publications.
/// </summary>
public sealed class SearchCommand : AsyncCommand<SearchCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--documents"), DefaultValue(100_000)] public int Documents { get; init; }
        [CommandOption("--queries"), DefaultValue(200)] public int Queries { get; init; }

        [CommandOption("--budget <SECONDS>"), DefaultValue(60)]
        [Description("Time per engine and query kind: an engine slower than that is measured over fewer queries (at least 20; the count is printed).")]
        public int Budget { get; init; }

        [CommandOption("--postgres <CONNECTION>"), DefaultValue("Host=127.0.0.1;Port=55400;Username=postgres")]
        [Description("PostgreSQL server for the full-text baseline (a throwaway database is created and dropped); empty: no PostgreSQL.")]
        public string Postgres { get; init; } = "";

        [CommandOption("--publications <N>"), DefaultValue(100)]
        [Description("Contributions published through the API to measure how soon /api/v1/search finds each; 0: not measured.")]
        public int Publications { get; init; }

        [CommandOption("--port <PORT>"), DefaultValue(55491)] public int Port { get; init; }

        [CommandOption("--profile")]
        [Description("Also print each analyzer's rate alone and ECP's parse and search times apart.")]
        public bool Profile { get; init; }
    }

    private static readonly string[] Languages = SearchIndex.Languages;

    public override async Task<int> ExecuteAsync(CommandContext context, Settings s, CancellationToken ct)
    {
        // The page language of the ECP queries (the queries are English words).
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en");
        var started = DateTimeOffset.UtcNow;
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
            Console.WriteLine($"{started:u} generated {docs.Count:N0} documents ({docs.Sum(d => (long)d.Text.Length):N0} characters)");

            if (s.Profile)
            {
                foreach (var (lang, a) in new (string, Lucene.Net.Analysis.Analyzer)[]
                {
                    ("ar", new Lucene.Net.Analysis.Ar.ArabicAnalyzer(LuceneVersion.LUCENE_48)), ("zh", new Lucene.Net.Analysis.Cn.Smart.SmartChineseAnalyzer(LuceneVersion.LUCENE_48)),
                    ("en", new Lucene.Net.Analysis.En.EnglishAnalyzer(LuceneVersion.LUCENE_48)), ("fr", new Lucene.Net.Analysis.Fr.FrenchAnalyzer(LuceneVersion.LUCENE_48)),
                    ("ru", new Lucene.Net.Analysis.Ru.RussianAnalyzer(LuceneVersion.LUCENE_48)), ("es", new Lucene.Net.Analysis.Es.SpanishAnalyzer(LuceneVersion.LUCENE_48)),
                    ("std-zh", new StandardAnalyzer(LuceneVersion.LUCENE_48)),
                })
                {
                    var texts = docs.Where(d => d.Lang == lang.Replace("std-", "")).Take(2000).Select(d => d.Text).ToList();
                    var t0 = Stopwatch.StartNew();
                    for (var j = 0; j < 2 * texts.Count; j++)
                    {
                        if (j == texts.Count) t0.Restart();
                        var text = texts[j % texts.Count];
                        using var ts = a.GetTokenStream("f", text);
                        ts.Reset();
                        while (ts.IncrementToken()) { }
                        ts.End();
                    }
                    Console.WriteLine($"profile analysis {lang}: {texts.Count / t0.Elapsed.TotalSeconds:F0} docs/s");
                }
            }
            var ecpDocs = docs.Select((d, i) => new SearchDocument(d.Id, "contribution", d.Lang, "t", d.Text, at.AddMinutes(i), Group: d.Group)).ToList();
            var sw = Stopwatch.StartNew();
            using var ecp = new SearchIndex(Path.Combine(dir, "ecp"));
            for (var i = 0; i < ecpDocs.Count; i += 10_000) ecp.PutAll(ecpDocs.GetRange(i, Math.Min(10_000, ecpDocs.Count - i)));
            ecp.Commit(1);
            ecp.EndRebuild();
            var ecpRate = docs.Count / sw.Elapsed.TotalSeconds;
            ecpDocs.Clear();
            ecpDocs.TrimExcess();
            Console.WriteLine($"ECP indexed in {sw.Elapsed.TotalSeconds:F1} s");

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
                var pgrp = ins.Parameters.Add("$g", SqliteType.Text);
                foreach (var d in docs) { pt.Value = d.Text; pgrp.Value = d.Group; ins.ExecuteNonQuery(); }
                tx.Commit();
            }
            var ftsRate = docs.Count / sw.Elapsed.TotalSeconds;
            Console.WriteLine($"raw Lucene and FTS5 indexed");

            SearchPostgres? pg = null;
            double pgRate = double.NaN;
            if (s.Postgres is { Length: > 0 })
            {
                sw.Restart();
                pg = new SearchPostgres(s.Postgres);
                pg.Index(docs);
                pgRate = docs.Count / sw.Elapsed.TotalSeconds;
                Console.WriteLine($"PostgreSQL indexed in {sw.Elapsed.TotalSeconds:F1} s");
            }

            var en = vocab["en"];
            var kinds = new (string Name, Func<int, string> Term, string? Group, bool Phrase)[]
            {
                ("rare", i => en[15_000 + i % 4000], null, false),
                ("common", i => en[100 + i % 50], null, false),
                ("very common", i => en[i % 3], null, false),
                ("phrase", i => en[i % 3] + " " + en[1 + i % 3], null, true),
                ("filtered", i => en[100 + i % 50], "g1", false),
            };
            // The texts are indexed everywhere: let them go before the queries, so no engine's
            // collections walk a heap of a million documents the app would never hold.
            var documentCount = docs.Count;
            docs.Clear();
            docs.TrimExcess();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, true, true);
            var search = new SearchQuery(ecp);
            if (s.Profile)
            {
                foreach (var k in kinds)
                {
                    var parse = Measure(50, TimeSpan.FromSeconds(5), i => ecp.Parse(k.Term(i), "en"));
                    var parsed = ecp.Parse(k.Term(0), "en")!;
                    var run = Measure(400, TimeSpan.FromSeconds(8), i => ecp.Search(parsed, new Dictionary<string, string?>(), false, 0));
                    Console.WriteLine($"profile {k.Name}: parse {parse}, search {run}, query {parsed}");
                }
            }
            var budget = TimeSpan.FromSeconds(s.Budget);
            var rows = new List<string>();
            foreach (var k in kinds)
            {
                string Q(int i) => k.Phrase ? $"\"{k.Term(i)}\"" : k.Term(i);
                var e = Measure(s.Queries, budget, i =>
                {
                    var result = search.Run(new SearchQuery.Request(Q(i), null, null, null, k.Group, null, null, null, null));
                    if (!result.IsSuccess) throw new InvalidOperationException($"ECP: {k.Name} {Q(i)} was refused");
                });
                var r = Measure(s.Queries, budget, i =>
                {
                    Query q = k.Phrase ? Phrase(k.Term(i)) : new TermQuery(new Term("text", k.Term(i)));
                    if (k.Group is { } g) q = new BooleanQuery { { q, Occur.MUST }, { new TermQuery(new Term("group", g)), Occur.MUST } };
                    var top = rawSearcher.Search(q, 20);
                    foreach (var sd in top.ScoreDocs) rawSearcher.Doc(sd.Doc);
                });
                var f = Measure(s.Queries, budget, i =>
                {
                    using var cmd = fts.CreateCommand();
                    cmd.CommandText = "SELECT rowid, snippet(d, 0, '<mark>', '</mark>', '…', 20) FROM d WHERE d MATCH $q" + (k.Group is null ? "" : " AND grp = $g") + " ORDER BY bm25(d) LIMIT 20";
                    cmd.Parameters.AddWithValue("$q", k.Phrase ? $"\"{k.Term(i)}\"" : k.Term(i));
                    if (k.Group is { } g) cmd.Parameters.AddWithValue("$g", g);
                    using var rd = cmd.ExecuteReader();
                    while (rd.Read()) { }
                });
                var p = pg is null ? default : Measure(s.Queries, budget, i => pg.Query(k.Term(i), k.Phrase, k.Group));
                rows.Add($"| {k.Name} | {e} | {r} | {f} | {p} | {e.P95 / r.P95:F2} | {e.P95 / f.P95:F2} | {e.P95 / p.P95:F2} |");
                Console.WriteLine(rows[^1]);
            }
            pg?.Dispose();

            Console.WriteLine();
            Console.WriteLine($"N={documentCount:N0}; indexing docs/s: ECP {ecpRate:F0}, raw Lucene {rawRate:F0}, FTS5 {ftsRate:F0}, PostgreSQL {pgRate:F0}");
            Console.WriteLine("| query | ECP p50/p95/p99 ms (n) | raw Lucene | FTS5 | PostgreSQL | ECP p95 / raw | ECP p95 / FTS5 | ECP p95 / PostgreSQL |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|");
            foreach (var row in rows) Console.WriteLine(row);
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }

        if (s.Publications > 0)
        {
            var found = await SearchFreshness.MeasureAsync(s.Publications, s.Port, ct);
            Console.WriteLine($"freshness over {found.Length} publications: from the 201 to found by GET /api/v1/search, p50 {found[(found.Length - 1) / 2]:F0} ms, max {found[^1]:F0} ms");
        }
        Console.WriteLine($"finished {DateTimeOffset.UtcNow:u}");
        return 0;
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

    /// <summary>Percentiles of the query's latency over up to n runs after 10 unmeasured ones;
    /// stops early (after at least 20) once <paramref name="budget"/> is spent.</summary>
    private static Percentiles Measure(int n, TimeSpan budget, Action<int> run)
    {
        for (var i = 0; i < 10; i++) run(i);
        var ms = new List<double>(n);
        var spent = Stopwatch.StartNew();
        for (var i = 0; i < n && (i < 20 || spent.Elapsed < budget); i++)
        {
            var t = Stopwatch.GetTimestamp();
            run(i);
            ms.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        ms.Sort();
        double At(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
        return new Percentiles(At(0.5), At(0.95), At(0.99), ms.Count);
    }

    private readonly record struct Percentiles(double P50, double P95, double P99, int Count)
    {
        public override string ToString() => Count == 0 ? "-" : $"{P50:F2}/{P95:F2}/{P99:F2} ({Count})";
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
