using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Ecp.Features.Search;

/// <summary>
/// The node's Lucene index: one text field per UN language, each analysed by that language's
/// analyzer (Arabic normalization of diacritics, alef forms and tatweel, and stemming; SmartCn word
/// segmentation; Russian, French, Spanish and English stemming). The checkpoint (the last record
/// sequence indexed) is kept in the commit's user data, so the index and its checkpoint move together.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    public static readonly string[] Languages = ["ar", "zh", "en", "fr", "ru", "es"];
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string CheckpointKey = "ecp.checkpoint";
    private const string CheckpointHashKey = "ecp.checkpoint-hash";
    public const int MaxOffset = 1000;
    public const int PageSize = 20;

    private static readonly string[] FacetFields = ["kind", "body", "consultation", "group", "language", "year"];
    private readonly FSDirectory directory;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private readonly Analyzer analyzer;

    public SearchIndex(string path)
    {
        System.IO.Directory.CreateDirectory(path);
        analyzer = new PerFieldAnalyzerWrapper(new StandardAnalyzerFallback(), new Dictionary<string, Analyzer>
        {
            ["text_ar"] = new ArabicAnalyzer(Version),
            ["text_zh"] = new SmartChineseAnalyzer(Version),
            ["text_en"] = new EnglishAnalyzer(Version),
            ["text_fr"] = new FrenchAnalyzer(Version),
            ["text_ru"] = new RussianAnalyzer(Version),
            ["text_es"] = new SpanishAnalyzer(Version),
        });
        directory = FSDirectory.Open(path);
        writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND });
        Checkpoint = writer.CommitData is { } data && data.TryGetValue(CheckpointKey, out var s) ? long.Parse(s, CultureInfo.InvariantCulture) : 0;
        CheckpointHash = writer.CommitData is { } d && d.TryGetValue(CheckpointHashKey, out var h) ? h : null;
        searchers = new SearcherManager(writer, true, null);
    }

    /// <summary>The last record sequence whose effect is committed and searchable.</summary>
    public long Checkpoint { get; private set; }

    /// <summary>The hash of the record entry at <see cref="Checkpoint"/>: which record this index follows
    /// (null for an empty index, or one committed before the hash was kept).</summary>
    public string? CheckpointHash { get; private set; }

    /// <summary>Replaces what the index holds of the entity <paramref name="d"/> is: the document and each of its language versions.</summary>
    public void Put(SearchDocument d)
    {
        Delete(d.Id);
        writer.AddDocument(ToLucene(d, d.Id, d.Kind, d.Language, d.Title, d.Text, d.Url));
        foreach (var v in d.Versions ?? [])
        {
            writer.AddDocument(ToLucene(d, v.IdWithin(d), v.Kind ?? d.Kind, v.Language, v.Title, v.Text, v.Url));
        }
    }

    private static Document ToLucene(SearchDocument d, string id, string kind, string documentLanguage, string title, string text, string? url)
    {
        var language = Languages.Contains(documentLanguage) ? documentLanguage : "en";
        var doc = new Document
        {
            new StringField("id", id, Field.Store.YES),
            new StringField("entity", d.Id, Field.Store.NO),
            new StoredField("title", title),
            new StoredField("url", url ?? ""),
            new StoredField("lang", language),
            new TextField("text_" + language, text, Field.Store.YES),
            new Int64Field("at", d.At.UtcTicks, Field.Store.YES),
            new NumericDocValuesField("at_sort", d.At.UtcTicks),
        };
        void Facet(string name, string? value)
        {
            if (value is null) return;
            doc.Add(new StringField(name, value, Field.Store.NO));
            doc.Add(new SortedDocValuesField(name, new BytesRef(value)));
        }
        Facet("kind", kind);
        Facet("body", d.Body);
        Facet("consultation", d.Consultation);
        Facet("group", d.Group);
        Facet("language", language);
        Facet("year", d.At.UtcDateTime.Year.ToString(CultureInfo.InvariantCulture));
        return doc;
    }

    /// <summary>Removes the entity's document and its language versions (and a document indexed before versions had an entity field).</summary>
    public void Delete(string id) => writer.DeleteDocuments(new Term("entity", id), new Term("id", id));

    public void DeleteAll() => writer.DeleteAll();

    /// <summary>Commits with the checkpoint (and the hash of its entry) and makes the changes searchable.</summary>
    public void Commit(long checkpoint, string? hash = null)
    {
        var data = new Dictionary<string, string> { [CheckpointKey] = checkpoint.ToString(CultureInfo.InvariantCulture) };
        if (hash is not null) data[CheckpointHashKey] = hash;
        writer.SetCommitData(data);
        writer.Commit();
        searchers.MaybeRefreshBlocking();
        Checkpoint = checkpoint;
        CheckpointHash = hash;
    }

    /// <summary>Parses the query in every language (the page's language weighs more); null when malformed.</summary>
    public Query? Parse(string q, string pageLanguage)
    {
        var fields = Languages.Select(l => "text_" + l).ToArray();
        var boosts = Languages.ToDictionary(l => "text_" + l, l => l == pageLanguage ? 2f : 1f);
        var parser = new MultiFieldQueryParser(Version, fields, analyzer, boosts) { AllowLeadingWildcard = false };
        try
        {
            return parser.Parse(q);
        }
        catch (ParseException)
        {
            return null;
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            return null;
        }
    }

    public SearchResults Search(Query query, IReadOnlyDictionary<string, string?> filters, bool byDate, int offset)
    {
        var full = new BooleanQuery { { query, Occur.MUST } };
        foreach (var (name, value) in filters)
        {
            if (!string.IsNullOrEmpty(value)) full.Add(new TermQuery(new Term(name, value)), Occur.MUST);
        }
        var searcher = searchers.Acquire();
        try
        {
            var facets = new FacetCollector(FacetFields);
            var n = Math.Min(offset + PageSize, MaxOffset + PageSize);
            ICollector top;
            Func<TopDocs> page;
            if (byDate)
            {
                var c = TopFieldCollector.Create(new Sort(new SortField("at_sort", SortFieldType.INT64, true)), n, true, true, false, false);
                (top, page) = (c, () => c.GetTopDocs(offset, PageSize));
            }
            else
            {
                var c = TopScoreDocCollector.Create(n, true);
                (top, page) = (c, () => c.GetTopDocs(offset, PageSize));
            }
            searcher.Search(full, MultiCollector.Wrap(top, facets));
            var topDocs = page();
            var items = new List<SearchHit>();
            foreach (var sd in topDocs.ScoreDocs)
            {
                var doc = searcher.Doc(sd.Doc);
                var lang = doc.Get("lang");
                var text = doc.Get("text_" + lang) ?? "";
                items.Add(new SearchHit(doc.Get("id"), doc.Get("title"), doc.Get("url"), lang,
                    new DateTimeOffset(long.Parse(doc.Get("at"), CultureInfo.InvariantCulture), TimeSpan.Zero),
                    Snippet(query, "text_" + lang, text), float.IsNaN(sd.Score) ? 0 : sd.Score));
            }
            var next = offset + PageSize < Math.Min(topDocs.TotalHits, MaxOffset + PageSize) ? (offset + PageSize).ToString(CultureInfo.InvariantCulture) : null;
            return new SearchResults(topDocs.TotalHits, items, facets.Counts, next);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>The best fragments with matches in &lt;mark&gt;, everything else HTML-escaped.</summary>
    private string Snippet(Query query, string field, string text)
    {
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), new QueryScorer(query, field))
        {
            TextFragmenter = new SimpleFragmenter(160),
        };
        var best = highlighter.GetBestFragments(analyzer.GetTokenStream(field, text), text, 3, " … ");
        return string.IsNullOrEmpty(best) ? SimpleHTMLEncoder.HtmlEncode(text.Length > 200 ? text[..200] + "…" : text) : best;
    }

    public void Dispose()
    {
        searchers.Dispose();
        writer.Dispose();
        directory.Dispose();
        analyzer.Dispose();
    }

    /// <summary>Fields without a language of their own are keywords; this analyzer is never used for text.</summary>
    private sealed class StandardAnalyzerFallback() : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new KeywordTokenizer(reader);
            return new TokenStreamComponents(source);
        }
    }

    /// <summary>Counts per value of each facet field over every matching document, from DocValues:
    /// ordinals counted per segment, turned into values once per segment.</summary>
    private sealed class FacetCollector(string[] fields) : ICollector
    {
        private SortedDocValues?[] values = [];
        private int[][] ords = [];
        private readonly Dictionary<string, Dictionary<string, int>> counts = fields.ToDictionary(f => f, _ => new Dictionary<string, int>());

        public Dictionary<string, Dictionary<string, int>> Counts
        {
            get
            {
                Flush();
                return counts;
            }
        }

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            values = fields.Select(f => context.AtomicReader.GetSortedDocValues(f)).ToArray();
            ords = values.Select(v => v is null ? [] : new int[v.ValueCount]).ToArray();
        }

        public void Collect(int doc)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var ord = values[i]?.GetOrd(doc) ?? -1;
                if (ord >= 0) ords[i][ord]++;
            }
        }

        private void Flush()
        {
            var term = new BytesRef();
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is not { } dv) continue;
                for (var ord = 0; ord < ords[i].Length; ord++)
                {
                    if (ords[i][ord] == 0) continue;
                    dv.LookupOrd(ord, term);
                    var key = term.Utf8ToString();
                    counts[fields[i]][key] = counts[fields[i]].GetValueOrDefault(key) + ords[i][ord];
                }
            }
            values = [];
            ords = [];
        }
    }
}

/// <summary>One result; <see cref="Kind"/> is the entity of its id ("report" of "report/…").</summary>
public sealed record SearchHit(string Id, string Title, string Url, string Language, DateTimeOffset At, string Snippet, float Score)
{
    public string Kind => Id.Split('/', 2)[0];
}

public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Items, IReadOnlyDictionary<string, Dictionary<string, int>> Facets, string? Next);
