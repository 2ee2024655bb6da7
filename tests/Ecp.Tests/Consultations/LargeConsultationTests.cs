using System.Net;
using Ecp.Bench;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests.Consultations;

/// <summary>Measured alone: the memory bounds below are read from process-wide counters.</summary>
[CollectionDefinition(nameof(Alone), DisableParallelization = true)]
public sealed class Alone;

/// <summary>
/// One consultation with 200,000 contributions (what a surge leaves, and more), seeded by SQL, not
/// HTTP. Every page and endpoint that shows it must answer 200 and stay within a fixed amount of
/// memory: a page of contributions, counts from the database, the CSV streamed, the record paged and
/// verified from a checkpoint. Before, the consultation answered 500 ("too many SQL variables": one
/// parameter per contribution) and the rest loaded every row.
/// </summary>
[Collection(nameof(Alone))]
public sealed class LargeConsultationTests(LargeConsultationTests.Seeded seeded) : IClassFixture<LargeConsultationTests.Seeded>
{
    public const int Size = 200_000;

    /// <summary>What one request may allocate, in the whole process, however many contributions there are.</summary>
    private const long AllocationBound = 50L * 1024 * 1024;

    /// <summary>How far the managed heap may grow during a streamed download of every row.</summary>
    private const long StreamingHeapBound = 150L * 1024 * 1024;

    public sealed class Seeded : IAsyncLifetime
    {
        public EcpFactory App { get; } = new();
        public string Id { get; private set; } = "";

        public async Task InitializeAsync()
        {
            // The notification projection would otherwise read the 200,000 seeded entries in the
            // background while requests are measured: work of this process, but not theirs.
            App.Settings["Ecp:Notifications:Enabled"] = "false";
            App.Settings["Ecp:Search:Follow"] = "false"; // the bounds measure the request, not indexing 200,000 rows beside it
            await App.InitializeAsync();
            var secretariat = await App.People.SecretariatAsync();
            var body = await (await secretariat.Api.PostJsonAsync("/api/v1/bodies", Drafting.BodyRequest())).ExpectAsync(HttpStatusCode.Created);
            var created = await (await secretariat.Api.PostJsonAsync("/api/v1/consultations", new
            {
                bodyId = (string)body["id"]!, topic = "A surge of answers", description = "Seeded with many contributions.",
                eligibility = "all-stakeholders", opensAt = DateTimeOffset.UtcNow.AddMinutes(-1), closesAt = DateTimeOffset.UtcNow.AddDays(5),
                questionDefinitions = BulkContributions.Questions,
            })).ExpectAsync(HttpStatusCode.Created);
            Id = (string)created["id"]!;
            await (await secretariat.Api.PostAsync($"/api/v1/consultations/{Id}/open", null)).ExpectAsync(HttpStatusCode.OK);
            await BulkContributions.AddAsync(App.Services, Guid.Parse(Id), Size);
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private EcpFactory App => seeded.App;

    private static int Counted => Enumerable.Range(0, Size).Count(i => !BulkContributions.Expected(i).Withdrawn);

    [Fact]
    public async Task ConsultationPage_200000Contributions_FirstPageAndTotalsWithinBound()
    {
        var page = await BoundedAsync($"/consultations/{seeded.Id}");

        var document = await Html.ParseAsync(page);
        Assert.Equal(ConsultationQueriesPageSize, document.QuerySelectorAll("article.contribution").Length);
        Assert.Contains(Counted.ToString(System.Globalization.CultureInfo.InvariantCulture), document.QuerySelector("main")!.TextContent);
        var next = document.QuerySelectorAll("nav.pager a").Select(a => a.GetAttribute("href")!).Single(h => h.Contains("after="));

        var second = await Html.ParseAsync(await BoundedAsync(next));
        Assert.NotNull(second.QuerySelector($"article#c-{ConsultationQueriesPageSize + 1}"));
        Assert.Null(second.QuerySelector($"article#c-{ConsultationQueriesPageSize}"));
    }

    [Fact]
    public async Task ConsultationApi_200000Contributions_PageWithNextLinkAndTotalsWithinBound()
    {
        var view = await (await BoundedAsync($"/api/v1/consultations/{seeded.Id}")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(ConsultationQueriesPageSize, view["contributions"]!.AsArray().Count);
        Assert.Equal(Counted, (int)view["attribution"]!["total"]!);
        Assert.Equal(Size - Counted, (int)view["attribution"]!["withdrawn"]!);
        Assert.Equal(Enumerable.Range(0, Size).Count(i => BulkContributions.Expected(i).Hidden), (int)view["attribution"]!["hidden"]!);
        Assert.Equal(Enumerable.Range(0, Size).Count(i => !BulkContributions.Expected(i).Withdrawn && BulkContributions.Expected(i).Group == "government"),
            (int)view["attribution"]!["byStakeholderGroup"]!.AsArray().Single(g => (string?)g!["group"] == "government")!["contributions"]!);
        Assert.Equal(Enumerable.Range(0, Size).Where(i => !BulkContributions.Expected(i).Withdrawn).Select(i => i % (Size / 4)).Distinct().Count(),
            (int)view["attribution"]!["authors"]!);

        var next = (string)view["next"]!;
        var page = await (await BoundedAsync(next + "&limit=200")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(Enumerable.Range(ConsultationQueriesPageSize + 1, 200), page["contributions"]!.AsArray().Select(c => (int)c!["number"]!));
        Assert.Equal(ConsultationQueriesPageSize + 200, (int)page["nextAfter"]!);
    }

    [Fact]
    public async Task Results_200000Contributions_TalliedExactlyWithinBound()
    {
        var results = (await (await BoundedAsync($"/api/v1/consultations/{seeded.Id}/results")).ExpectAsync(HttpStatusCode.OK)).AsArray();
        await BoundedAsync($"/consultations/{seeded.Id}/results", warm: false); // the tally's query is compiled by now

        var counted = Enumerable.Range(0, Size).Select(BulkContributions.Expected).Where(e => !e.Withdrawn).ToList();
        var scale = results[0]!["rows"]!.AsArray();
        for (var point = 1; point <= 5; point++)
        {
            Assert.Equal(counted.Count(e => e.Scale == point && e.Group == "civil-society"), (int)scale[point - 1]!["byCategory"]!["civil-society"]!);
        }
        Assert.Equal(counted.Count(e => e.Choice == 2), (int)results[1]!["rows"]![1]!["total"]!);
        Assert.Equal(counted.Count, (int)results[2]!["rows"]![0]!["total"]!); // everyone named the first issue
        Assert.Equal(counted.Count, (int)results[3]!["respondents"]!);
    }

    [Fact]
    public async Task ResultsCsv_200000Contributions_StreamedWithinBound()
    {
        var lines = await StreamedLineCountAsync($"/api/v1/consultations/{seeded.Id}/results.csv");

        Assert.Equal(1 + Size * BulkContributions.Questions.Length, lines);
    }

    [Fact]
    public async Task ConsultationList_WithALargeConsultation_WithinBound()
    {
        await BoundedAsync("/consultations");
        var list = await (await BoundedAsync("/api/v1/consultations")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(Size, (int)list.AsArray().Single(c => (string?)c!["id"] == seeded.Id)!["contributions"]!);
    }

    [Fact]
    public async Task Record_200000Entries_PagesAndDownloadWithinBound()
    {
        await BoundedAsync("/record");
        var first = await (await BoundedAsync("/api/v1/record?limit=200")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(200, first["entries"]!.AsArray().Count);
        await BoundedAsync($"/record?before={(long)first["nextBefore"]!}");
        var older = await (await BoundedAsync((string)first["next"]!)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((long)first["nextBefore"]! - 1, (long)older["entries"]![0]!["seq"]!);
        await BoundedAsync($"/api/v1/record?entity=contribution&before=1000");

        Assert.True(await StreamedLineCountAsync("/api/v1/record/download") > Size);
    }

    [Fact]
    public async Task RecordVerify_200000Entries_RepeatedPublicCallIsCheap()
    {
        var client = App.CreatePublicClient();
        Assert.True((bool)(await client.GetJsonAsync("/api/v1/record/verify"))["isValid"]!); // this node's first: the whole chain

        var again = await (await BoundedAsync("/api/v1/record/verify", bound: 2L * 1024 * 1024)).ExpectAsync(HttpStatusCode.OK);

        Assert.True((bool)again["isValid"]!);
        Assert.Equal("incremental", (string?)again["scope"]);
        Assert.True((long)again["entriesChecked"]! > Size);
    }

    private const int ConsultationQueriesPageSize = Common.Paging.DefaultPageSize;

    /// <summary>GETs the URL once to warm up (query compilation, first rendering), then again,
    /// alone, asserting 200 and that the second request allocated at most <paramref name="bound"/>.</summary>
    private async Task<HttpResponseMessage> BoundedAsync(string url, long bound = AllocationBound, bool warm = true)
    {
        var client = App.CreatePublicClient();
        if (warm) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var response = await client.GetAsync(url);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.True(allocated < bound, $"GET {url} allocated {allocated / (1024 * 1024)} MB; the bound is {bound / (1024 * 1024)} MB.");
        return response;
    }

    /// <summary>Reads a download as it streams, counting its lines, and asserts that the managed heap
    /// never held more than <see cref="StreamingHeapBound"/> meanwhile (live objects, sampled after a full collection every 400 ms: often enough to see a body held whole, which lives
    /// for the length of the download, and rarely enough that the collections do not set the download's pace).</summary>
    private async Task<long> StreamedLineCountAsync(string url)
    {
        var client = App.CreatePublicClient();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            // What stays reachable, not the garbage between two collections (which depends on the
            // collector's budget and the machine's load): a body held in memory stays reachable.
            while (!done.IsCancellationRequested)
            {
                GC.Collect();
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                try { await Task.Delay(400, done.Token); } catch (OperationCanceledException) { }
            }
        });
        long lines = 0;
        using (var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            while (await reader.ReadLineAsync() is not null) lines++;
        }
        await done.CancelAsync();
        await sampler;
        var growth = peak - baseline;
        Assert.True(growth < StreamingHeapBound, $"GET {url}: the heap grew by {growth / (1024 * 1024)} MB; the bound is {StreamingHeapBound / (1024 * 1024)} MB.");
        return lines;
    }
}
