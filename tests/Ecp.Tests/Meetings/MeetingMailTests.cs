using System.Net;
using System.Net.Http.Json;
using Ecp.Features.Meetings;
using Ecp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Ecp.Tests.Meetings.Scheduling;
using static Ecp.Tests.Notifications.NotificationsHarness;

namespace Ecp.Tests.Meetings;

/// <summary>The meetings' mail, as a projection of the record into the outbox, on an app of its
/// own whose background loops are off (the test runs the pass).</summary>
public sealed class MeetingMailTests
{
    private static object ChangeRequest(Guid body, string startsAt) => MeetingsApiTests.ChangeRequest(body, startsAt: startsAt);

    [Fact]
    public async Task Mail_ConfirmedMovedUpAndChanged_QueuedInEachPersonsLanguage()
    {
        // A closed port: nothing is sent, the outbox is what the test reads.
        await using var app = await AppAsync(new FakeTimeProvider(Start), smtpPort: 9);
        var scheduling = new Scheduling(app);
        var body = await scheduling.BodyAsync(1, "BRA");
        var meeting = (string)(await scheduling.MeetingAsync(body))["id"]!;
        var (seated, waiting) = (await app.People.StakeholderAsync(), await app.People.StakeholderAsync());
        await (await waiting.Api.PutAsJsonAsync("/api/v1/me/language", new { language = "fr" })).ExpectAsync(HttpStatusCode.OK);
        var view = await (await RegisterAsync(seated, meeting, "observer")).ExpectAsync(HttpStatusCode.OK);
        view = await (await RegisterAsync(waiting, meeting, "observer")).ExpectAsync(HttpStatusCode.OK);
        var chair = await app.Drafting.ChairAsync();
        await (await chair.Api.PostAsync($"/api/v1/meetings/{meeting}/registrations/{Of(view, seated)["id"]}/confirm", null)).ExpectAsync(HttpStatusCode.OK);
        await (await seated.Api.PostAsync($"/api/v1/meetings/{meeting}/registrations/{Of(view, seated)["id"]}/withdraw", null)).ExpectAsync(HttpStatusCode.OK);
        await (await chair.Api.PostJsonAsync($"/api/v1/meetings/{meeting}/changes", ChangeRequest(body, "2026-06-05T09:00:00Z"))).ExpectAsync(HttpStatusCode.OK);

        var projection = app.Services.GetRequiredService<MeetingNotifications>();
        Assert.True(await projection.ProjectAsync() >= 3);
        Assert.Equal(0, await projection.ProjectAsync());

        var toSeated = await app.OutboxAsync(seated.Id);
        Assert.Equal(["Registration confirmed: First meeting of the Working Group"], toSeated.Select(m => m.Subject)); // withdrawn: no change notice
        var toWaiting = await app.OutboxAsync(waiting.Id);
        // Queued in one pass at one instant: the kinds tell them apart, not their order.
        Assert.Equal(["Réunion modifiée : First meeting of the Working Group", "Vous avez un siège : First meeting of the Working Group"], toWaiting.Select(m => m.Subject).Order());
        var changed = toWaiting.Single(m => m.Kind == MeetingNotifications.ChangedKind);
        Assert.Contains($"https://ecp.test/api/v1/meetings/{meeting}.ics", changed.Body);
        Assert.Contains("2026-06-05 11:00 (Europe/Zurich)", changed.Body);
        Assert.Contains("2026-06-05 09:00 UTC", changed.Body);
    }

}
