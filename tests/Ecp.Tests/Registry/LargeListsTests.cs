using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ecp.Data;
using Ecp.Features.Bodies;
using Ecp.Features.Drafts;
using Ecp.Features.Registry;
using Ecp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ecp.Tests.Registry;

/// <summary>
/// 3,000 organizations, bodies, documents and pending accreditation requests, seeded with one
/// SaveChanges each. Every list page and endpoint answers a page (at most the page size) and a
/// next link that reaches every item once. Before, each loaded the whole table.
/// </summary>
public sealed partial class LargeListsTests(LargeListsTests.Seeded seeded) : IClassFixture<LargeListsTests.Seeded>
{
    public const int Size = 3_000;
    private const int PageSize = 50;
    private const int MaxPageSize = 200;

    public sealed partial class Seeded : IAsyncLifetime
    {
        public EcpFactory App { get; } = new();
        public TestPerson Secretariat { get; private set; } = null!;
        public HashSet<Guid> Organizations { get; } = [];
        public HashSet<Guid> Bodies { get; } = [];
        public HashSet<Guid> Documents { get; } = [];
        public HashSet<Guid> Accreditations { get; } = [];

        public async Task InitializeAsync()
        {
            App.Settings["Ecp:Notifications:Enabled"] = "false";
            App.Settings["Ecp:Search:Follow"] = "false"; // the bounds measure the request, not indexing 200,000 rows beside it
            await App.InitializeAsync();
            Secretariat = await App.People.SecretariatAsync();
            var applicant = await App.People.RegisteredAsync("Many requests");
            var now = DateTimeOffset.UtcNow;
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var organizations = Enumerable.Range(0, Size).Select(i => Organization.Register($"Seeded organization {i:D5}", null,
                StakeholderGroup.CivilSociety, "BRA", ConsultativeStatus.None, i % 2 == 0, now.AddTicks(i))).ToList();
            var bodies = Enumerable.Range(0, Size).Select(i => Body.Establish($"Seeded body {i:D5}", $"SB{i}", "A/RES/70/125",
                MembershipRule.AllMemberStates, [], "Open to observers.", 2, now.AddTicks(i))).ToList();
            var documents = Enumerable.Range(0, Size).Select(i => OutcomeDocument.Draft(DocumentKind.Report, $"Seeded report {i}", $"E/CN.16/{7000 + i}",
                null, "", "en", "Draft", [new ParagraphDraft(ParagraphKind.Operative, 0, "One paragraph.", [])], now.AddTicks(i)).Value).ToList();
            var chile = AccreditationTarget.ForDelegate(App.Services.GetRequiredService<MemberStateCatalog>().Find("CHL")).Value;
            var accreditations = Enumerable.Range(0, Size).Select(i => chile.Request(applicant.Id, "Please.", now.AddSeconds(-Size + i))).ToList();
            db.AddRange(organizations);
            db.AddRange(bodies);
            db.AddRange(documents);
            db.AddRange(accreditations);
            await db.SaveChangesAsync();
            Organizations.UnionWith(organizations.Select(o => o.Id));
            Bodies.UnionWith(bodies.Select(b => b.Id));
            Documents.UnionWith(documents.Select(d => d.Id));
            Accreditations.UnionWith(accreditations.Select(a => a.Id));
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private EcpFactory App => seeded.App;

    [Theory]
    [InlineData("/api/v1/organizations")]
    [InlineData("/api/v1/bodies")]
    [InlineData("/api/v1/documents")]
    [InlineData("/api/v1/accreditations?status=pending")]
    public async Task ListApi_3000Rows_PagesByLinkReachEveryRowOnce(string url)
    {
        var seededIds = url switch
        {
            "/api/v1/organizations" => seeded.Organizations,
            "/api/v1/bodies" => seeded.Bodies,
            "/api/v1/documents" => seeded.Documents,
            _ => seeded.Accreditations,
        };
        var first = await seeded.Secretariat.Api.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(PageSize, (await first.JsonAsync()).AsArray().Count);
        Assert.NotNull(NextLink(first));

        var seen = new List<Guid>();
        string? next = url + (url.Contains('?') ? "&" : "?") + $"limit={MaxPageSize}";
        var pages = 0;
        while (next is not null)
        {
            using var response = await seeded.Secretariat.Api.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var items = (await response.JsonAsync()).AsArray();
            Assert.InRange(items.Count, 1, MaxPageSize);
            seen.AddRange(items.Select(i => Guid.Parse((string)i!["id"]!)));
            next = NextLink(response);
            Assert.True(++pages <= Size / MaxPageSize + 2, "The next links do not end.");
        }
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), seededIds);
    }

    [Fact]
    public async Task OrganizationsApi_InsertBeforeCursor_NextPageHasNoRepeats()
    {
        var client = App.CreatePublicClient();
        using var first = await client.GetAsync("/api/v1/organizations?limit=100");
        var firstIds = (await first.JsonAsync()).AsArray().Select(i => (string)i!["id"]!).ToList();
        // Sorts before every seeded organization: an offset would shift the next page by one.
        await App.People.OrganizationAsync(name: "AAA inserted between pages " + Guid.NewGuid().ToString("N"));

        using var second = await client.GetAsync(NextLink(first)!);
        var secondIds = (await second.JsonAsync()).AsArray().Select(i => (string)i!["id"]!).ToList();
        Assert.Equal(100, secondIds.Count);
        Assert.Empty(firstIds.Intersect(secondIds));
        Assert.Contains("limit=100", NextLink(second)!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrganizationsApi_FilterKeptInNextLink_OnlyMatchingRows()
    {
        using var first = await App.CreatePublicClient().GetAsync("/api/v1/organizations?relevant=true&limit=200");
        var next = NextLink(first)!;
        Assert.Contains("relevant=true", next, StringComparison.Ordinal);
        var page = await App.CreatePublicClient().GetJsonAsync(next);
        Assert.All(page.AsArray(), o => Assert.True((bool)o!["relevantOrganization"]!));
    }

    [Theory]
    [InlineData("/organizations", "main tbody tr")]
    [InlineData("/documents", "main tbody tr")]
    [InlineData("/secretariat/accreditations", "main section.notice")]
    public async Task ListPage_3000Rows_OnePageAndNextLinkToLaterRows(string url, string rows)
    {
        var (browser, _) = await App.People.LogInAsync(seeded.Secretariat);
        var first = await browser.GetPageAsync(url);
        var firstRows = first.QuerySelectorAll(rows).Select(RowKey).ToList();
        Assert.Equal(PageSize, firstRows.Count);
        var next = first.QuerySelectorAll("nav.pager a").Select(a => a.GetAttribute("href")!).Single(h => h.Contains("after=", StringComparison.Ordinal));

        var second = await browser.GetPageAsync(next);
        var secondRows = second.QuerySelectorAll(rows).Select(RowKey).ToList();
        Assert.InRange(secondRows.Count, 1, PageSize);
        Assert.Empty(firstRows.Intersect(secondRows));
        Assert.Contains(second.QuerySelectorAll("nav.pager a"), a => a.GetAttribute("href") == url);
    }

    [Fact]
    public async Task ListApi_LimitAboveMaximum_ClampedToMaximum()
    {
        var page = await App.CreatePublicClient().GetJsonAsync("/api/v1/bodies?limit=100000");
        Assert.Equal(MaxPageSize, page.AsArray().Count);
    }

    [Fact]
    public async Task ListApi_GarbledCursor_FirstPage()
    {
        var page = await App.CreatePublicClient().GetJsonAsync("/api/v1/organizations?after=not-a-cursor");
        Assert.Equal(PageSize, page.AsArray().Count);
    }

    /// <summary>What tells the rows apart: the heading's id (a request) or the link to the item.</summary>
    private static string RowKey(AngleSharp.Dom.IElement row)
        => row.QuerySelector("h2[id]")?.Id ?? row.QuerySelector("a[href]")?.GetAttribute("href") ?? throw new InvalidOperationException(row.OuterHtml);

    private static string? NextLink(HttpResponseMessage response)
        => response.Headers.TryGetValues("Link", out var values) && LinkNext().Match(string.Join(",", values)) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("<([^>]+)>;\\s*rel=\"next\"")]
    private static partial Regex LinkNext();
}
