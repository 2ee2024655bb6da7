using System.Net;
using Ecp.Tests.Infrastructure;
using static Ecp.Tests.Meetings.Scheduling;

namespace Ecp.Tests.Meetings;

/// <summary>The speakers list: seated participants ask for the floor on an agenda item; the Chair
/// orders the queue, gives the floor one speaker at a time and closes it; the order, the groups and
/// the times are public and on the record.</summary>
public sealed class SpeakersListTests(EcpFactory app) : IClassFixture<EcpFactory>
{
    private readonly Scheduling scheduling = new(app);

    [Fact]
    public async Task SpeakersList_KeepsTheChairsOrder_AndShowsWhoSpokeWhen()
    {
        var body = await scheduling.BodyAsync(1, "BRA");
        var meeting = (string)(await scheduling.MeetingAsync(body))["id"]!;
        var brazil = await app.People.DelegateAsync("BRA");
        var civil = await app.People.StakeholderAsync();
        var business = await app.People.StakeholderAsync(group: "private-sector");
        var waiting = await app.People.StakeholderAsync();
        await (await RegisterAsync(brazil, meeting, "member")).ExpectAsync(HttpStatusCode.OK);
        await (await RegisterAsync(civil, meeting, "observer")).ExpectAsync(HttpStatusCode.OK);
        await (await RegisterAsync(business, meeting, "observer")).ExpectAsync(HttpStatusCode.OK);
        await (await RegisterAsync(waiting, meeting, "observer")).ExpectAsync(HttpStatusCode.OK); // civil society's one seat is taken

        foreach (var speaker in new[] { brazil, civil, business })
        {
            await (await speaker.Api.PostJsonAsync($"/api/v1/meetings/{meeting}/speakers", new { agendaItem = 2 })).ExpectAsync(HttpStatusCode.OK);
        }
        await (await waiting.Api.PostJsonAsync($"/api/v1/meetings/{meeting}/speakers", new { agendaItem = 2 })).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await civil.Api.PostJsonAsync($"/api/v1/meetings/{meeting}/speakers", new { agendaItem = 2 })).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await civil.Api.PostJsonAsync($"/api/v1/meetings/{meeting}/speakers", new { agendaItem = 9 })).ExpectProblemAsync(HttpStatusCode.BadRequest);

        var chair = (await app.Drafting.ChairAsync()).Api;
        var anyone = app.CreatePublicClient();
        var queue = (await anyone.GetJsonAsync($"/api/v1/meetings/{meeting}/speakers")).AsArray();
        Guid IdOf(TestPerson p) => Guid.Parse((string)queue.Single(s => (string)s!["personId"]! == p.Id.ToString())!["id"]!);
        var (b, c, p) = (IdOf(brazil), IdOf(civil), IdOf(business));

        // The Chair gives civil society the floor first, then Brazil, then business.
        await (await chair.PostJsonAsync($"/api/v1/meetings/{meeting}/speakers/order", new { agendaItem = 2, order = new[] { c, b } }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest); // every waiting speaker, once
        await (await chair.PostJsonAsync($"/api/v1/meetings/{meeting}/speakers/order", new { agendaItem = 2, order = new[] { c, b, p } })).ExpectAsync(HttpStatusCode.OK);
        await (await chair.PostAsync($"/api/v1/meetings/{meeting}/speakers/{c}/give", null)).ExpectAsync(HttpStatusCode.OK);
        var taken = await (await chair.PostAsync($"/api/v1/meetings/{meeting}/speakers/{b}/give", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("floor-taken", (string)taken["code"]!);
        await (await chair.PostAsync($"/api/v1/meetings/{meeting}/speakers/{c}/close", null)).ExpectAsync(HttpStatusCode.OK);
        await (await chair.PostAsync($"/api/v1/meetings/{meeting}/speakers/{b}/give", null)).ExpectAsync(HttpStatusCode.OK);
        await (await chair.PostAsync($"/api/v1/meetings/{meeting}/speakers/{b}/close", null)).ExpectAsync(HttpStatusCode.OK);

        var list = (await anyone.GetJsonAsync($"/api/v1/meetings/{meeting}/speakers")).AsArray().Select(s => s!).ToList();
        Assert.Equal([c, b, p], list.Select(s => Guid.Parse((string)s["id"]!)));
        Assert.Equal(["spoke", "spoke", "waiting"], list.Select(s => (string)s["status"]!));
        Assert.Equal(["civil-society", "government", "private-sector"], list.Select(s => (string)s["group"]!));
        Assert.Equal("BRA", (string)list[1]["memberState"]!);
        var (cGiven, cClosed, bGiven) = ((DateTimeOffset)list[0]["givenAt"]!, (DateTimeOffset)list[0]["closedAt"]!, (DateTimeOffset)list[1]["givenAt"]!);
        Assert.True(cGiven <= cClosed && cClosed <= bGiven, $"civil society {cGiven:O}-{cClosed:O}, then Brazil from {bGiven:O}");
        Assert.Null((string?)list[2]["givenAt"]);

        var actions = await anyone.RecordActionsAsync("meeting", meeting);
        Assert.Equal(["meeting.floor-requested", "meeting.floor-requested", "meeting.floor-requested", "meeting.speakers-ordered",
            "meeting.floor-given", "meeting.floor-closed", "meeting.floor-given", "meeting.floor-closed"], actions.Where(a => a.Contains("floor") || a.Contains("speakers")));

        // The page shows the same, without JavaScript.
        var page = await anyone.GetPageAsync($"/meetings/{meeting}/speakers");
        var rows = page.QuerySelectorAll("#item-2 + table tbody tr").Select(r => r.QuerySelector("th")!.TextContent).ToList();
        Assert.Equal([civil.DisplayName, brazil.DisplayName + " (BRA)", business.DisplayName], rows);
    }
}
