using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Ecp.Common;
using Ecp.Features.Home;
using Ecp.Resources;
using Ecp.Tests.Infrastructure;
using Ecp.Tests.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Ecp.Tests.Pages;

/// <summary>What a newcomer sees first: the home page's recent activity, and the feeds it advertises.</summary>
public sealed partial class HomePageTests(EcpFactory factory) : IClassFixture<EcpFactory>
{
    [Fact]
    public async Task RecentActivity_AfterAContributionWithoutConsent_NamesTheGroupAndLinksTheConsultationInEveryLanguage()
    {
        var secretariat = await factory.People.SecretariatAsync();
        var consultation = await OpenConsultationAsync(secretariat, "Multilingualism online");
        var author = await factory.People.StakeholderAsync(group: "private-sector");
        await (await author.Api.PostJsonAsync($"/api/v1/consultations/{consultation}/contributions", new
        {
            language = "en",
            consentToCite = false,
            answers = new[] { new { question = 1, text = "Please do not name me." } },
        })).ExpectAsync(HttpStatusCode.Created);

        foreach (var language in Languages.All)
        {
            var page = await factory.CreatePublicClient().GetPageAsync($"/?culture={language}");
            var main = page.QuerySelector("main")!;
            var text = main.TextContent;

            Assert.DoesNotMatch(GuidPattern(), text);
            Assert.DoesNotContain("committed/", text);
            // Their sign-up and accreditation are public entries of their own; the contribution is not theirs in public.
            var latest = main.QuerySelector("ol li")!;
            Assert.DoesNotContain(author.DisplayName, latest.TextContent);
            Assert.Null(latest.QuerySelector($"a[href='/people/{author.Id}']"));
            Assert.Equal($"/consultations/{consultation}", latest.QuerySelectorAll("a").Last().GetAttribute("href"));
            Assert.Contains("Multilingualism online", latest.TextContent);
            if (language == "en")
            {
                Assert.EndsWith("A contributor from Private sector contributed to Multilingualism online", Regex.Replace(latest.TextContent.Trim(), @"\s+", " "));
            }
        }
    }

    [Fact]
    public async Task RecentActivity_OfSecretariatAndPeople_ReadsAsSentencesWithoutIds()
    {
        var secretariat = await factory.People.SecretariatAsync();
        var consultation = await OpenConsultationAsync(secretariat, "Affordable access");
        var author = await factory.People.StakeholderAsync();
        await (await author.Api.PostJsonAsync($"/api/v1/consultations/{consultation}/contributions", new
        {
            language = "en",
            consentToCite = true,
            answers = new[] { new { question = 1, text = "Name me." } },
        })).ExpectAsync(HttpStatusCode.Created);

        var page = await factory.CreatePublicClient().GetPageAsync("/");
        var lines = page.QuerySelectorAll("main ol li").Select(li => Regex.Replace(li.TextContent.Trim(), @"\s+", " ")).ToList();

        Assert.Contains(lines, l => l.EndsWith($"{author.DisplayName} contributed to Affordable access", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("The secretariat opened the consultation Affordable access", StringComparison.Ordinal));
        Assert.DoesNotMatch(GuidPattern(), page.QuerySelector("main")!.TextContent);
        Assert.NotNull(page.QuerySelector($"main ol li a[href='/people/{author.Id}']"));
    }

    [Fact]
    public void RecentActivity_OfAnUnknownAction_FallsBackToAGenericLineLinkingTheRecord()
    {
        var l = factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var line = new ActivityLine(7, new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), "frobnication.done", "/record?entity=frobnication&entityId=x",
            new ActivityActor(ActivityActorKind.Secretariat), new ActivityTarget("Something", "/somewhere"));

        using var html = new StringWriter();
        RecentActivity.Render(line, l).WriteTo(html, System.Text.Encodings.Web.HtmlEncoder.Default);

        Assert.Equal("The secretariat: <a href=\"/record?entity=frobnication&amp;entityId=x\"><bdi>frobnication.done</bdi></a>", html.ToString());
    }

    [Fact]
    public void RecentActivity_EveryRecordedAction_HasASentence()
    {
        // The resources name every action the record knows ("Action.{action}"): each reads as a sentence.
        var resources = XDocument.Load(Path.Combine(Repository.Root, "src", "Ecp", "Resources", "SharedResource.resx"));
        var actions = resources.Root!.Elements("data").Select(d => (string)d.Attribute("name")!)
            .Where(n => n.StartsWith("Action.", StringComparison.Ordinal)).Select(n => n["Action.".Length..]).ToList();

        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.Contains(a, RecentActivity.Sentences));
    }

    [Fact]
    public async Task Feeds_AreAdvertisedInEveryPageHeadAndOnTheConsultationsList()
    {
        var client = factory.CreatePublicClient();
        foreach (var path in new[] { "/", "/consultations", "/record" })
        {
            var page = await client.GetPageAsync(path);
            var link = page.Head!.QuerySelector("link[rel='alternate'][type='application/atom+xml']");
            Assert.NotNull(link);
            Assert.False(string.IsNullOrWhiteSpace(link.GetAttribute("title")));
            using var feed = await client.GetAsync(link.GetAttribute("href"));
            Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
            Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
        }
        var list = await client.GetPageAsync("/consultations");
        var visible = list.QuerySelector("main a[href='/feeds/consultations.atom']");
        Assert.NotNull(visible);
        Assert.False(string.IsNullOrWhiteSpace(visible.TextContent));
    }

    private async Task<Guid> OpenConsultationAsync(TestPerson secretariat, string topic)
    {
        // The notifications' harness drafts and opens consultations the same way for its own tests.
        var body = Drafting.Id(await (await secretariat.Api.PostJsonAsync("/api/v1/bodies", Drafting.BodyRequest())).ExpectAsync(HttpStatusCode.Created));
        var id = await NotificationsHarness.DraftAsync(secretariat, body, topic, TimeProvider.System, TimeSpan.FromDays(7));
        await NotificationsHarness.OpenAsync(secretariat, id);
        return id;
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();
}
