using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Consultations;
using Ecp.Features.Drafts;
using Ecp.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ecp.Tests.Infrastructure.Drafting;

namespace Ecp.Tests.Text;

/// <summary>
/// Stored hostile text never takes an XML output down: what the rule lets through is written
/// back exactly, and what was stored before the rule (a SQL UPDATE here, as an old row would be)
/// comes out as U+FFFD in a document an XML parser reads.
/// </summary>
public sealed class XmlOutputTests(EcpFactory app) : IClassFixture<EcpFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Akn = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    /// <summary>Accepted by the input rule, and awkward for a writer: markup, CDATA end, separators, marks, emoji, BOM.</summary>
    private const string Awkward = "<b>&amp; \"quoted\" ]]> \u2028 \u200F \uFEFF 👍🏽";

    /// <summary>Characters XML 1.0 cannot carry, as rows written before the rule may hold them.
    /// PostgreSQL itself refuses U+0000 in text, so only SQLite can hold that one.</summary>
    private static string Illegal => EcpFactory.OnPostgres ? "\u0001\u001B\uFFFF" : "\0\u0001\u001B\uFFFF";

    [Fact]
    public async Task Feed_TopicAndBodyWithHostileText_200AndWellFormedInEveryLanguage()
    {
        var secretariat = await app.People.SecretariatAsync();
        var body = await app.Drafting.BodyAsync();
        var topic = $"Topic {Guid.NewGuid():N} {Awkward}";
        var id = await TextScenario.OpenConsultationAsync(secretariat, body, topic);

        // Through the API: what the rule accepts comes back exactly.
        var entry = await FeedEntryAsync("en", id);
        Assert.Contains(topic, (string)entry.Element(Atom + "title")!);

        // An old row: the topic and the body's name hold characters XML cannot carry.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Consultations.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Topic, $"Old {Illegal} topic"));
            await db.Bodies.Where(b => b.Id == body).ExecuteUpdateAsync(s => s.SetProperty(b => b.Name, $"Old {Illegal} body"));
        }
        foreach (var language in Languages.All)
        {
            entry = await FeedEntryAsync(language, id);
            Assert.Contains($"Old {new string(XmlCharacters.Replacement, Illegal.Length)} topic", (string)entry.Element(Atom + "title")!);
            Assert.Contains($"Old {new string(XmlCharacters.Replacement, Illegal.Length)} body", (string)entry.Element(Atom + "summary")!);
        }
    }

    [Fact]
    public async Task AkomaNtoso_TitleSymbolAndParagraphsWithHostileText_200AndWellFormed()
    {
        var chair = await app.Drafting.ChairAsync();
        var symbol = UniqueSymbol();
        var document = await (await chair.Api.PostJsonAsync("/api/v1/documents",
            DocumentRequest(null, [Preambular($"Recalling {Awkward},"), Operative($"invites {Awkward};")], symbol, title: $"Title {Awkward}"))).ExpectAsync(HttpStatusCode.Created);
        var id = Id(document);

        var parsed = await AkomaNtosoAsync(id);
        Assert.Equal($"Title {Awkward}", parsed.Descendants(Akn + "docTitle").Single().Value);
        Assert.Equal(symbol, parsed.Descendants(Akn + "docNumber").Single().Value);
        Assert.Equal($"invites {Awkward};", parsed.Descendants(Akn + "paragraph").Single().Element(Akn + "content")!.Value);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Documents.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Title, $"Old {Illegal} title").SetProperty(d => d.Symbol, $"{symbol} {Illegal}"));
            await db.Set<Paragraph>().Where(p => db.Set<DocumentVersion>().Any(v => v.Id == p.VersionId && v.DocumentId == id))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Text, $"Old {Illegal} paragraph"));
        }

        parsed = await AkomaNtosoAsync(id);
        var replaced = new string(XmlCharacters.Replacement, Illegal.Length);
        Assert.Equal($"Old {replaced} title", parsed.Descendants(Akn + "docTitle").Single().Value);
        Assert.Equal($"{symbol} {replaced}", parsed.Descendants(Akn + "FRBRnumber").Single().Attribute("value")!.Value);
        Assert.All(parsed.Descendants(Akn + "p").Where(p => p.Parent?.Name != Akn + "preface" && !p.HasElements && p.Value.StartsWith("Old", StringComparison.Ordinal)),
            p => Assert.Equal($"Old {replaced} paragraph", p.Value));
        Assert.Equal(2, parsed.Descendants(Akn + "p").Count(p => p.Value == $"Old {replaced} paragraph"));
    }

    [Fact]
    public void Chart_OptionLabelWithIllegalCharactersAndASplitSurrogatePair_WellFormedSvg()
    {
        // 39 characters then an emoji: the label is cut inside the pair.
        var label = new string('x', 38) + "\0👍🏽 and more";
        var results = new QuestionResults(1, "Pick", "single-choice", [new ResultRow(label, new Dictionary<string, int>(), 3, new Dictionary<string, int>())], 3);

        var svg = XElement.Parse(QuestionnaireResults.Chart(results));

        Assert.StartsWith("\u2068" + new string('x', 38) + XmlCharacters.Replacement, svg.Descendants().First(e => e.Name.LocalName == "text").Value);
    }

    [Fact]
    public void XmlCharacters_Legal_ReplacesOnlyWhatXmlCannotCarry()
    {
        const string hostile = "a\0b\u0001c\u001Bd\uFFFEe\uFFFFf\uD800g\uDC00h";
        Assert.Equal("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFDh", XmlCharacters.Legal(hostile));
        const string fine = "tab\tCR\rLF\n <&> ]]> 👍🏽 \u202E \u0085";
        Assert.Same(fine, XmlCharacters.Legal(fine));
    }

    [Fact]
    public void XmlCharacters_Legalize_EveryTextAndAttributeOfTheTreeWritable()
    {
        var tree = new XElement("root", new XAttribute("title", "a\0b"),
            new XElement("child", new XAttribute("alt", "\uFFFF"), "text \u0002 here", new XComment("c\u0003")));

        var xml = XmlCharacters.Legalize(new XDocument(tree)).ToString();

        var parsed = XDocument.Parse(xml);
        Assert.Equal("a\uFFFDb", parsed.Root!.Attribute("title")!.Value);
        Assert.Equal("text \uFFFD here", parsed.Root.Element("child")!.Value);
    }

    private async Task<XElement> FeedEntryAsync(string language, Guid consultation)
    {
        using var response = await app.CreatePublicClient().GetAsync($"/feeds/consultations.atom?culture={language}");
        var xml = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{language}: {(int)response.StatusCode} {xml}");
        var feed = XDocument.Parse(xml).Root!;
        Assert.Equal(language, (string?)feed.Attribute(XNamespace.Xml + "lang"));
        return feed.Elements(Atom + "entry").First(e => ((string?)e.Element(Atom + "link")?.Attribute("href"))?.EndsWith($"/consultations/{consultation}", StringComparison.Ordinal) == true);
    }

    private async Task<XDocument> AkomaNtosoAsync(Guid document)
    {
        using var response = await app.CreatePublicClient().GetAsync($"/api/v1/documents/{document}/versions/1/akoma-ntoso");
        var xml = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {xml}");
        return XDocument.Parse(xml);
    }
}
