using System.Net;
using Ecp.Tests.Infrastructure;
using static Ecp.Tests.Meetings.Scheduling;

namespace Ecp.Tests.Meetings;

/// <summary>Minutes: the secretariat records the documents holding a meeting's summary record and
/// transcript by symbol, on the record; the meeting shows each in the languages its current version
/// exists in and names the missing ones; an unknown symbol is a localized 400 that changes nothing.</summary>
public sealed class MinutesTests(EcpFactory app) : IClassFixture<EcpFactory>
{
    [Fact]
    public async Task Minutes_RecordedBySymbol_ShownWithTheirLanguagesAndTheMissingOnes_OnTheRecord()
    {
        var body = await app.Drafting.BodyAsync();
        var chair = await app.Drafting.ChairAsync();
        var meeting = (string)(await (await chair.Api.PostJsonAsync("/api/v1/meetings", Request(body, "open-to-all-stakeholders"))).ExpectAsync(HttpStatusCode.Created))["id"]!;
        var summary = await app.Drafting.DocumentAsync(body, [Drafting.Operative("The Chair opened the meeting.")], kind: "report");
        var transcript = await app.Drafting.DocumentAsync(body, [Drafting.Operative("The Chair: I declare the meeting open.")], kind: "report");
        await (await chair.Api.PostJsonAsync($"/api/v1/documents/{summary["id"]}/versions/1/languages",
            new { language = "fr", paragraphs = new[] { "La Présidente ouvre la séance." } })).ExpectAsync(HttpStatusCode.Created);

        var head = await app.CreatePublicClient().RecordHeadAsync();
        var unknown = await (await chair.Api.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes", new { summary = "E/NOPE/1" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("E/NOPE/1", unknown["errors"]!["summary"]![0]!.GetValue<string>());
        Assert.Equal(head, await app.CreatePublicClient().RecordHeadAsync());

        var view = await (await chair.Api.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes",
            new { summary = (string)summary["symbol"]!, transcript = (string)transcript["symbol"]! })).ExpectAsync(HttpStatusCode.OK);
        var minutes = view["minutes"]!;
        Assert.Equal((string)summary["id"]!, (string)minutes["summary"]!["documentId"]!);
        Assert.Equal(["en", "fr"], minutes["summary"]!["languages"]!.AsArray().Select(l => (string)l!).Order());
        Assert.Equal(["ar", "es", "ru", "zh"], minutes["summary"]!["missing"]!.AsArray().Select(l => (string)l!).Order());
        Assert.Equal(5, minutes["transcript"]!["missing"]!.AsArray().Count);
        Assert.Equal("meeting.minutes-recorded", (await app.CreatePublicClient().RecordActionsAsync("meeting", meeting)).Last());

        var page = await app.CreatePublicClient().GetStringAsync($"/meetings/{meeting}");
        Assert.Contains($"href=\"/documents/{summary["id"]}?language=fr\"", page);
        Assert.Contains("Not yet in:", page);
    }
}
