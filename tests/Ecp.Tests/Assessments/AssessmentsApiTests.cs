using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Ecp.Tests.Infrastructure;
using static Ecp.Tests.Infrastructure.Drafting;

namespace Ecp.Tests.Assessments;

/// <summary>Assessment rounds over the API: one voice per State, one rating per person, results by group, never mixed.</summary>
public sealed class AssessmentsApiTests(EcpFactory app) : IClassFixture<EcpFactory>
{
    [Fact]
    public async Task Open_WithoutDimensions_DefaultFiveInOrderAndOnTheRecord()
    {
        var chair = await app.Drafting.ChairAsync();

        var round = await (await chair.Api.PostJsonAsync("/api/v1/assessments", new { title = "Implementation 2026" })).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(["all-stakeholders-in-roles", "equal-footing", "responsiveness", "speed", "reporting"],
            round["dimensions"]!.AsArray().Select(d => (string)d!["code"]!).ToArray());
        Assert.Equal("Governments able to act on an equal footing", (string)round["dimensions"]![1]!["name"]!);
        Assert.True((bool)round["isOpen"]!);
        var entry = Assert.Single(await app.CreatePublicClient().RecordEntriesAsync("assessment", Id(round)))!;
        Assert.Equal("assessment.opened", (string)entry["action"]!);
        Assert.Equal(5, entry["payload"]!["dimensions"]!.AsArray().Count);
        var listed = await app.CreatePublicClient().GetJsonAsync("/api/v1/assessments?limit=200");
        Assert.Contains(listed.AsArray(), r => (string)r!["id"]! == Id(round).ToString());
    }

    [Fact]
    public async Task Rate_TenDelegatesOfOneState_OneStandingRatingForTheStateHistoryKeepsAll()
    {
        var roundId = await RoundAsync();
        var delegates = new List<TestPerson>();
        for (var i = 0; i < 10; i++) delegates.Add(await app.People.DelegateAsync("ARG"));

        foreach (var (d, i) in delegates.Select((d, i) => (d, i)))
        {
            await RatedAsync(d, roundId, "equal-footing", i % 5 + 1);
        }

        var round = await app.CreatePublicClient().GetJsonAsync($"/api/v1/assessments/{roundId}");
        var standing = Assert.Single(round["ratings"]!.AsArray())!;
        Assert.Equal(("ARG", 5, delegates[9].DisplayName), ((string)standing["memberState"]!, (int)standing["score"]!, (string)standing["raterName"]!));
        Assert.Equal(10, round["history"]!.AsArray().Count);
        Assert.Equal(9, round["history"]!.AsArray().Count(r => r!["supersededAt"] is not null));
        var government = Group(await Results(roundId), "equal-footing", "government");
        Assert.Equal(1, (int)government["count"]!);
        Assert.Equal(5.0, (double)government["median"]!);
        Assert.Equal(10, (await app.CreatePublicClient().RecordActionsAsync("assessment", roundId)).Count(a => a == "rating.recorded"));
    }

    [Fact]
    public async Task Rate_PersonChangesTheirRating_CountsOnceAndTheRecordKeepsBoth()
    {
        var roundId = await RoundAsync();
        var stakeholder = await app.People.StakeholderAsync(group: "civil-society");

        await RatedAsync(stakeholder, roundId, "speed", 4, "Faster than we feared.");
        var round = await RatedAsync(stakeholder, roundId, "speed", 2, "On reflection, slow.");

        Assert.Equal(2, (int)Assert.Single(round["ratings"]!.AsArray())!["score"]!);
        var civil = Group(await Results(roundId), "speed", "civil-society");
        Assert.Equal((1, 2.0), ((int)civil["count"]!, (double)civil["median"]!));
        Assert.Equal([0, 1, 0, 0, 0], civil["distribution"]!.AsArray().Select(n => (int)n!).ToArray());
        var entries = await app.CreatePublicClient().RecordEntriesAsync("assessment", roundId);
        var ratings = entries.Where(e => (string)e!["action"]! == "rating.recorded").Select(e => e!["payload"]!).Reverse().ToList();
        Assert.Equal([(4, "Faster than we feared."), (2, "On reflection, slow.")], ratings.Select(p => ((int)p["score"]!, (string)p["comment"]!)).ToArray());
        Assert.Null(ratings[0]["replaces"]);
        Assert.Equal((string)ratings[0]["ratingId"]!, (string)ratings[1]["replaces"]!);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task Rate_ScoreOutsideOneToFive_400InFrenchAndNothingChanged(int score)
    {
        var roundId = await RoundAsync();
        var stakeholder = await app.People.StakeholderAsync();
        var head = await stakeholder.Api.RecordHeadAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/assessments/{roundId}/ratings")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { dimension = "reporting", score }),
        };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("fr"));

        var problem = await (await stakeholder.Api.SendAsync(request)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("Choisissez une note de 1 à 5.", (string)problem["errors"]!["score"]![0]!);
        Assert.Equal(head, await stakeholder.Api.RecordHeadAsync());
        Assert.Empty((await app.CreatePublicClient().GetJsonAsync($"/api/v1/assessments/{roundId}"))["history"]!.AsArray());
    }

    [Fact]
    public async Task Rate_AfterTheClose_409InFrenchAndNothingChanged()
    {
        var roundId = await RoundAsync();
        var chair = await app.Drafting.ChairAsync();
        var delegatePerson = await app.People.DelegateAsync("KEN");
        await RatedAsync(delegatePerson, roundId, "speed", 3);
        await (await chair.Api.PostAsync($"/api/v1/assessments/{roundId}/close", null)).ExpectAsync(HttpStatusCode.OK);
        var head = await chair.Api.RecordHeadAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/assessments/{roundId}/ratings")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { dimension = "speed", score = 5 }),
        };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("fr"));

        var problem = await (await delegatePerson.Api.SendAsync(request)).ExpectProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("assessment-closed", (string)problem["code"]!);
        Assert.Equal("La série d’évaluation est clôturée : elle n’accepte plus de notes.", (string)problem["detail"]!);
        Assert.Equal(head, await chair.Api.RecordHeadAsync());
        var round = await app.CreatePublicClient().GetJsonAsync($"/api/v1/assessments/{roundId}");
        Assert.Equal(3, (int)Assert.Single(round["history"]!.AsArray())!["score"]!);
        Assert.False((bool)round["isOpen"]!);
        await (await chair.Api.PostAsync($"/api/v1/assessments/{roundId}/close", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Rate_AfterTheClosingTime_409AndListedAmongTheClosed()
    {
        var chair = await app.Drafting.ChairAsync();
        var roundId = Id(await (await chair.Api.PostJsonAsync("/api/v1/assessments", new { title = "Short round", closesAt = DateTimeOffset.UtcNow.AddSeconds(2) }))
            .ExpectAsync(HttpStatusCode.Created));
        var stakeholder = await app.People.StakeholderAsync();
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        var problem = await (await Rate(stakeholder, roundId, "speed", 3)).ExpectProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("assessment-closed", (string)problem["code"]!);
        var listed = (await app.CreatePublicClient().GetJsonAsync("/api/v1/assessments?limit=200")).AsArray();
        Assert.False((bool)listed.Single(r => (string)r!["id"]! == roundId.ToString())!["isOpen"]!);
        // The secretariat's close is still recorded.
        await (await chair.Api.PostAsync($"/api/v1/assessments/{roundId}/close", null)).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Results_ByGroupAndBetweenGroupGap_MatchTheHandComputedExample()
    {
        var roundId = await RoundAsync();
        await HandExampleAsync(roundId);

        var results = await Results(roundId);

        // Government: BRA 2 (its second delegate replaced the first's 5), IND 3, KEN 4, FRA 4
        //   -> sorted 2,3,4,4: n2=1 n3=1 n4=2, median (3+4)/2 = 3.5.
        // Civil society: 1 and 2 -> median (1+2)/2 = 1.5. Private sector: 4 -> 4. Technical and academic (the reporter): 5 -> 5.
        // Between-group gap = highest median - lowest = 5 - 1.5 = 3.5 (technical-academic over civil-society).
        var government = Group(results, "equal-footing", "government");
        Assert.Equal((4, 3.5), ((int)government["count"]!, (double)government["median"]!));
        Assert.Equal([0, 1, 1, 2, 0], government["distribution"]!.AsArray().Select(n => (int)n!).ToArray());
        Assert.Equal(1.5, (double)Group(results, "equal-footing", "civil-society")["median"]!);
        Assert.Equal(4.0, (double)Group(results, "equal-footing", "private-sector")["median"]!);
        Assert.Equal(5.0, (double)Group(results, "equal-footing", "technical-academic")["median"]!);
        Assert.Null(Group(results, "equal-footing", "international-organization")["median"]);
        var gap = Dimension(results, "equal-footing")["gap"]!;
        Assert.Equal(3.5, (double)gap["value"]!);
        Assert.Equal(["technical-academic"], gap["highest"]!.AsArray().Select(g => (string)g!).ToArray());
        Assert.Equal(["civil-society"], gap["lowest"]!.AsArray().Select(g => (string)g!).ToArray());
        Assert.Null(Dimension(results, "speed")["gap"]!["value"]);
        Assert.Equal("between-group-gap", (string)results["divergence"]!);
        Assert.Contains("highest and the lowest", (string)results["divergenceDefinition"]!);
    }

    [Fact]
    public async Task ResultsCsv_HandExample_RowPerDimensionAndGroupThenTheGaps()
    {
        var roundId = await RoundAsync();
        await HandExampleAsync(roundId);

        using var response = await app.CreatePublicClient().GetAsync($"/api/v1/assessments/{roundId}/results.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("row,dimension,stakeholder_group,count,n1,n2,n3,n4,n5,median,between_group_gap,highest_groups,lowest_groups", lines[0]);
        // Five dimensions x six groups, then one gap row per dimension.
        Assert.Equal(1 + 5 * 6 + 5, lines.Length);
        Assert.Contains("group,equal-footing,government,4,0,1,1,2,0,3.5,,,", lines);
        Assert.Contains("group,equal-footing,civil-society,2,1,1,0,0,0,1.5,,,", lines);
        Assert.Contains("group,equal-footing,international-organization,0,0,0,0,0,0,,,,", lines);
        Assert.Equal("between-group-gap,equal-footing,,,,,,,,,3.5,technical-academic,civil-society", lines[1 + 30 + 1]);
    }

    [Fact]
    public async Task OpenAndClose_ByNonSecretariat_403_AndRate_ByThePublic_401()
    {
        var roundId = await RoundAsync();
        var delegatePerson = await app.People.DelegateAsync("CHN");
        var stakeholder = await app.People.StakeholderAsync();
        var registered = await app.People.RegisteredAsync();
        var head = await delegatePerson.Api.RecordHeadAsync();

        await (await delegatePerson.Api.PostJsonAsync("/api/v1/assessments", new { title = "Not mine to open" })).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await stakeholder.Api.PostAsync($"/api/v1/assessments/{roundId}/close", null)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await Rate(app.CreatePublicClient(), roundId, "speed", 3)).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await (await Rate(registered, roundId, "speed", 3)).ExpectProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(head, await delegatePerson.Api.RecordHeadAsync());
    }

    [Fact]
    public async Task Trend_TwoRounds_EachGroupsMedianPerRoundInOrder()
    {
        var first = await RoundAsync();
        var second = await RoundAsync();
        var stakeholder = await app.People.StakeholderAsync(group: "private-sector");
        await RatedAsync(stakeholder, first, "responsiveness", 2);
        await RatedAsync(stakeholder, second, "responsiveness", 4);

        var trend = await app.CreatePublicClient().GetJsonAsync("/api/v1/assessments/trend");

        var rounds = trend["rounds"]!.AsArray().Select(r => (string)r!["id"]!).ToList();
        Assert.True(rounds.IndexOf(first.ToString()) < rounds.IndexOf(second.ToString()));
        var series = trend["dimensions"]!.AsArray().Single(d => (string)d!["dimension"]! == "responsiveness")!["groups"]!.AsArray()
            .Single(g => (string)g!["stakeholderGroup"]! == "private-sector")!["medians"]!.AsArray();
        Assert.Equal((2.0, 4.0), ((double)series[rounds.IndexOf(first.ToString())]!, (double)series[rounds.IndexOf(second.ToString())]!));
    }

    [Fact]
    public async Task Page_ParticipantRatesThroughTheForm_RedirectsAndTheResultsShowIt()
    {
        var roundId = await RoundAsync();
        var stakeholder = await app.People.StakeholderAsync(group: "civil-society");
        var (browser, _) = await app.People.LogInAsync(stakeholder);

        using var response = await browser.SubmitFormAsync($"/assessments/{roundId}",
            new Dictionary<string, string> { ["Rate.Score"] = "4", ["Rate.Comment"] = "Better than last year." },
            "form.rating-form:has(input[value='equal-footing'])");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await browser.GetPageAsync($"/assessments/{roundId}");
        Assert.NotNull(page.QuerySelector("svg[role='img'][aria-label]"));
        Assert.Equal(4.0, (double)Group(await Results(roundId), "equal-footing", "civil-society")["median"]!);
        Assert.Contains("Better than last year.", page.Body!.TextContent);
    }

    [Fact]
    public async Task List_PagedOneAtATime_OpenRoundsFirstEveryRoundOnce()
    {
        var chair = await app.Drafting.ChairAsync();
        var closed = await RoundAsync();
        await (await chair.Api.PostAsync($"/api/v1/assessments/{closed}/close", null)).ExpectAsync(HttpStatusCode.OK);
        await RoundAsync();
        var client = app.CreatePublicClient();

        var seen = new List<JsonNode>();
        for (var url = "/api/v1/assessments?limit=1"; url is not null;)
        {
            using var response = await client.GetAsync(url);
            seen.AddRange((await response.ExpectAsync(HttpStatusCode.OK)).AsArray().Select(r => r!));
            url = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split('<', '>')[1] : null;
        }

        var all = await client.GetJsonAsync("/api/v1/assessments?limit=200");
        Assert.Equal(all.AsArray().Select(r => (string)r!["id"]!), seen.Select(r => (string)r["id"]!));
        Assert.Equal(seen.Count, seen.Select(r => (string)r["id"]!).Distinct().Count());
        var open = seen.Select(r => (bool)r["isOpen"]!).ToList();
        Assert.Equal(open.OrderByDescending(o => o), open);
        Assert.Contains(seen, r => (string)r["id"]! == closed.ToString() && !(bool)r["isOpen"]!);
    }

    [Fact]
    public async Task Page_SecretariatOpensWithItsOwnDimensions_OneLineEach()
    {
        var chair = await app.Drafting.ChairAsync();
        var (browser, _) = await app.People.LogInAsync(chair);

        using var response = await browser.SubmitFormAsync("/assessments", new Dictionary<string, string>
        {
            ["Input.Title"] = "Implementation, special round",
            ["Input.Dimensions"] = "Open data\nالتعددية اللغوية\n",
        }, "form:has(#Input_Title)");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/assessments/[0-9a-f-]{36}$", location);
        var id = location.Split('/')[^1];
        var round = await app.CreatePublicClient().GetJsonAsync($"/api/v1/assessments/{id}");
        Assert.Equal([("open-data", "Open data"), ("dimension-2", "التعددية اللغوية")],
            round["dimensions"]!.AsArray().Select(d => ((string)d!["code"]!, (string)d["name"]!)).ToArray());
    }

    [Fact]
    public async Task Page_ScoreOutOfRangeThroughTheForm_ErrorBesideTheDimensionInputKeptNothingRecorded()
    {
        var roundId = await RoundAsync();
        var delegatePerson = await app.People.DelegateAsync("MEX");
        var (browser, _) = await app.People.LogInAsync(delegatePerson);
        var head = await delegatePerson.Api.RecordHeadAsync();

        using var response = await browser.SubmitFormAsync($"/assessments/{roundId}",
            new Dictionary<string, string> { ["Rate.Score"] = "6", ["Rate.Comment"] = "Kept after the refusal." }, "form.rating-form:has(input[value='speed'])");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Choose a score from 1 to 5.", page.QuerySelector("#Score-speed")!.TextContent);
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#Score-speed']"));
        Assert.Equal("Kept after the refusal.", page.QuerySelector("#Comment-speed")!.TextContent);
        Assert.Equal(head, await delegatePerson.Api.RecordHeadAsync());
    }

    [Fact]
    public async Task Page_InArabic_RightToLeftWithArabicDimensionNamesAndMirroredCharts()
    {
        var roundId = await RoundAsync();
        await RatedAsync(await app.People.DelegateAsync("EGY"), roundId, "equal-footing", 2);

        var page = await app.CreatePublicClient().GetPageAsync($"/assessments/{roundId}?culture=ar");

        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Contains("قدرة الحكومات على العمل على قدم المساواة", page.QuerySelector("main")!.TextContent);
        var charts = page.QuerySelectorAll("svg[role='img']");
        Assert.NotEmpty(charts);
        Assert.All(charts, svg => Assert.Equal("rtl", svg.GetAttribute("direction")));
        Assert.Contains("الفرق بين أعلى وسيط وأدنى وسيط", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task HomePage_AfterARating_ReadsAsASentenceLinkingTheRound()
    {
        var chair = await app.Drafting.ChairAsync();
        var roundId = Id(await (await chair.Api.PostJsonAsync("/api/v1/assessments", new { title = "Home page round" })).ExpectAsync(HttpStatusCode.Created));
        var stakeholder = await app.People.StakeholderAsync();
        await RatedAsync(stakeholder, roundId, "reporting", 3);

        var page = await app.CreatePublicClient().GetPageAsync("/");

        var lines = page.QuerySelectorAll("main ol li").Select(li => System.Text.RegularExpressions.Regex.Replace(li.TextContent.Trim(), @"\s+", " ")).ToList();
        Assert.Contains(lines, l => l.EndsWith($"{stakeholder.DisplayName} rated the implementation in Home page round", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector($"main ol li a[href='/assessments/{roundId}']"));
    }

    /// <summary>The example the results and CSV tests compute by hand: ratings of "equal-footing" only.</summary>
    private async Task HandExampleAsync(Guid roundId)
    {
        var brazil = await app.People.DelegateAsync("BRA");
        var brazil2 = await app.People.DelegateAsync("BRA");
        await RatedAsync(brazil, roundId, "equal-footing", 5);
        await RatedAsync(brazil2, roundId, "equal-footing", 2);
        await RatedAsync(await app.People.DelegateAsync("IND"), roundId, "equal-footing", 3);
        await RatedAsync(await app.People.DelegateAsync("KEN"), roundId, "equal-footing", 4);
        await RatedAsync(await app.People.DelegateAsync("FRA"), roundId, "equal-footing", 4);
        await RatedAsync(await app.People.StakeholderAsync(group: "civil-society"), roundId, "equal-footing", 1);
        await RatedAsync(await app.People.StakeholderAsync(group: "civil-society"), roundId, "equal-footing", 2);
        await RatedAsync(await app.People.StakeholderAsync(group: "private-sector"), roundId, "equal-footing", 4);
        await RatedAsync(await app.People.ReporterAsync(), roundId, "equal-footing", 5);
    }

    private async Task<Guid> RoundAsync()
        => Id(await (await (await app.Drafting.ChairAsync()).Api.PostJsonAsync("/api/v1/assessments", new { title = "Implementation round" })).ExpectAsync(HttpStatusCode.Created));

    private Task<JsonNode> Results(Guid roundId) => app.CreatePublicClient().GetJsonAsync($"/api/v1/assessments/{roundId}/results");

    private static async Task<JsonNode> RatedAsync(TestPerson who, Guid roundId, string dimension, int score, string? comment = null)
        => await (await Rate(who, roundId, dimension, score, comment)).ExpectAsync(HttpStatusCode.OK);

    private static Task<HttpResponseMessage> Rate(TestPerson who, Guid roundId, string dimension, int score, string? comment = null)
        => Rate(who.Api, roundId, dimension, score, comment);

    private static Task<HttpResponseMessage> Rate(HttpClient client, Guid roundId, string dimension, int score, string? comment = null)
        => client.PostJsonAsync($"/api/v1/assessments/{roundId}/ratings", new { dimension, score, comment });

    private static JsonNode Dimension(JsonNode results, string code)
        => results["dimensions"]!.AsArray().Single(d => (string)d!["dimension"]! == code)!;

    private static JsonNode Group(JsonNode results, string dimension, string group)
        => Dimension(results, dimension)["groups"]!.AsArray().Single(g => (string)g!["stakeholderGroup"]! == group)!;
}
