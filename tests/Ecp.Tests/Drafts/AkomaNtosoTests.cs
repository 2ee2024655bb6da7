using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Ecp.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static Ecp.Tests.Infrastructure.Drafting;

namespace Ecp.Tests.Drafts;

/// <summary>
/// The Akoma Ntoso export, checked against the official OASIS schema kept in
/// docs/standards/akoma-ntoso with xmllint (libxml2-utils, installed by test.sh).
/// </summary>
public sealed class AkomaNtosoTests(EcpFactory app) : IClassFixture<EcpFactory>
{
    private static readonly XNamespace Akn = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    [Fact]
    public async Task Export_AdoptedDocumentWithPreambleParagraphsAndSubItems_ValidAgainstTheSchema()
    {
        var symbol = UniqueSymbol();
        var (documentId, _) = await AdoptedAsync(symbol,
        [
            Preambular("Recalling the Tunis Agenda for the Information Society,"),
            Preambular("Noting the divergent views held by Member States & other stakeholders,"),
            Operative("invites:"),
            Operative("Member States to share experience and good practice;", level: 1),
            Operative("all other stakeholders, in their respective roles, to cooperate;", level: 1),
            Operative("decides to remain seized of the matter."),
        ]);

        var response = await app.CreatePublicClient().GetAsync($"/api/v1/documents/{documentId}/versions/1/akoma-ntoso");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/akn+xml", response.Content.Headers.ContentType?.MediaType);
        var xml = await response.Content.ReadAsStringAsync();
        var (exitCode, output) = await XmllintAsync(xml);
        Assert.True(exitCode == 0, $"xmllint exited {exitCode}: {output}\n{xml}");

        var document = XDocument.Parse(xml);
        var identification = document.Descendants(Akn + "identification").Single();
        foreach (var level in new[] { "FRBRWork", "FRBRExpression", "FRBRManifestation" })
        {
            var frbr = identification.Element(Akn + level);
            Assert.NotNull(frbr);
            Assert.False(string.IsNullOrWhiteSpace(frbr.Element(Akn + "FRBRthis")?.Attribute("value")?.Value), $"{level} has no FRBRthis.");
            Assert.False(string.IsNullOrWhiteSpace(frbr.Element(Akn + "FRBRuri")?.Attribute("value")?.Value), $"{level} has no FRBRuri.");
        }
        Assert.Equal("eng", identification.Descendants(Akn + "FRBRlanguage").Single().Attribute("language")?.Value);
        Assert.Equal(symbol, identification.Descendants(Akn + "FRBRnumber").Single().Attribute("value")?.Value);
        Assert.Equal(symbol, document.Descendants(Akn + "docNumber").Single().Value);
        Assert.Equal("adopted by consensus", document.Descendants(Akn + "docStatus").Single().Value);
        Assert.Equal(["P1", "P2"], document.Descendants(Akn + "recital").Select(r => r.Element(Akn + "num")!.Value).ToArray());
        Assert.Contains("Member States & other stakeholders", document.Descendants(Akn + "recital").Last().Value);
        var paragraphs = document.Descendants(Akn + "mainBody").Single().Elements(Akn + "paragraph").ToList();
        Assert.Equal(["1", "2"], paragraphs.Select(p => p.Element(Akn + "num")!.Value).ToArray());
        Assert.Equal("invites:", paragraphs[0].Element(Akn + "intro")?.Value);
        Assert.Equal(["a)", "b)"], paragraphs[0].Elements(Akn + "point").Select(p => p.Element(Akn + "num")!.Value).ToArray());
        Assert.Equal("decides to remain seized of the matter.", paragraphs[1].Element(Akn + "content")?.Value);
    }

    [Fact]
    public async Task Export_WithoutMeta_XmllintRejectsIt()
    {
        var (documentId, _) = await AdoptedAsync(UniqueSymbol(), [Preambular("Recalling,"), Operative("invites all stakeholders to cooperate.")]);
        var xml = await app.CreatePublicClient().GetStringAsync($"/api/v1/documents/{documentId}/versions/1/akoma-ntoso");
        Assert.Equal(0, (await XmllintAsync(xml)).ExitCode);
        var broken = XDocument.Parse(xml);
        broken.Descendants(Akn + "meta").Single().Remove();

        var (exitCode, output) = await XmllintAsync(broken.Declaration + "\n" + broken);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("meta", output);
    }

    [Fact]
    public async Task Export_DraftUnderNegotiationWithItuSymbol_ValidAndMarkedDraft()
    {
        var chair = await app.Drafting.ChairAsync();
        var symbol = $"Resolution {Random.Shared.Next(1, 9999)} (Rev. Busan, 2014)";
        var document = await (await chair.Api.PostJsonAsync("/api/v1/documents", DocumentRequest(null,
            [Operative("instructs the Secretary-General to report on enhanced cooperation;")], symbol, kind: "resolution"))).ExpectAsync(HttpStatusCode.Created);

        var xml = await app.CreatePublicClient().GetStringAsync($"/api/v1/documents/{Id(document)}/versions/1/akoma-ntoso");

        var (exitCode, output) = await XmllintAsync(xml);
        Assert.True(exitCode == 0, $"xmllint exited {exitCode}: {output}\n{xml}");
        var parsed = XDocument.Parse(xml);
        Assert.Equal(symbol, parsed.Descendants(Akn + "docNumber").Single().Value);
        Assert.Equal("draft", parsed.Descendants(Akn + "docStatus").Single().Value);
        Assert.Empty(parsed.Descendants(Akn + "preamble"));
    }

    [Fact]
    public async Task Export_SecondVersion_ExpressionNumberedAndOldVersionStillExported()
    {
        var document = await app.Drafting.DocumentAsync("one", "two");
        var amendment = await app.Drafting.AmendmentAsync(Id(document));
        var chair = await app.Drafting.ChairAsync();
        await (await chair.Api.PostJsonAsync($"/api/v1/amendments/{Id(amendment)}/decision", new { decision = "accept", reason = "Agreed." })).ExpectAsync(HttpStatusCode.OK);
        await (await chair.Api.PostJsonAsync($"/api/v1/documents/{Id(document)}/versions", new { label = "second draft" })).ExpectAsync(HttpStatusCode.Created);
        var everyone = app.CreatePublicClient();

        var v1 = XDocument.Parse(await everyone.GetStringAsync($"/api/v1/documents/{Id(document)}/versions/1/akoma-ntoso"));
        var v2 = XDocument.Parse(await everyone.GetStringAsync($"/api/v1/documents/{Id(document)}/versions/2/akoma-ntoso"));
        var missing = await everyone.GetAsync($"/api/v1/documents/{Id(document)}/versions/3/akoma-ntoso");

        Assert.Equal("1", v1.Descendants(Akn + "FRBRversionNumber").Single().Attribute("value")?.Value);
        Assert.Equal("2", v2.Descendants(Akn + "FRBRversionNumber").Single().Attribute("value")?.Value);
        Assert.Equal("one", v1.Descendants(Akn + "paragraph").First().Element(Akn + "content")!.Value);
        Assert.Equal((string)amendment["text"]!, v2.Descendants(Akn + "paragraph").First().Element(Akn + "content")!.Value);
        await missing.ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Export_PreambularSubItems_EveryParagraphOfTheVersionExported()
    {
        var (documentId, document) = await AdoptedAsync(UniqueSymbol(),
        [
            Preambular("Recalling:"),
            Preambular("the Tunis Agenda for the Information Society;", level: 1),
            Preambular("General Assembly resolution 70/125;", level: 1),
            Operative("invites all stakeholders to cooperate."),
        ]);
        var texts = document["version"]!["paragraphs"]!.AsArray().Select(p => (string)p!["text"]!).ToList();

        var xml = await app.CreatePublicClient().GetStringAsync($"/api/v1/documents/{documentId}/versions/1/akoma-ntoso");

        var (exitCode, output) = await XmllintAsync(xml);
        Assert.True(exitCode == 0, $"xmllint exited {exitCode}: {output}\n{xml}");
        var exported = XDocument.Parse(xml).Descendants(Akn + "doc").Single().Elements().Where(e => e.Name != Akn + "meta").Select(e => e.Value).ToList();
        Assert.All(texts, text => Assert.True(exported.Any(e => e.Contains(text, StringComparison.Ordinal)), $"\"{text}\" is missing from the export:\n{xml}"));
    }

    [Fact]
    public async Task Export_VersionsCirculatedAndAdoptedOnDifferentDays_OneWorkIdentifierForAll()
    {
        // Days apart, as a negotiation runs: a node of its own, on a clock the test moves.
        var clock = new FakeTimeProvider(new DateTimeOffset(2013, 5, 14, 9, 0, 0, TimeSpan.Zero));
        await using var node = new EcpFactory { Clock = clock };
        await node.InitializeAsync();
        var chair = await node.People.SecretariatAsync();
        var stakeholder = await node.People.StakeholderAsync();
        var bodyId = Id(await (await chair.Api.PostJsonAsync("/api/v1/bodies", BodyRequest())).ExpectAsync(HttpStatusCode.Created));
        var documentId = Id(await (await chair.Api.PostJsonAsync("/api/v1/documents",
            DocumentRequest(bodyId, [Operative("invites all stakeholders to cooperate.")]))).ExpectAsync(HttpStatusCode.Created));
        var everyone = node.CreatePublicClient();
        var v1Before = await WorkAndExpressionAsync(everyone, documentId, 1);

        clock.Advance(TimeSpan.FromDays(1));
        var amendment = await (await stakeholder.Api.PostJsonAsync($"/api/v1/documents/{documentId}/amendments",
            new { paragraph = "1", action = "replace", text = "invites all stakeholders, in their respective roles, to cooperate." })).ExpectAsync(HttpStatusCode.Created);
        await (await chair.Api.PostJsonAsync($"/api/v1/amendments/{Id(amendment)}/decision", new { decision = "accept", reason = "Tunis Agenda ¶71." })).ExpectAsync(HttpStatusCode.OK);
        await (await chair.Api.PostJsonAsync($"/api/v1/documents/{documentId}/versions", new { label = "second draft" })).ExpectAsync(HttpStatusCode.Created);
        clock.Advance(TimeSpan.FromDays(1));
        var decisionId = Id(await (await chair.Api.PostJsonAsync("/api/v1/decisions", new { documentId })).ExpectAsync(HttpStatusCode.Created));
        await (await chair.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/close", new { outcome = "adopted-by-consensus" })).ExpectAsync(HttpStatusCode.OK);
        var v1After = await WorkAndExpressionAsync(everyone, documentId, 1);
        var v2After = await WorkAndExpressionAsync(everyone, documentId, 2);

        // The versions are expressions of one work, whose identifier does not change when it is adopted.
        Assert.Equal(v1Before.Work, v1After.Work);
        Assert.Equal(v1After.Work, v2After.Work);
        Assert.NotEqual(v1After.Expression, v2After.Expression);
        Assert.StartsWith(v2After.Work, v2After.Expression, StringComparison.Ordinal);
    }

    private static async Task<(string Work, string Expression)> WorkAndExpressionAsync(HttpClient client, Guid documentId, int version)
    {
        var xml = XDocument.Parse(await client.GetStringAsync($"/api/v1/documents/{documentId}/versions/{version}/akoma-ntoso"));
        string Uri(string level) => xml.Descendants(Akn + level).Single().Element(Akn + "FRBRuri")!.Attribute("value")!.Value;
        return (Uri("FRBRWork"), Uri("FRBRExpression"));
    }

    /// <summary>A document before a body of every Member State, adopted by consensus on its first version.</summary>
    private async Task<(Guid Id, JsonNode Document)> AdoptedAsync(string symbol, IEnumerable<object> paragraphs)
    {
        var document = await app.Drafting.DocumentAsync(await app.Drafting.BodyAsync(), paragraphs, symbol);
        var decision = await app.Drafting.DecisionAsync(Id(document));
        var chair = await app.Drafting.ChairAsync();
        await (await chair.Api.PostJsonAsync($"/api/v1/decisions/{Id(decision)}/close", new { outcome = "adopted-by-consensus" })).ExpectAsync(HttpStatusCode.OK);
        return (Id(document), document);
    }

    private static async Task<(int ExitCode, string Output)> XmllintAsync(string xml)
    {
        var file = Path.Combine(Path.GetTempPath(), $"ecp-akn-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(file, xml);
        try
        {
            var start = new ProcessStartInfo("xmllint") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "--noout", "--nonet", "--schema", Schema, file }) start.ArgumentList.Add(argument);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("xmllint did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await stdout + await stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Schema { get; } = Path.Combine(Repository.Root, "docs", "standards", "akoma-ntoso", "akomantoso30.xsd");
}
