using System.Globalization;
using Ecp.BrowserTests.Infrastructure;
using Ecp.Common;
using Ecp.Features.Bodies;
using Ecp.Features.Meetings;
using Ecp.Features.Registry;
using Ecp.Tests.Notifications;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ecp.BrowserTests;

/// <summary>The browser fixture with a real SMTP server and the mail loops polling every second.</summary>
public sealed class MeetingFixture : BrowserFixture
{
    public SmtpSink Sink { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Sink = await SmtpSink.ForTestAsync();
        Server.Settings["Ecp:Notifications:PollSeconds"] = "1";
        Server.Settings["Ecp:Notifications:RetrySeconds"] = "1";
        Server.Settings["Ecp:Notifications:SiteUrl"] = "https://ecp.test";
        Server.Settings["Ecp:Smtp:Host"] = "127.0.0.1";
        Server.Settings["Ecp:Smtp:Port"] = Sink.Port.ToString(CultureInfo.InvariantCulture);
        Server.Settings["Ecp:Smtp:From"] = "ECP <no-reply@ecp.test>";
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Sink.DisposeAsync();
    }
}

/// <summary>
/// Issue 16's acceptance in a real browser: a civil-society stakeholder asks for a seat at a
/// Member-States-only session whose one observer seat for civil society is taken, lands on the
/// public waiting list with their position shown, takes the seat when the first withdraws, and
/// receives the e-mail through the outbox and a real SMTP server. axe-core clean in English and Arabic.
/// </summary>
public sealed class MeetingJourneyTests(MeetingFixture app) : IClassFixture<MeetingFixture>
{
    [Fact]
    public async Task CivilSociety_CapFull_WaitsWithPosition_MovedUpWhenAnotherWithdraws_AndIsMailed()
    {
        var body = await app.Server.RunAsync<EstablishBody, Body>(u => u.HandleAsync(Actor.Of(app.Secretariat), new()
        {
            Name = BrowserFixture.UniqueName("Working Group on Enhanced Cooperation"),
            Acronym = "WGEC",
            MandateReference = Drafting.Mandate,
            MembershipRule = "listed-member-states",
            Members = ["BRA", "KEN"],
            ObserverRule = "Limited to Member States, with one seat for each non-government stakeholder group.",
            SeatsPerNonGovernmentGroup = 1,
        }));
        var meeting = await app.Server.RunAsync<ScheduleMeeting, Meeting>(u => u.HandleAsync(Actor.Of(app.Secretariat), new ScheduleMeeting.Command
        {
            BodyId = body.Id,
            Title = "First meeting of the Working Group",
            StartsAt = DateTimeOffset.UtcNow.AddDays(30),
            EndsAt = DateTimeOffset.UtcNow.AddDays(30).AddHours(6),
            TimeZone = "Europe/Zurich",
            Place = "Palais des Nations, Geneva",
            Kind = "member-states-only",
            Agenda = [new AgendaItemRequest { Title = "Adoption of the agenda" }],
        }));
        var first = await StakeholderAsync("Civil society, first");
        var seat = await app.Server.RunAsync<RegisterForMeeting, MeetingRegistration>(u => u.HandleAsync(Actor.Of(first.Person), meeting.Id, new RegisterForMeeting.Command { Capacity = "observer" }));
        var me = await StakeholderAsync("Civil society, second");

        var a11y = new AccessibilityLog();
        await using var context = await app.NewContextAsync(storageState: await app.LoggedInStateAsync(me.Email, BrowserFixture.Password));
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/meetings/{meeting.Id}");
        await Expect(page.Locator("#Register_Capacity")).ToHaveValueAsync("observer");
        await a11y.CheckAsync(page);
        await page.Locator("main form[action*='handler=Register'] button[type=submit]").ClickAsync();

        await Expect(page).ToHaveURLAsync(Site.PathIs($"/meetings/{meeting.Id}"));
        await Expect(page.Locator("main .notice[role=status]")).ToBeVisibleAsync();
        await Expect(page.Locator("#my-registration")).ToContainTextAsync("You are number 1 on the waiting list");
        var row = page.Locator("#waiting-list ~ table tbody tr", new() { HasText = me.Person.DisplayName });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("1");
        await a11y.CheckAsync(page);

        // The same page in Arabic reads right to left, and stays accessible.
        await page.GotoAsync($"/meetings/{meeting.Id}?culture=ar");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await a11y.CheckAsync(page);
        await page.GotoAsync($"/meetings/{meeting.Id}?culture=en");

        await app.Server.RunAsync<WithdrawRegistration, MeetingRegistration>(u => u.HandleAsync(Actor.Of(first.Person), meeting.Id, seat.Id));
        await page.ReloadAsync();
        await Expect(page.Locator("#my-registration")).ToContainTextAsync("You have a seat");
        await Expect(page.Locator("main")).ToContainTextAsync("No one is waiting.");
        await a11y.CheckAsync(page);

        var mail = await MailAsync(me.Email);
        Assert.Equal("You have a seat: First meeting of the Working Group", mail.Subject);
        Assert.Contains($"https://ecp.test/meetings/{meeting.Id}", mail.TextBody);
        Assert.Contains($"https://ecp.test/api/v1/meetings/{meeting.Id}.ics", mail.TextBody);
        a11y.AssertNoViolations();
    }

    private async Task<Participant> StakeholderAsync(string name)
    {
        var email = BrowserFixture.UniqueEmail("stakeholder");
        var person = await app.SignedUpAsync(BrowserFixture.UniqueName(name), email);
        await app.ApproveAsync(await app.Server.RunAsync<RequestAccreditation, Accreditation>(u => u.HandleAsync(Actor.Of(person),
            new RequestAccreditation.Command { Kind = "stakeholder", StakeholderGroup = "civil-society", Motivation = "We follow enhanced cooperation." })));
        return new Participant(await app.PersonAsync(person.Id), email);
    }

    /// <summary>The mail to <paramref name="address"/>, once the background projection and sender
    /// (polling every second) have delivered it; a minute at most.</summary>
    private async Task<MimeKit.MimeMessage> MailAsync(string address)
    {
        for (var i = 0; i < 120; i++)
        {
            if (app.Sink.MessagesTo(address) is [var message, ..]) return message;
            await Task.Delay(500);
        }
        throw new Xunit.Sdk.XunitException($"No mail to {address} within a minute.");
    }
}
