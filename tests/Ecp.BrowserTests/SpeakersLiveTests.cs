using Ecp.BrowserTests.Infrastructure;
using Ecp.Common;
using Ecp.Features.Bodies;
using Ecp.Features.Meetings;
using Ecp.Features.Registry;
using static Microsoft.Playwright.Assertions;

namespace Ecp.BrowserTests;

/// <summary>The speakers list is live where JavaScript is on: a reader with the page open sees a new
/// request for the floor, then the Chair giving it, without reloading; the page stays accessible.</summary>
public sealed class SpeakersLiveTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SpeakersList_OpenInTheBrowser_ShowsANewRequestAndTheFloorGiven_WithoutReloading()
    {
        var body = await app.Server.RunAsync<EstablishBody, Body>(u => u.HandleAsync(Actor.Of(app.Secretariat), new()
        {
            Name = BrowserFixture.UniqueName("Council Working Group on Internet"),
            Acronym = "CWG",
            MandateReference = Drafting.Mandate,
            MembershipRule = "all-member-states",
            ObserverRule = "Open consultation meeting with all stakeholders.",
            SeatsPerNonGovernmentGroup = 5,
        }));
        var meeting = await app.Server.RunAsync<ScheduleMeeting, Meeting>(u => u.HandleAsync(Actor.Of(app.Secretariat), new ScheduleMeeting.Command
        {
            BodyId = body.Id,
            Title = "Open consultation meeting",
            StartsAt = DateTimeOffset.UtcNow.AddHours(-1),
            EndsAt = DateTimeOffset.UtcNow.AddHours(5),
            TimeZone = "Europe/Zurich",
            Place = "ITU headquarters, Geneva",
            Kind = "open-to-all-stakeholders",
            Agenda = [new AgendaItemRequest { Title = "Views on the questionnaire" }],
        }));
        var email = BrowserFixture.UniqueEmail("speaker");
        var name = BrowserFixture.UniqueName("Speaker");
        var person = await app.SignedUpAsync(name, email);
        await app.ApproveAsync(await app.Server.RunAsync<RequestAccreditation, Accreditation>(u => u.HandleAsync(Actor.Of(person),
            new RequestAccreditation.Command { Kind = "stakeholder", StakeholderGroup = "civil-society", Motivation = "We take the floor." })));
        var speaker = await app.PersonAsync(person.Id);
        await app.Server.RunAsync<RegisterForMeeting, MeetingRegistration>(u => u.HandleAsync(Actor.Of(speaker), meeting.Id, new RegisterForMeeting.Command { Capacity = "member" }));

        var a11y = new AccessibilityLog();
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/meetings/{meeting.Id}/speakers");
        await a11y.CheckAsync(page);
        var row = page.Locator("#speakers-live tbody tr", new() { HasText = name });
        await Expect(row).ToHaveCountAsync(0);

        var request = await app.Server.RunAsync<RequestFloor, FloorRequest>(u => u.HandleAsync(Actor.Of(speaker), meeting.Id, new RequestFloor.Command { AgendaItem = 1 }));
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await app.Server.RunAsync<GiveFloor, FloorRequest>(u => u.HandleAsync(Actor.Of(app.Secretariat), meeting.Id, request.Id));
        await Expect(row.Locator("time")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await a11y.CheckAsync(page);
        a11y.AssertNoViolations();
    }
}
