using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
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
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Ecp.Features.Search;

/// <summary>
/// The node's Lucene index: one text field, each text analysed by its own language's analyzer
/// (Arabic normalization of diacritics, alef forms and tatweel, and stemming; SmartCn word
/// segmentation; Russian, French, Spanish and English stemming), its postings keeping offsets so
/// snippets are cut from the text without analysing it again. A query is analysed in the page's
/// language and in each other language the index holds texts in, the forms they agree on searched
/// once (one field: a word all the languages leave alone is one term, not six). The checkpoint (the last record
/// sequence indexed) and the schema version are kept in the commit's user data, so the index and its
/// checkpoint move together; an index of another schema is emptied and rebuilt from the record.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    public static readonly string[] Languages = ["ar", "zh", "en", "fr", "ru", "es"];
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string CheckpointKey = "ecp.checkpoint";
    private const string CheckpointHashKey = "ecp.checkpoint-hash";
    private const string SchemaKey = "ecp.schema";
    /// <summary>4: one "text" field analysed per document's language, offsets in its postings; what
    /// a hit shows in one binary doc value ("hit") instead of compressed stored fields (a stored "text"
    /// only for a text too long for it).</summary>
    private const string Schema = "4";
    private const string Text = "text";
    /// <summary>Lucene's limit for one binary doc value, less room for the hit's other fields.</summary>
    private const int MaxHitBytes = 32_000;
    public const int MaxOffset = 1000;
    public const int PageSize = 20;

    private static readonly string[] FacetFields = ["kind", "body", "consultation", "group", "language", "year"];
    private static readonly FieldType TextType = Freeze(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS });
    private readonly FSDirectory directory;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private readonly Analyzer keywords = new StandardAnalyzerFallback();
    private readonly Dictionary<string, Analyzer> analyzers = new()
    {
        ["ar"] = new ArabicAnalyzer(Version),
        ["zh"] = new SmartChineseAnalyzer(Version),
        ["en"] = new EnglishAnalyzer(Version),
        ["fr"] = new FrenchAnalyzer(Version),
        ["ru"] = new RussianAnalyzer(Version),
        ["es"] = new SpanishAnalyzer(Version),
    };
    private readonly ConditionalWeakTable<object, SegmentFacets> facetCache = new();
    private readonly System.Threading.Lock rebuildLock = new();
    /// <summary>While the index is rebuilt from nothing: the entities added since, so an entity
    /// seen for the first time is added without a delete by id (deletes dominate a rebuild).</summary>
    private HashSet<string>? rebuilt;
    private volatile string[] presentLanguages;

    public SearchIndex(string path)
    {
        System.IO.Directory.CreateDirectory(path);
        directory = FSDirectory.Open(path);
        writer = new IndexWriter(directory, new IndexWriterConfig(Version, keywords)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 128,
            MaxThreadStates = Math.Max(2, Environment.ProcessorCount),
        });
        var data = writer.CommitData;
        if (writer.MaxDoc > 0 && (data is null || !data.TryGetValue(SchemaKey, out var schema) || schema != Schema))
        {
            writer.DeleteAll();
        }
        else
        {
            Checkpoint = data is not null && data.TryGetValue(CheckpointKey, out var s) ? long.Parse(s, CultureInfo.InvariantCulture) : 0;
            CheckpointHash = data is not null && data.TryGetValue(CheckpointHashKey, out var h) ? h : null;
        }
        if (writer.MaxDoc == 0) rebuilt = [];
        searchers = new SearcherManager(writer, true, null);
        presentLanguages = PresentLanguages();
    }

    /// <summary>The last record sequence whose effect is committed and searchable.</summary>
    public long Checkpoint { get; private set; }

    /// <summary>The hash of the record entry at <see cref="Checkpoint"/>: which record this index follows
    /// (null for an empty index, or one committed before the hash was kept).</summary>
    public string? CheckpointHash { get; private set; }

    /// <summary>Replaces what the index holds of the entity <paramref name="d"/> is: the document and each of its language versions.</summary>
    public void Put(SearchDocument d)
    {
        if (!FirstSight(d.Id)) Delete(d.Id);
        Add(d);
    }

    /// <summary>Put of many documents, on every core (IndexWriter is thread-safe; each thread has its own analyzers).</summary>
    public void PutAll(IReadOnlyCollection<SearchDocument> docs)
    {
        foreach (var d in docs)
        {
            if (!FirstSight(d.Id)) Delete(d.Id);
        }
        if (docs.Count < 64)
        {
            foreach (var d in docs) Add(d);
            return;
        }
        Parallel.ForEach(Partitioner.Create(docs, EnumerablePartitionerOptions.NoBuffering), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, Add);
    }

    /// <summary>The index is being rebuilt and has not held this entity since: nothing to delete.</summary>
    private bool FirstSight(string id)
    {
        lock (rebuildLock)
        {
            return rebuilt?.Add(id) ?? false;
        }
    }

    /// <summary>The index has caught up with the record: from now on every put replaces by id.</summary>
    public void EndRebuild()
    {
        lock (rebuildLock)
        {
            rebuilt = null;
        }
    }

    private void Add(SearchDocument d)
    {
        writer.AddDocument(ToLucene(d, d.Id, d.Kind, d.Language, d.Title, d.Text, d.Url));
        foreach (var v in d.Versions ?? [])
        {
            writer.AddDocument(ToLucene(d, v.IdWithin(d), v.Kind ?? d.Kind, v.Language, v.Title, v.Text, v.Url));
        }
    }

    private Document ToLucene(SearchDocument d, string id, string kind, string documentLanguage, string title, string text, string? url)
    {
        var language = Languages.Contains(documentLanguage) ? documentLanguage : "en";
        var doc = new Document
        {
            new StringField("id", id, Field.Store.NO),
            new StringField("entity", d.Id, Field.Store.NO),
            new NumericDocValuesField("at_sort", d.At.UtcTicks),
        };
        // The text in its own language's analysis; the token stream is this thread's, consumed by the
        // AddDocument that follows.
        var field = new Field(Text, text, TextType);
        field.SetTokenStream(analyzers[language].GetTokenStream(Text, text));
        doc.Add(field);
        var hit = Hit.Write(id, title, url ?? "", language, d.At.UtcTicks, text, out var textInHit);
        doc.Add(new BinaryDocValuesField("hit", new BytesRef(hit)));
        if (!textInHit) doc.Add(new StoredField("text", text));
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

    public void DeleteAll()
    {
        writer.DeleteAll();
        lock (rebuildLock)
        {
            rebuilt = [];
        }
    }

    /// <summary>Commits with the checkpoint (and the hash of its entry) and makes the changes searchable.</summary>
    public void Commit(long checkpoint, string? hash = null)
    {
        var data = new Dictionary<string, string>
        {
            [CheckpointKey] = checkpoint.ToString(CultureInfo.InvariantCulture),
            [SchemaKey] = Schema,
        };
        if (hash is not null) data[CheckpointHashKey] = hash;
        writer.SetCommitData(data);
        writer.Commit();
        searchers.MaybeRefreshBlocking();
        presentLanguages = PresentLanguages();
        Checkpoint = checkpoint;
        CheckpointHash = hash;
    }

    /// <summary>The languages the index holds texts in: a query is not analysed in the others.</summary>
    private string[] PresentLanguages()
    {
        var searcher = searchers.Acquire();
        try
        {
            var terms = MultiFields.GetTerms(searcher.IndexReader, "language");
            return Languages.Where(l => terms is not null && terms.GetEnumerator().SeekExact(new BytesRef(l))).ToArray();
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>Parses the query in the page's language (weighing more) and in every other language
    /// the index holds texts in; null when malformed.</summary>
    public Query? Parse(string q, string pageLanguage)
    {
        var page = Languages.Contains(pageLanguage) ? pageLanguage : "en";
        var languages = presentLanguages.Where(l => l != page).Prepend(page).Select(l => (l, analyzers[l])).ToArray();
        var parser = new LanguagesQueryParser(languages, keywords) { AllowLeadingWildcard = false };
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
        var full = query;
        if (filters.Values.Any(v => !string.IsNullOrEmpty(v)))
        {
            var b = new BooleanQuery { { query, Occur.MUST } };
            foreach (var (name, value) in filters)
            {
                if (!string.IsNullOrEmpty(value)) b.Add(new TermQuery(new Term(name, value)), Occur.MUST);
            }
            full = b;
        }
        var searcher = searchers.Acquire();
        try
        {
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
            var facets = new FacetCollector(this, top);
            searcher.Search(full, facets);
            var topDocs = page();
            var leaves = searcher.IndexReader.Leaves;
            var snippets = new Snippets(query, leaves);
            var items = new List<SearchHit>(topDocs.ScoreDocs.Length);
            var bytes = new BytesRef();
            foreach (var sd in topDocs.ScoreDocs)
            {
                var leaf = leaves[ReaderUtil.SubIndex(sd.Doc, leaves)];
                leaf.AtomicReader.GetBinaryDocValues("hit").Get(sd.Doc - leaf.DocBase, bytes);
                var h = Hit.Read(bytes);
                var text = h.Text ?? leaf.AtomicReader.Document(sd.Doc - leaf.DocBase).Get("text") ?? "";
                items.Add(new SearchHit(h.Id, h.Title, h.Url, h.Language, new DateTimeOffset(h.At, TimeSpan.Zero),
                    snippets.Of(sd.Doc, Text, text), float.IsNaN(sd.Score) ? 0 : sd.Score));
            }
            var next = offset + PageSize < Math.Min(topDocs.TotalHits, MaxOffset + PageSize) ? (offset + PageSize).ToString(CultureInfo.InvariantCulture) : null;
            return new SearchResults(topDocs.TotalHits, items, facets.Counts, next);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        searchers.Dispose();
        writer.Dispose();
        directory.Dispose();
        keywords.Dispose();
        foreach (var a in analyzers.Values) a.Dispose();
    }

    /// <summary>What a hit shows, in one binary doc value: read without decompressing a chunk of
    /// stored fields per hit (which cost most of a query's time).</summary>
    private readonly record struct Hit(string Id, string Title, string Url, string Language, long At, string? Text)
    {
        public static byte[] Write(string id, string title, string url, string language, long at, string text, out bool textInHit)
        {
            using var ms = new MemoryStream();
            using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
            {
                w.Write(id);
                w.Write(title);
                w.Write(url);
                w.Write(language);
                w.Write(at);
                textInHit = ms.Length + Encoding.UTF8.GetByteCount(text) + 5 <= MaxHitBytes;
                w.Write(textInHit);
                if (textInHit) w.Write(text);
            }
            return ms.ToArray();
        }

        public static Hit Read(BytesRef b)
        {
            using var r = new BinaryReader(new MemoryStream(b.Bytes, b.Offset, b.Length, writable: false), Encoding.UTF8);
            return new Hit(r.ReadString(), r.ReadString(), r.ReadString(), r.ReadString(), r.ReadInt64(), r.ReadBoolean() ? r.ReadString() : null);
        }
    }

    private static FieldType Freeze(FieldType t)
    {
        t.Freeze();
        return t;
    }

    /// <summary>The query syntax of the classic parser on the one text field: each word or phrase
    /// analysed by each language's analyzer (the page's first, weighing twice), the distinct results
    /// in one disjunction. A form only some languages give is searched in texts of those languages
    /// only: one field must not let a form of one language's analysis (SmartCn cutting a Latin word
    /// into letters) match the words of another's.</summary>
    private sealed class LanguagesQueryParser((string Code, Analyzer Analyzer)[] languages, Analyzer keywords) : QueryParser(Version, Text, keywords)
    {
        protected override Query? NewFieldQuery(Analyzer analyzer, string field, string queryText, bool quoted)
        {
            if (field != Text) return base.NewFieldQuery(analyzer, field, queryText, quoted);
            var distinct = new List<(Query Query, List<string> Languages)>();
            var pageQuery = false;
            for (var i = 0; i < languages.Length; i++)
            {
                var q = base.NewFieldQuery(languages[i].Analyzer, field, queryText, quoted);
                if (q is null) continue;
                var same = distinct.FindIndex(d => d.Query.Equals(q));
                if (same >= 0)
                {
                    distinct[same].Languages.Add(languages[i].Code);
                    continue;
                }
                pageQuery |= i == 0;
                distinct.Add((q, [languages[i].Code]));
            }
            if (distinct.Count == 0) return null;
            var queries = distinct.Select(d => d.Languages.Count == languages.Length ? d.Query : InLanguages(d.Query, d.Languages)).ToList();
            if (pageQuery) queries[0].Boost *= 2;
            if (queries.Count == 1) return queries[0];
            var any = new BooleanQuery(true);
            foreach (var q in queries) any.Add(q, Occur.SHOULD);
            return any;
        }

        private static Query InLanguages(Query query, List<string> codes)
        {
            var languagesQuery = new BooleanQuery(true);
            foreach (var code in codes) languagesQuery.Add(new TermQuery(new Term("language", code)), Occur.SHOULD);
            return new FilteredQuery(query, new QueryWrapperFilter(languagesQuery));
        }
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

    /// <summary>A segment's facet values, read once from its DocValues (segments never change; the
    /// cache entry goes with the segment): the ordinals of each document's facet fields side by side
    /// (-1: none), so counting a match reads one cache line rather than one per field, and the value
    /// of each ordinal.</summary>
    private sealed class SegmentFacets
    {
        public readonly int[] Ords;
        public readonly string[][] Values;

        public SegmentFacets(AtomicReader reader)
        {
            var n = FacetFields.Length;
            Ords = new int[reader.MaxDoc * n];
            Values = new string[n][];
            var term = new BytesRef();
            for (var f = 0; f < n; f++)
            {
                var dv = reader.GetSortedDocValues(FacetFields[f]);
                Values[f] = dv is null ? [] : new string[dv.ValueCount];
                for (var doc = 0; doc < reader.MaxDoc; doc++) Ords[doc * n + f] = dv?.GetOrd(doc) ?? -1;
                for (var ord = 0; ord < Values[f].Length; ord++)
                {
                    dv!.LookupOrd(ord, term);
                    Values[f][ord] = term.Utf8ToString();
                }
            }
        }
    }

    /// <summary>The page's top documents and, in the same pass, the count per value of each facet
    /// field over every match (ordinals counted per segment, turned into values once per segment).</summary>
    private sealed class FacetCollector(SearchIndex index, ICollector top) : ICollector
    {
        private SegmentFacets? segment;
        private int[] ords = [];
        private int[][] counts = [];
        private readonly Dictionary<string, Dictionary<string, int>> totals = FacetFields.ToDictionary(f => f, _ => new Dictionary<string, int>());

        public Dictionary<string, Dictionary<string, int>> Counts
        {
            get
            {
                Flush();
                return totals;
            }
        }

        public bool AcceptsDocsOutOfOrder => top.AcceptsDocsOutOfOrder;

        public void SetScorer(Scorer scorer) => top.SetScorer(scorer);

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            segment = index.facetCache.GetValue(context.AtomicReader.CoreCacheKey, _ => new SegmentFacets(context.AtomicReader));
            ords = segment.Ords;
            counts = segment.Values.Select(v => new int[v.Length]).ToArray();
            top.SetNextReader(context);
        }

        public void Collect(int doc)
        {
            var row = doc * counts.Length;
            for (var f = 0; f < counts.Length; f++)
            {
                var ord = ords[row + f];
                if (ord >= 0) counts[f][ord]++;
            }
            top.Collect(doc);
        }

        private void Flush()
        {
            if (segment is null) return;
            for (var f = 0; f < counts.Length; f++)
            {
                var total = totals[FacetFields[f]];
                for (var ord = 0; ord < counts[f].Length; ord++)
                {
                    if (counts[f][ord] == 0) continue;
                    var key = segment.Values[f][ord];
                    total[key] = total.GetValueOrDefault(key) + counts[f][ord];
                }
            }
            segment = null;
        }
    }

    /// <summary>Snippets cut from a hit's stored text at the offsets its postings keep for the query's
    /// terms (prefix and other multi-term queries: the terms they expand to in that document): up to
    /// three fragments of about 160 characters with the most matches, matches in &lt;mark&gt;,
    /// everything else HTML-escaped.</summary>
    private sealed class Snippets
    {
        private const int FragmentLength = 160;
        private const int MaxExpansions = 256;
        private const int MaxMatches = 500;
        private readonly Dictionary<string, List<BytesRef>> terms = [];
        private readonly Dictionary<string, List<MultiTermQuery>> multi = [];
        private readonly IList<AtomicReaderContext> leaves;

        public Snippets(Query query, IList<AtomicReaderContext> leaves)
        {
            this.leaves = leaves;
            Walk(query);
        }

        private void Walk(Query q)
        {
            switch (q)
            {
                case BooleanQuery b:
                    foreach (var c in b.Clauses)
                    {
                        if (c.Occur != Occur.MUST_NOT) Walk(c.Query);
                    }
                    break;
                case TermQuery t:
                    AddTerm(t.Term);
                    break;
                case PhraseQuery p:
                    foreach (var t in p.GetTerms()) AddTerm(t);
                    break;
                case MultiPhraseQuery mp:
                    foreach (var t in mp.GetTermArrays().SelectMany(a => a)) AddTerm(t);
                    break;
                case DisjunctionMaxQuery d:
                    foreach (var c in d.Disjuncts) Walk(c);
                    break;
                case FilteredQuery f:
                    Walk(f.Query);
                    break;
                case MultiTermQuery m:
                    Of(multi, m.Field).Add(m);
                    break;
            }
        }

        private void AddTerm(Term t) => Of(terms, t.Field).Add(t.Bytes);

        private static List<T> Of<T>(Dictionary<string, List<T>> d, string field)
        {
            if (!d.TryGetValue(field, out var list)) d[field] = list = [];
            return list;
        }

        public string Of(int doc, string field, string text)
        {
            var matches = Matches(doc, field, text.Length);
            if (matches.Count == 0) return WebUtility.HtmlEncode(text.Length > 200 ? text[..200] + "…" : text);
            matches.Sort();
            // Fragments: from a little before a match to about FragmentLength on, at word boundaries.
            var fragments = new List<(int Start, int End, int Count)>();
            foreach (var (s, _) in matches)
            {
                if (fragments.Count > 0 && s < fragments[^1].End) continue;
                // A match near the beginning shows the text from its first word.
                var from = Math.Max(0, s - 30);
                var start = from <= 30 ? 0 : WordStart(text, from);
                var end = WordEnd(text, Math.Min(text.Length, start + FragmentLength));
                fragments.Add((start, end, matches.Count(m => m.Start >= start && m.End <= end)));
            }
            var best = fragments.OrderByDescending(f => f.Count).ThenBy(f => f.Start).Take(3).OrderBy(f => f.Start);
            var sb = new StringBuilder();
            foreach (var f in best)
            {
                if (sb.Length > 0) sb.Append(" … ");
                var at = f.Start;
                foreach (var (s, e) in matches)
                {
                    if (s < at || e > f.End) continue;
                    sb.Append(WebUtility.HtmlEncode(text[at..s])).Append("<mark>").Append(WebUtility.HtmlEncode(text[s..e])).Append("</mark>");
                    at = e;
                }
                sb.Append(WebUtility.HtmlEncode(text[at..f.End]));
            }
            return sb.ToString();
        }

        private List<(int Start, int End)> Matches(int doc, string field, int length)
        {
            var found = new List<(int, int)>();
            var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
            var local = doc - leaf.DocBase;
            if (leaf.AtomicReader.GetTerms(field) is not { } fieldTerms) return found;
            var te = fieldTerms.GetEnumerator();
            DocsAndPositionsEnum? postings = null;
            void Read()
            {
                postings = te.DocsAndPositions(null, postings, DocsAndPositionsFlags.OFFSETS);
                if (postings is null || postings.Advance(local) != local) return;
                for (var i = postings.Freq; i > 0; i--)
                {
                    postings.NextPosition();
                    var (s, e) = (postings.StartOffset, postings.EndOffset);
                    if (s >= 0 && e <= length && s < e) found.Add((s, e));
                }
            }
            foreach (var t in terms.GetValueOrDefault(field) ?? [])
            {
                if (te.SeekExact(t)) Read();
            }
            foreach (var m in multi.GetValueOrDefault(field) ?? [])
            {
                te = m.GetTermsEnum(fieldTerms);
                for (var i = 0; i < MaxExpansions && te.MoveNext(); i++) Read();
            }
            return found.Distinct().Take(MaxMatches).ToList();
        }

        /// <summary>Back to the start of the word, at most 20 characters (a text without spaces is cut anywhere).</summary>
        private static int WordStart(string text, int i)
        {
            for (var j = i; j > 0 && j > i - 20; j--)
            {
                if (char.IsWhiteSpace(text[j - 1])) return j;
            }
            return i <= 20 ? 0 : i;
        }

        private static int WordEnd(string text, int i)
        {
            for (var j = i; j < text.Length && j < i + 20; j++)
            {
                if (char.IsWhiteSpace(text[j])) return j;
            }
            return i + 20 >= text.Length ? text.Length : i;
        }
    }
}

/// <summary>One result; <see cref="Kind"/> is the entity of its id ("report" of "report/…").</summary>
public sealed record SearchHit(string Id, string Title, string Url, string Language, DateTimeOffset At, string Snippet, float Score)
{
    public string Kind => Id.Split('/', 2)[0];
}

public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Items, IReadOnlyDictionary<string, Dictionary<string, int>> Facets, string? Next);
