using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Ecp.Common;
using Ecp.Features.Bodies;

namespace Ecp.Features.Drafts;

/// <summary>
/// Exports a version of a document as Akoma Ntoso 3.0 (OASIS LegalDocML; AKN4UN is its UN
/// profile): FRBR work / expression / manifestation identifiers, the document symbol, numbered
/// paragraphs. Valid against the official schema (docs/standards/akoma-ntoso, checked in CI).
/// </summary>
public static partial class AkomaNtoso
{
    public static readonly XNamespace Ns = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    /// <param name="expressionLanguage">The UN language of this expression; <paramref name="texts"/> holds its
    /// paragraph texts by paragraph key when it is not the original.</param>
    public static XDocument Export(OutcomeDocument document, DocumentVersion version, Body? body, DateTimeOffset adoptedOrCirculated, DateTimeOffset generatedAt,
        string? expressionLanguage = null, IReadOnlyDictionary<Guid, string>? texts = null)
    {
        var date = adoptedOrCirculated.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // The work is the same whatever the version or the outcome: its identifier uses the
        // document's own first date; versions and languages are expressions of it.
        var workDate = document.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var language = Iso6392(expressionLanguage ?? document.OriginalLanguage);
        string TextOf(Paragraph p) => texts?.GetValueOrDefault(p.Key) ?? p.Text;
        var work = $"/akn/un/doc/{document.Kind.ToCode()}/{workDate}/{Slug(document.Symbol)}";
        var expression = $"{work}/{language}@{version.CirculatedAt.UtcDateTime:yyyy-MM-dd}";
        var bodyRef = body is null ? "ecp" : "body";

        var references = new XElement(Ns + "references", new XAttribute("source", "#ecp"),
            new XElement(Ns + "TLCOrganization", new XAttribute("eId", "ecp"), new XAttribute("href", "/ontology/organization/ecp"),
                new XAttribute("showAs", "Enhanced Cooperation Platform")));
        if (body is not null)
        {
            references.Add(new XElement(Ns + "TLCOrganization", new XAttribute("eId", "body"),
                new XAttribute("href", $"/ontology/organization/un/{Slug(body.Acronym)}"), new XAttribute("showAs", body.Name)));
        }

        var meta = new XElement(Ns + "meta",
            new XElement(Ns + "identification", new XAttribute("source", "#ecp"),
                new XElement(Ns + "FRBRWork",
                    Value("FRBRthis", $"{work}/!main"), Value("FRBRuri", work),
                    new XElement(Ns + "FRBRalias", new XAttribute("value", document.Symbol), new XAttribute("name", "symbol")),
                    Date("FRBRdate", date, document.State == DocumentState.AdoptedByConsensus ? "adoption" : "circulation"),
                    new XElement(Ns + "FRBRauthor", new XAttribute("href", "#" + bodyRef)),
                    Value("FRBRcountry", "un"),
                    new XElement(Ns + "FRBRnumber", new XAttribute("value", document.Symbol)),
                    new XElement(Ns + "FRBRname", new XAttribute("value", document.Kind.ToCode()))),
                new XElement(Ns + "FRBRExpression",
                    Value("FRBRthis", $"{expression}/!main"), Value("FRBRuri", expression),
                    Date("FRBRdate", version.CirculatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "version"),
                    new XElement(Ns + "FRBRauthor", new XAttribute("href", "#" + bodyRef)),
                    new XElement(Ns + "FRBRversionNumber", new XAttribute("value", version.Number.ToString(CultureInfo.InvariantCulture))),
                    new XElement(Ns + "FRBRlanguage", new XAttribute("language", language))),
                new XElement(Ns + "FRBRManifestation",
                    Value("FRBRthis", $"{expression}/!main.xml"), Value("FRBRuri", $"{expression}.akn"),
                    Date("FRBRdate", generatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "generation"),
                    new XElement(Ns + "FRBRauthor", new XAttribute("href", "#ecp")))),
            references);

        var preface = new XElement(Ns + "preface",
            new XElement(Ns + "p", new XAttribute("class", "title"), new XElement(Ns + "docTitle", document.Title)),
            new XElement(Ns + "p", new XAttribute("class", "symbol"), new XElement(Ns + "docNumber", document.Symbol)),
            new XElement(Ns + "p", new XAttribute("class", "status"), new XElement(Ns + "docStatus", StatusText(document.State))));

        var ordered = version.Paragraphs.OrderBy(p => p.Ordinal).ToList();
        var docElement = new XElement(Ns + "doc", new XAttribute("name", document.Kind.ToCode()), meta, preface);

        // Preambular paragraphs are recitals; their sub-items a block list inside the recital.
        var recitals = new XElement(Ns + "recitals", new XAttribute("eId", "recs"));
        XElement? recital = null;
        foreach (var p in ordered.Where(p => p.Kind == ParagraphKind.Preambular))
        {
            if (p.Level == 0 || recital is null)
            {
                recital = new XElement(Ns + "recital", new XAttribute("eId", $"recs__rec_{Slug(p.Number)}"),
                    new XElement(Ns + "num", p.Label), new XElement(Ns + "p", TextOf(p)));
                recitals.Add(recital);
                continue;
            }
            var list = recital.Element(Ns + "blockList");
            if (list is null)
            {
                list = new XElement(Ns + "blockList", new XAttribute("eId", $"{recital.Attribute("eId")!.Value}__list_1"));
                recital.Add(list);
            }
            list.Add(new XElement(Ns + "item", new XAttribute("eId", $"{list.Attribute("eId")!.Value}__item_{Slug(p.Label)}"),
                new XElement(Ns + "num", p.Label), new XElement(Ns + "p", TextOf(p))));
        }
        if (recitals.HasElements) docElement.Add(new XElement(Ns + "preamble", recitals));

        // Operative paragraphs are numbered paragraphs; their sub-items points.
        var mainBody = new XElement(Ns + "mainBody");
        XElement? parent = null;
        foreach (var p in ordered.Where(p => p.Kind == ParagraphKind.Operative))
        {
            if (p.Level == 0 || parent is null)
            {
                parent = new XElement(Ns + "paragraph", new XAttribute("eId", $"para_{Slug(p.Number)}"),
                    new XElement(Ns + "num", p.Label), Content(TextOf(p)));
                mainBody.Add(parent);
                continue;
            }
            // A paragraph with sub-items: its own text becomes the intro, the items points.
            if (parent.Element(Ns + "content") is { } content)
            {
                content.Remove();
                parent.Add(new XElement(Ns + "intro", content.Elements()));
            }
            parent.Add(new XElement(Ns + "point", new XAttribute("eId", $"{parent.Attribute("eId")!.Value}__point_{Slug(p.Label)}"),
                new XElement(Ns + "num", p.Label), Content(TextOf(p))));
        }
        if (!mainBody.HasElements)
        {
            mainBody.Add(new XElement(Ns + "p", ""));
        }
        docElement.Add(mainBody);
        // Titles, symbols and paragraphs are stored user text: only XML-legal characters go out.
        return XmlCharacters.Legalize(new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Ns + "akomaNtoso", docElement)));
    }

    public static string Iso6392(string unLanguage) => unLanguage switch
    {
        "ar" => "ara",
        "zh" => "zho",
        "en" => "eng",
        "fr" => "fra",
        "ru" => "rus",
        "es" => "spa",
        _ => throw new ArgumentOutOfRangeException(nameof(unLanguage)),
    };

    private static XElement Content(string text) => new(Ns + "content", new XElement(Ns + "p", text));

    private static XElement Value(string name, string value) => new(Ns + name, new XAttribute("value", value));

    private static XElement Date(string name, string date, string kind) => new(Ns + name, new XAttribute("date", date), new XAttribute("name", kind));

    private static string StatusText(DocumentState state) => state switch
    {
        DocumentState.AdoptedByConsensus => "adopted by consensus",
        DocumentState.NotAdoptedDivergentViews => "not adopted: divergent views",
        DocumentState.Withdrawn => "withdrawn",
        DocumentState.Reference => "reference text",
        _ => "draft",
    };

    private static string Slug(string s) => NonWord().Replace(s.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();
}
