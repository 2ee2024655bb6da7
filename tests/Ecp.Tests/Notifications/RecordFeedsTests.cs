using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using Ecp.Tests.Infrastructure;
using static Ecp.Tests.Infrastructure.Drafting;

namespace Ecp.Tests.Notifications;

/// <summary>The Atom feeds of bodies, consultations, documents and decisions, read back with an
/// independent parser (System.ServiceModel.Syndication), not the code that wrote them.</summary>
public sealed class RecordFeedsTests(EcpFactory app) : IClassFixture<EcpFactory>
{
    [Fact]
    public async Task DocumentFeed_VersionsAmendmentsAndDecision_NewestFirstEachLinkedToItsRecordEntry()
    {
        var chair = await app.Drafting.ChairAsync();
        var document = Id(await app.Drafting.DocumentAsync("Invites Member States to share experience."));
        await app.Drafting.AmendmentAsync(document);
        await (await chair.Api.PostJsonAsync($"/api/v1/documents/{document}/versions", new { label = "second draft" })).ExpectAsync(HttpStatusCode.Created);
        await app.Drafting.DecisionAsync(document);

        var feed = await FeedAsync($"/feeds/documents/{document}.atom");

        Assert.Equal($"urn:ecp:feed:document:{document}", feed.Id);
        Assert.Equal(["decision.opened", "document.version-circulated", "amendment.proposed", "document.drafted"],
            feed.Items.Select(i => i.Categories.Single().Name).ToArray());
        Assert.All(feed.Items, i => Assert.StartsWith("urn:ecp:record:", i.Id));
        Assert.All(feed.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.Title.Text)));
        Assert.All(feed.Items, i => Assert.Contains(i.Links, l => l.RelationshipType == "via" && l.Uri.PathAndQuery.StartsWith("/record?entity=", StringComparison.Ordinal)));
        Assert.Equal(feed.Items.First().LastUpdatedTime, feed.LastUpdatedTime);
    }

    [Fact]
    public async Task BodyFeed_ItsDocumentsAndConsultationsNotAnotherBodys()
    {
        var body = await app.Drafting.BodyAsync();
        var other = await app.Drafting.BodyAsync();
        var mine = Id(await app.Drafting.DocumentAsync(body, [Operative("Encourages cooperation.")], symbol: $"E/CN.16/2027/CRP.{Random.Shared.Next(1000, 9999)}"));
        var theirs = Id(await app.Drafting.DocumentAsync(other, [Operative("Encourages something else.")], symbol: $"E/CN.16/2027/CRP.{Random.Shared.Next(1000, 9999)}"));

        var feed = await FeedAsync($"/feeds/bodies/{body}.atom");

        var links = feed.Items.SelectMany(i => i.Links).Select(l => l.Uri.PathAndQuery).ToList();
        Assert.Contains(links, l => l.Contains(mine.ToString()));
        Assert.DoesNotContain(links, l => l.Contains(theirs.ToString()));
        Assert.Contains(feed.Items, i => i.Categories.Single().Name == "body.established");
    }

    [Fact]
    public async Task DecisionsAndDocumentsFeeds_ParseAndListTheirKind()
    {
        await app.Drafting.DecisionAsync();

        var decisions = await FeedAsync("/feeds/decisions.atom");
        var documents = await FeedAsync("/feeds/documents.atom");

        Assert.NotEmpty(decisions.Items);
        Assert.All(decisions.Items, i => Assert.StartsWith("decision.", i.Categories.Single().Name));
        Assert.All(documents.Items, i => Assert.StartsWith("document.", i.Categories.Single().Name));
    }

    [Fact]
    public async Task ReportsFeed_ASubmittedReportListedItsDraftNever()
    {
        var reporting = new AnnualReports.Reporting(app, TimeProvider.System);
        var (organization, reporter) = await reporting.ReporterAsync();
        var year = await reporting.CycleAsync(TimeSpan.FromDays(30), organization);
        var draft = $"A private draft {Guid.NewGuid():N}";
        await (await reporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/drafts", AnnualReports.Reporting.Report(draft))).ExpectAsync(HttpStatusCode.OK);
        var report = await (await reporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", AnnualReports.Reporting.Report())).ExpectAsync(HttpStatusCode.Created);

        var feed = await FeedAsync("/feeds/reports.atom");
        var text = await app.CreatePublicClient().GetStringAsync("/feeds/reports.atom");

        Assert.Contains(feed.Items, i => i.Categories.Single().Name == "report.submitted"
            && i.Links.Any(l => l.RelationshipType == "via" && l.Uri.PathAndQuery.Contains((string)report["id"]!)));
        Assert.All(feed.Items, i => Assert.NotEqual("report.draft-saved", i.Categories.Single().Name));
        Assert.DoesNotContain(draft, text);
    }

    [Fact]
    public async Task ConsultationFeed_UnknownId_404Problem()
    {
        var response = await app.CreatePublicClient().GetAsync($"/feeds/consultations/{Guid.NewGuid()}.atom");

        await response.ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DocumentPage_AdvertisesItsFeed()
    {
        var document = Id(await app.Drafting.DocumentAsync("Invites all stakeholders to cooperate."));

        var page = await app.CreatePublicClient().GetStringAsync($"/documents/{document}");

        Assert.Contains($"<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/feeds/documents/{document}.atom\"", page);
    }

    private async Task<SyndicationFeed> FeedAsync(string url)
    {
        var response = await app.CreatePublicClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        return SyndicationFeed.Load(reader);
    }
}
