using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Ecp.Features.Consultations;
using Ecp.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Ecp.Tests.Consultations;

public sealed class AttachmentAndSynthesisTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Start);
    private readonly EcpFactory factory = new();

    public async Task InitializeAsync()
    {
        factory.Clock = clock;
        await factory.InitializeAsync();
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    public static byte[] Pdf => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Docx => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));

    public static byte[] Odt => Zip(("mimetype", ContributionAttachment.Odt), ("content.xml", "<office:document-content/>"));

    [Theory]
    [InlineData("pdf")]
    [InlineData("docx")]
    [InlineData("odt")]
    public void Sniff_RecognizesEachAllowedTypeByContent(string kind)
    {
        var (bytes, type) = kind switch
        {
            "pdf" => (Pdf, ContributionAttachment.Pdf),
            "docx" => (Docx, ContributionAttachment.Docx),
            _ => (Odt, ContributionAttachment.Odt),
        };
        Assert.Equal(type, ContributionAttachment.Sniff(bytes));
        Assert.Null(ContributionAttachment.Sniff(Encoding.ASCII.GetBytes("MZ\u0090 an executable")));
        Assert.Null(ContributionAttachment.Sniff(Zip(("readme.txt", "a zip, but no document"))));
    }

    [Fact]
    public async Task Attachment_WhoseContentIsNotTheDeclaredType_IsRefusedAndNothingChanges()
    {
        var (author, contributionId, _) = await ContributionAsync();
        var head = await factory.CreatePublicClient().RecordHeadAsync();

        // A Word document presented as a PDF.
        var mismatch = await (await UploadAsync(author, contributionId, Docx, "report.pdf", "application/pdf")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(mismatch["errors"]!["attachments"]);
        // An executable renamed to .pdf.
        await (await UploadAsync(author, contributionId, Encoding.ASCII.GetBytes("MZ\u0090\u0000 not a pdf"), "cv.pdf", "application/pdf")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(head, await factory.CreatePublicClient().RecordHeadAsync());
    }

    [Fact]
    public async Task Attachment_Pdf_IsStoredWithItsHashAndServedOnlyAsADownload()
    {
        var (author, contributionId, consultationId) = await ContributionAsync();
        var created = await (await UploadAsync(author, contributionId, Pdf, "position paper.pdf", "application/pdf")).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), (string?)created["sha256"]);
        Assert.Equal(ContributionAttachment.Pdf, (string?)created["mediaType"]);

        var download = await factory.CreatePublicClient().GetAsync($"/api/v1/attachments/{(string)created["id"]!}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());

        var listed = (await factory.CreatePublicClient().GetJsonAsync($"/api/v1/consultations/{consultationId}"))["contributions"]![0]!["attachments"]!.AsArray();
        Assert.Equal("position paper.pdf", (string?)listed.Single()!["fileName"]);
        var actions = await factory.CreatePublicClient().RecordActionsAsync("contribution", contributionId);
        Assert.Equal(["contribution.submitted", "contribution.attachment-added"], actions);
    }

    [Fact]
    public async Task Synthesis_CitingAnUnknownContribution_CannotBePublished()
    {
        var (_, _, consultationId) = await ContributionAsync();
        var secretariat = await factory.People.SecretariatAsync();

        var whileOpen = await secretariat.Api.PostJsonAsync($"/api/v1/consultations/{consultationId}/synthesis", new { markdown = "Too early [C-1]." });
        await whileOpen.ExpectProblemAsync(HttpStatusCode.Conflict);

        clock.Advance(TimeSpan.FromDays(3)); // past the close
        var head = await factory.CreatePublicClient().RecordHeadAsync();
        var unknown = await (await secretariat.Api.PostJsonAsync($"/api/v1/consultations/{consultationId}/synthesis",
            new { markdown = "Most agreed [C-1]; one disagreed [C-99]." })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("[C-99]", unknown["errors"]!["markdown"]![0]!.GetValue<string>());
        Assert.Equal(head, await factory.CreatePublicClient().RecordHeadAsync());
        Assert.Equal("closed", (string?)(await factory.CreatePublicClient().GetJsonAsync($"/api/v1/consultations/{consultationId}"))["phase"]);

        var published = await (await secretariat.Api.PostJsonAsync($"/api/v1/consultations/{consultationId}/synthesis",
            new { markdown = "## Main views\n\nCivil society stressed access [C-1].\n\n<script>alert(1)</script>" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("synthesized", (string?)published["phase"]);
        var html = (string)published["synthesis"]!["html"]!;
        Assert.Contains("<h2", html);
        Assert.Contains("href=\"#c-1\"", html);
        Assert.DoesNotContain("<script", html);
        var coverage = published["synthesis"]!["byStakeholderGroup"]!.AsArray();
        Assert.Equal(1, (int)coverage.Single(g => (string?)g!["stakeholderGroup"] == "civil-society")!["cited"]![0]!);

        await (await secretariat.Api.PostJsonAsync($"/api/v1/consultations/{consultationId}/presented", new { meeting = "20th meeting, Geneva" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("presented", (string?)(await factory.CreatePublicClient().GetJsonAsync($"/api/v1/consultations/{consultationId}"))["phase"]);
    }

    [Fact]
    public async Task Synthesis_PublishedAgain_IsVersion2WithVersion1KeptOnRecordAndPage()
    {
        var (_, _, consultationId) = await ContributionAsync();
        var secretariat = await factory.People.SecretariatAsync();
        clock.Advance(TimeSpan.FromDays(3));
        await (await secretariat.Api.PostJsonAsync($"/api/v1/consultations/{consultationId}/synthesis",
            new { markdown = "First reading: access [C-1]." })).ExpectAsync(HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromHours(1));

        // Through the API: a revision, not "not closed yet".
        var revised = await (await secretariat.Api.PostJsonAsync($"/api/v1/consultations/{consultationId}/synthesis",
            new { markdown = "Corrected reading: affordable access [C-1]." })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("synthesized", (string?)revised["phase"]);
        Assert.Equal(2, (int)revised["synthesis"]!["version"]!);
        Assert.Contains("Corrected reading", (string)revised["synthesis"]!["html"]!);
        var earlier = revised["synthesis"]!["earlierVersions"]!.AsArray();
        Assert.Equal("First reading: access [C-1].", (string?)earlier.Single()!["markdown"]);
        Assert.Equal(1, (int)earlier.Single()!["version"]!);

        var entries = (await factory.CreatePublicClient().RecordEntriesAsync("consultation", consultationId))
            .Where(e => (string?)e!["action"] == "consultation.synthesized").ToList();
        Assert.Equal([1, 2], entries.Select(e => (int)e!["payload"]!["version"]!).Order());

        // After the presentation the page still offers a revision (version 3), and shows the history.
        await (await secretariat.Api.PostJsonAsync($"/api/v1/consultations/{consultationId}/presented", new { meeting = "20th meeting, Geneva" })).ExpectAsync(HttpStatusCode.OK);
        var (browser, _) = await factory.People.LogInAsync(secretariat);
        var posted = await browser.SubmitFormAsync($"/consultations/{consultationId}", new Dictionary<string, string>
        {
            ["Synthesize.Markdown"] = "Third reading [C-1].",
        }, "form[action*='handler=Synthesize']");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await factory.CreatePublicClient().GetPageAsync($"/consultations/{consultationId}");
        Assert.Contains("Third reading", page.QuerySelector("#synthesis ~ .synthesis")!.TextContent);
        Assert.Equal(2, page.QuerySelectorAll("details.synthesis-version").Length);
        Assert.Contains("Corrected reading", page.QuerySelector("#synthesis-v2")!.TextContent);
        Assert.Equal("presented", (string?)(await factory.CreatePublicClient().GetJsonAsync($"/api/v1/consultations/{consultationId}"))["phase"]);
    }

    [Fact]
    public async Task Attachment_OfAHiddenContribution_IsNotServedToThePublic()
    {
        var (author, contributionId, _) = await ContributionAsync();
        var created = await (await UploadAsync(author, contributionId, Odt, "notes.odt", null)).ExpectAsync(HttpStatusCode.Created);
        var secretariat = await factory.People.SecretariatAsync();
        await (await secretariat.Api.PostJsonAsync($"/api/v1/contributions/{contributionId}/hide", new { reason = "abuse" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreatePublicClient().GetAsync($"/api/v1/attachments/{(string)created["id"]!}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await author.Api.GetAsync($"/api/v1/attachments/{(string)created["id"]!}")).StatusCode);
    }

    private async Task<(TestPerson Author, string ContributionId, string ConsultationId)> ContributionAsync()
    {
        var secretariat = await factory.People.SecretariatAsync();
        var body = await (await secretariat.Api.PostJsonAsync("/api/v1/bodies", new
        {
            name = $"Group {Guid.NewGuid():N}", acronym = "G", mandateReference = "A/RES/70/125 ¶65",
            membershipRule = "all-member-states", observerRule = "Open to all stakeholders.",
        })).ExpectAsync(HttpStatusCode.Created);
        var now = clock.GetUtcNow();
        var consultation = await (await secretariat.Api.PostJsonAsync("/api/v1/consultations", new
        {
            bodyId = (string)body["id"]!, topic = "Access", description = "Connecting the unconnected.",
            questions = new[] { "What matters most?" }, eligibility = "all-stakeholders", opensAt = now, closesAt = now.AddDays(2),
        })).ExpectAsync(HttpStatusCode.Created);
        var consultationId = (string)consultation["id"]!;
        await (await secretariat.Api.PostAsync($"/api/v1/consultations/{consultationId}/open", null)).ExpectAsync(HttpStatusCode.OK);
        var author = await factory.People.StakeholderAsync();
        var contribution = await (await author.Api.PostJsonAsync($"/api/v1/consultations/{consultationId}/contributions",
            new { language = "fr", consentToCite = true, answers = new[] { new { question = 1, text = "L'accès abordable." } } })).ExpectAsync(HttpStatusCode.Created);
        return (author, (string)contribution["id"]!, consultationId);
    }

    private static Task<HttpResponseMessage> UploadAsync(TestPerson person, string contributionId, byte[] bytes, string name, string? type)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        if (type is not null) file.Headers.ContentType = new MediaTypeHeaderValue(type);
        content.Add(file, "file", name);
        return person.Api.PostAsync($"/api/v1/contributions/{contributionId}/attachments", content);
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }
        return buffer.ToArray();
    }
}
