using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Ecp.Features.Meetings;
using Ecp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Ecp.Tests.Meetings.Scheduling;

namespace Ecp.Tests.Meetings;

/// <summary>Meetings over the API: scheduled, changed and cancelled on the record; who may sit as
/// member or observer under the body's rules; the first-come waiting list; the calendar as an
/// independent parser reads it.</summary>
public sealed class MeetingsApiTests(EcpFactory app) : IClassFixture<EcpFactory>
{
    private readonly Scheduling scheduling = new(app);

    [Fact]
    public async Task Schedule_ShowsTimesInZoneAndUtc_AgendaInOrderWithLinks_OnTheRecord()
    {
        var body = await scheduling.BodyAsync(5, "BRA", "FRA");
        var document = Drafting.Id(await app.Drafting.DocumentAsync(body, [Drafting.Operative("invites Member States to share experience.")]));
        var chair = await app.Drafting.ChairAsync();

        var meeting = await (await chair.Api.PostJsonAsync("/api/v1/meetings", Request(body, agenda:
            [new { title = "Adoption of the agenda" }, new { title = "Draft recommendations", documentId = document }]))).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(("2026-06-05 10:00", "2026-06-05 18:00", "+02:00"), ((string)meeting["localStart"]!, (string)meeting["localEnd"]!, (string)meeting["utcOffset"]!));
        Assert.Equal(DateTimeOffset.Parse("2026-06-05T08:00:00Z"), (DateTimeOffset)meeting["startsAt"]!);
        Assert.Equal(("member-states-only", 5, 0, "scheduled"), ((string)meeting["kind"]!, (int)meeting["seatsPerGroup"]!, (int)meeting["sequence"]!, (string)meeting["status"]!));
        var agenda = meeting["agenda"]!.AsArray();
        Assert.Equal([1, 2], agenda.Select(a => (int)a!["number"]!));
        Assert.Equal(($"/documents/{document}", "document"), ((string)agenda[1]!["href"]!, (string)agenda[1]!["link"]!));
        Assert.Equal(["meeting.scheduled"], await app.CreatePublicClient().RecordActionsAsync("meeting", meeting["id"]!));
        var listed = await app.CreatePublicClient().GetJsonAsync($"/api/v1/meetings?body={body}");
        Assert.Equal((string)meeting["id"]!, (string)Assert.Single(listed.AsArray())!["id"]!);
    }

    [Fact]
    public async Task Schedule_BadZoneEndBeforeStartUnknownLink_400AndNothingRecorded()
    {
        var body = await scheduling.BodyAsync(5);
        var chair = await app.Drafting.ChairAsync();
        var head = await app.CreatePublicClient().RecordHeadAsync();
        var problem = await (await chair.Api.PostJsonAsync("/api/v1/meetings", new
        {
            bodyId = body, title = "Nowhere", startsAt = "2026-06-05T08:00:00Z", endsAt = "2026-06-05T07:00:00Z", timeZone = "Mars/Olympus",
            place = "Geneva", kind = "member-states-only",
        })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["EndsAt", "TimeZone"], problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        var link = await (await chair.Api.PostJsonAsync("/api/v1/meetings", Request(body, agenda: [new { title = "Ghost", decisionId = Guid.NewGuid() }])))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Agenda", link["errors"]!.AsObject().Select(e => e.Key), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(head, await app.CreatePublicClient().RecordHeadAsync());
    }

    [Fact]
    public async Task Register_StakeholderAsMemberOfMemberStatesOnlySession_RefusedLocalized_AsObserverSeated()
    {
        var body = await scheduling.BodyAsync(5, "BRA");
        var meeting = (string)(await scheduling.MeetingAsync(body))["id"]!;
        var stakeholder = await app.People.StakeholderAsync();
        var head = await app.CreatePublicClient().RecordHeadAsync();

        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/meetings/{meeting}/registrations") { Content = System.Net.Http.Json.JsonContent.Create(new { capacity = "member" }) };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("fr"));
        var refused = await (await stakeholder.Api.SendAsync(request)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("observateur", (string)refused["detail"]!);
        Assert.Equal(head, await app.CreatePublicClient().RecordHeadAsync());

        var seated = await (await RegisterAsync(stakeholder, meeting, "observer")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("observer", "civil-society", "seated"), ((string)Of(seated, stakeholder)["capacity"]!, (string)Of(seated, stakeholder)["group"]!, (string)Of(seated, stakeholder)["status"]!));

        // A delegate of a member sits as member; one of a State that is not a member of the body does not.
        var member = await app.People.DelegateAsync("BRA");
        Assert.Equal("seated", (string)Of(await (await RegisterAsync(member, meeting, "member")).ExpectAsync(HttpStatusCode.OK), member)["status"]!);
        var outsider = await app.People.DelegateAsync("FRA");
        await (await RegisterAsync(outsider, meeting, "member")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await RegisterAsync(stakeholder, meeting, "observer")).ExpectProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Register_BodyGivesNoObserverSeats_StakeholderRefused_OpenMeetingSeatsThemAsMember()
    {
        var body = await scheduling.BodyAsync(0, "BRA");
        var closed = (string)(await scheduling.MeetingAsync(body))["id"]!;
        var open = (string)(await scheduling.MeetingAsync(body, kind: "open-to-all-stakeholders"))["id"]!;
        var stakeholder = await app.People.StakeholderAsync();

        var refused = await (await RegisterAsync(stakeholder, closed, "observer")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("no observer seats", (string)refused["detail"]!);
        Assert.Equal("seated", (string)Of(await (await RegisterAsync(stakeholder, open, "member")).ExpectAsync(HttpStatusCode.OK), stakeholder)["status"]!);
        await (await RegisterAsync(await app.People.RegisteredAsync(), open, "observer")).ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CapFull_WaitingListInRequestOrder_WithdrawalMovesTheFirstUp_AllOnTheRecord()
    {
        var body = await scheduling.BodyAsync(5, "BRA");
        var meeting = (string)(await scheduling.MeetingAsync(body, seatsPerGroup: 1))["id"]!;
        var (first, second, third) = (await app.People.StakeholderAsync(), await app.People.StakeholderAsync(), await app.People.StakeholderAsync());
        var business = await app.People.StakeholderAsync(group: "private-sector");

        await (await RegisterAsync(first, meeting, "observer")).ExpectAsync(HttpStatusCode.OK);
        await (await RegisterAsync(second, meeting, "observer")).ExpectAsync(HttpStatusCode.OK);
        await (await RegisterAsync(third, meeting, "observer")).ExpectAsync(HttpStatusCode.OK);
        var view = await (await RegisterAsync(business, meeting, "observer")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(("seated", null), ((string)Of(view, first)["status"]!, (int?)Of(view, first)["waitingPosition"]));
        Assert.Equal(("waiting", 1), ((string)Of(view, second)["status"]!, (int?)Of(view, second)["waitingPosition"]));
        Assert.Equal(("waiting", 2), ((string)Of(view, third)["status"]!, (int?)Of(view, third)["waitingPosition"]));
        Assert.Equal("seated", (string)Of(view, business)["status"]!); // another group, its own seat

        // Even the secretariat's confirmation does not let anyone jump the queue: it needs a seat.
        var chair = await app.Drafting.ChairAsync();
        await (await chair.Api.PostAsync($"/api/v1/meetings/{meeting}/registrations/{Of(view, second)["id"]}/confirm", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await second.Api.PostAsync($"/api/v1/meetings/{meeting}/registrations/{Of(view, first)["id"]}/withdraw", null)).ExpectProblemAsync(HttpStatusCode.Forbidden);

        var after = await (await first.Api.PostAsync($"/api/v1/meetings/{meeting}/registrations/{Of(view, first)["id"]}/withdraw", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("seated", (string)Of(after, second)["status"]!);
        Assert.Equal(("waiting", 1), ((string)Of(after, third)["status"]!, (int?)Of(after, third)["waitingPosition"]));
        var confirmed = await (await chair.Api.PostAsync($"/api/v1/meetings/{meeting}/registrations/{Of(after, second)["id"]}/confirm", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("confirmed", (string)Of(confirmed, second)["status"]!);

        Assert.Equal(["meeting.scheduled", "meeting.registration-requested", "meeting.registration-requested", "meeting.registration-requested",
                "meeting.registration-requested", "meeting.registration-withdrawn", "meeting.moved-up", "meeting.registration-confirmed"],
            await app.CreatePublicClient().RecordActionsAsync("meeting", meeting));
        var requested = (await app.CreatePublicClient().RecordEntriesAsync("meeting", meeting)).Select(e => e!)
            .Where(e => (string)e["action"]! == "meeting.registration-requested").Reverse().ToList();
        Assert.Equal([null, 1, 2, null], requested.Select(e => (int?)e["payload"]!["waitingPosition"]));
    }

    [Fact]
    public async Task RaisingTheCap_SeatsTheFirstWhoWait_InOrder()
    {
        var body = await scheduling.BodyAsync(1, "BRA");
        var meetingNode = await scheduling.MeetingAsync(body);
        var meeting = (string)meetingNode["id"]!;
        var people = new List<TestPerson>();
        for (var i = 0; i < 4; i++)
        {
            people.Add(await app.People.StakeholderAsync());
            await (await RegisterAsync(people[^1], meeting, "observer")).ExpectAsync(HttpStatusCode.OK);
        }
        var chair = await app.Drafting.ChairAsync();
        var changed = await (await chair.Api.PostJsonAsync($"/api/v1/meetings/{meeting}/changes", ChangeRequest(body, seatsPerGroup: 3))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["seated", "seated", "seated", "waiting"], people.Select(p => (string)Of(changed, p)["status"]!));
        Assert.Equal(1, (int)changed["sequence"]!);
    }

    [Fact]
    public async Task Calendar_ParsedByIcalJs_UpdateKeepsUidWithHigherSequence_CancelledMarked()
    {
        var body = await scheduling.BodyAsync(5, "BRA");
        var meeting = (string)(await scheduling.MeetingAsync(body))["id"]!;
        var chair = await app.Drafting.ChairAsync();
        var anyone = app.CreatePublicClient();

        var first = await anyone.GetAsync($"/api/v1/meetings/{meeting}.ics");
        Assert.Equal("text/calendar", first.Content.Headers.ContentType?.MediaType);
        var before = await ParseIcsAsync(await first.Content.ReadAsStringAsync());
        var e1 = Assert.Single(before["events"]!.AsArray())!;
        Assert.Equal(("2.0", "2026-06-05T08:00:00.000Z", "2026-06-05T16:00:00.000Z", 0), ((string)before["version"]!, (string)e1["start"]!, (string)e1["end"]!, (int)e1["sequence"]!));
        Assert.Equal("First meeting of the Working Group", (string)e1["summary"]!);
        Assert.Contains("Palais des Nations", (string)e1["location"]!);

        await (await chair.Api.PostJsonAsync($"/api/v1/meetings/{meeting}/changes", ChangeRequest(body, startsAt: "2026-06-05T09:00:00Z"))).ExpectAsync(HttpStatusCode.OK);
        var e2 = Assert.Single((await ParseIcsAsync(await anyone.GetStringAsync($"/api/v1/meetings/{meeting}.ics")))["events"]!.AsArray())!;
        Assert.Equal((string)e1["uid"]!, (string)e2["uid"]!);
        Assert.True((int)e2["sequence"]! > (int)e1["sequence"]!);
        Assert.Equal("2026-06-05T09:00:00.000Z", (string)e2["start"]!);

        await (await chair.Api.PostJsonAsync($"/api/v1/meetings/{meeting}/cancel", new { reason = "The room is not available." })).ExpectAsync(HttpStatusCode.OK);
        var feed = await ParseIcsAsync(await anyone.GetStringAsync($"/api/v1/bodies/{body}/meetings.ics"));
        var e3 = Assert.Single(feed["events"]!.AsArray())!;
        Assert.Equal(((string)e1["uid"]!, "CANCELLED"), ((string)e3["uid"]!, (string)e3["status"]!));
        Assert.True((int)e3["sequence"]! > (int)e2["sequence"]!);
        Assert.Equal(["meeting.scheduled", "meeting.changed", "meeting.cancelled"], await anyone.RecordActionsAsync("meeting", meeting));
        await (await chair.Api.PostJsonAsync($"/api/v1/meetings/{meeting}/changes", ChangeRequest(body))).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/api/v1/meetings/{Guid.NewGuid()}.ics")).StatusCode);
    }

    internal static object ChangeRequest(Guid body, int? seatsPerGroup = null, string startsAt = "2026-06-05T08:00:00Z") => new
    {
        title = "First meeting of the Working Group",
        startsAt,
        endsAt = "2026-06-05T16:00:00Z",
        timeZone = "Europe/Zurich",
        place = "Palais des Nations, Room XXIV, Geneva",
        kind = "member-states-only",
        seatsPerGroup,
        agenda = new[] { new { title = "Adoption of the agenda" } },
        reason = $"Changed for body {body:N}.",
    };
}
