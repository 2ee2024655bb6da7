using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Ecp.Common;
using Ecp.Features.Notifications;
using Ecp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using static Ecp.Tests.Notifications.NotificationsHarness;

namespace Ecp.Tests.Notifications;

/// <summary>
/// Follows, notices by e-mail through a real SMTP server, reminders before a close, and the Atom
/// feed. Each test owns its app, database and fake clock, and runs the background passes itself.
/// </summary>
public sealed class NotificationTests
{
    private readonly FakeTimeProvider clock = new(Start);

    [Fact]
    public async Task Follower_OfConsultation_ReceivesTheOpeningNotice()
    {
        await using var sink = await SmtpSink.ForTestAsync();
        await using var app = await AppAsync(clock, sink.Port);
        var secretariat = await app.People.SecretariatAsync();
        var topic = Topic("Multilingualism online");
        var consultation = await DraftAsync(secretariat, await BodyAsync(secretariat), topic, clock, TimeSpan.FromDays(30));
        var follower = await app.People.StakeholderAsync();
        var bystander = await app.People.StakeholderAsync();
        await FollowAsync(follower, new { consultationId = consultation });

        await OpenAsync(secretariat, consultation);
        Assert.Equal(1, await app.NotifyAsync());

        var mail = Assert.Single(sink.MessagesTo(follower.Email));
        Assert.Contains(topic, mail.Subject);
        Assert.Contains(topic, mail.TextBody);
        Assert.Contains($"https://ecp.test/consultations/{consultation}", mail.TextBody);
        Assert.Contains("2026-03-31 09:00 UTC", mail.TextBody); // the close, in UTC
        Assert.Equal("no-reply@ecp.test", mail.From.Mailboxes.Single().Address);
        Assert.Empty(sink.MessagesTo(bystander.Email));
        Assert.NotNull(Assert.Single(await app.OutboxAsync(follower.Id)).SentAt);
    }

    [Fact]
    public async Task Followers_InTheirChosenLanguages_EachReceiveTheNoticeInTheirOwn()
    {
        await using var sink = await SmtpSink.ForTestAsync();
        await using var app = await AppAsync(clock, sink.Port);
        var secretariat = await app.People.SecretariatAsync();
        var topic = Topic("Langues en ligne");
        var consultation = await DraftAsync(secretariat, await BodyAsync(secretariat), topic, clock, TimeSpan.FromDays(30));
        var inFrench = await app.People.StakeholderAsync();
        var inEnglish = await app.People.StakeholderAsync();
        var chosen = await (await inFrench.Api.PutAsJsonAsync("/api/v1/me/language", new { language = "fr" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("fr", (string?)chosen["language"]);
        var refused = await (await inEnglish.Api.PutAsJsonAsync("/api/v1/me/language", new { language = "de" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(refused["errors"]);
        Assert.Equal("en", (string?)(await inEnglish.Api.GetJsonAsync("/api/v1/me/language"))["language"]);
        await FollowAsync(inFrench, new { consultationId = consultation });
        await FollowAsync(inEnglish, new { consultationId = consultation });

        await OpenAsync(secretariat, consultation);
        Assert.Equal(2, await app.NotifyAsync());

        Assert.StartsWith("Consultation ouverte", Assert.Single(sink.MessagesTo(inFrench.Email)).Subject);
        Assert.StartsWith("Consultation open", Assert.Single(sink.MessagesTo(inEnglish.Email)).Subject);
    }

    [Fact]
    public async Task Background_WhenEnabled_SendsTheNoticeOnItsOwn()
    {
        await using var sink = await SmtpSink.ForTestAsync();
        await using var app = await AppAsync(clock, sink.Port, background: true);
        var secretariat = await app.People.SecretariatAsync();
        var topic = Topic("In the background");
        var consultation = await DraftAsync(secretariat, await BodyAsync(secretariat), topic, clock, TimeSpan.FromDays(30));
        var follower = await app.People.StakeholderAsync();
        await FollowAsync(follower, new { consultationId = consultation });
        await OpenAsync(secretariat, consultation);

        // The request has answered; the hosted services, on their timers, do the rest.
        for (var i = 0; i < 100 && sink.MessagesTo(follower.Email).Count == 0; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(100);
        }
        Assert.Contains(topic, Assert.Single(sink.MessagesTo(follower.Email)).Subject);
    }

    [Fact]
    public async Task Follower_OfBody_ReceivesTheExtensionNotice()
    {
        await using var sink = await SmtpSink.ForTestAsync();
        await using var app = await AppAsync(clock, sink.Port);
        var secretariat = await app.People.SecretariatAsync();
        var body = await BodyAsync(secretariat);
        var follower = await app.People.RegisteredAsync();
        await FollowAsync(follower, new { bodyId = body });
        var topic = Topic("Capacity building");
        var consultation = await DraftAsync(secretariat, body, topic, clock, TimeSpan.FromDays(10));
        await OpenAsync(secretariat, consultation);

        await (await secretariat.Api.PostJsonAsync($"/api/v1/consultations/{consultation}/extensions",
            new { closesAt = Start.AddDays(20), reason = "Requests from several regional groups." })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, await app.NotifyAsync());

        var mails = sink.MessagesTo(follower.Email);
        Assert.Equal(2, mails.Count);
        var extension = Assert.Single(mails, m => (m.Subject ?? "").Contains("extended", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(topic, extension.Subject);
        Assert.Contains("Requests from several regional groups.", extension.TextBody);
        Assert.Contains("2026-03-21 09:00 UTC", extension.TextBody);
        Assert.Contains("2026-03-11 09:00 UTC", extension.TextBody);
        Assert.Contains("because you follow", extension.TextBody); // says why: the body
    }

    [Fact]
    public async Task Reminders_AreQueuedOncePerThreshold()
    {
        await using var sink = await SmtpSink.ForTestAsync();
        await using var app = await AppAsync(clock, sink.Port);
        var secretariat = await app.People.SecretariatAsync();
        var topic = Topic("Internet governance");
        var consultation = await DraftAsync(secretariat, await BodyAsync(secretariat), topic, clock, TimeSpan.FromDays(10));
        var follower = await app.People.DelegateAsync();
        await FollowAsync(follower, new { consultationId = consultation });
        await OpenAsync(secretariat, consultation);
        await app.ProjectAsync();
        Assert.Equal(0, await app.RemindAsync()); // ten days before: no threshold reached

        clock.Advance(TimeSpan.FromDays(3.5)); // 6.5 days left: the 7-day reminder
        Assert.Equal(1, await app.RemindAsync());
        Assert.Equal(0, await app.RemindAsync());
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await app.RemindAsync());

        clock.Advance(TimeSpan.FromDays(6)); // half a day left: the 1-day reminder
        Assert.Equal(1, await app.RemindAsync());
        Assert.Equal(0, await app.RemindAsync());

        var reminders = (await app.OutboxAsync(follower.Id)).Where(m => m.Kind == ConsultationNotifications.ReminderKind).ToList();
        Assert.Equal(2, reminders.Count);
        Assert.Contains(reminders, r => r.IdempotencyKey.Contains(":7d:"));
        Assert.Contains(reminders, r => r.IdempotencyKey.Contains(":1d:"));
        await app.SendAsync();
        Assert.Equal(2, sink.MessagesTo(follower.Email).Count(m => (m.Subject ?? "").StartsWith("Closing soon") && m.Subject!.Contains(topic)));

        clock.Advance(TimeSpan.FromDays(1)); // closed: no more reminders
        Assert.Equal(0, await app.RemindAsync());
    }

    [Fact]
    public async Task Projection_RunTwiceOrRestarted_RepeatsNothing()
    {
        await using var sink = await SmtpSink.ForTestAsync();
        await using var app = await AppAsync(clock, sink.Port);
        var secretariat = await app.People.SecretariatAsync();
        var consultation = await DraftAsync(secretariat, await BodyAsync(secretariat), Topic("Restarts"), clock, TimeSpan.FromDays(30));
        var follower = await app.People.StakeholderAsync();
        await FollowAsync(follower, new { consultationId = consultation });
        await OpenAsync(secretariat, consultation);

        Assert.Equal(1, await app.ProjectAsync());
        Assert.Equal(0, await app.ProjectAsync());

        // A restarted node (new process state, same database) once the first node's lease lapsed.
        clock.Advance(TimeSpan.FromMinutes(10));
        await using var restarted = SecondNode(app, clock, sink.Port);
        Assert.Equal(0, await restarted.ProjectAsync());
        await (await secretariat.Api.PostJsonAsync($"/api/v1/consultations/{consultation}/extensions",
            new { closesAt = Start.AddDays(40), reason = "More time." })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, await restarted.ProjectAsync());
        Assert.Equal(0, await restarted.ProjectAsync());

        Assert.Equal(2, await restarted.SendAsync());
        Assert.Equal(0, await app.SendAsync());
        Assert.Equal(2, sink.MessagesTo(follower.Email).Count);
        Assert.Equal(["consultation.opened", "consultation.extended"], (await app.OutboxAsync(follower.Id)).Select(m => m.Kind));
    }

    [Fact]
    public async Task Outbox_WhenSmtpIsDown_RetriesWithBackoffAndSendsWhenItIsBack()
    {
        var port = SmtpSink.FreePort(); // nothing listens there yet
        await using var app = await AppAsync(clock, port);
        var secretariat = await app.People.SecretariatAsync();
        var topic = Topic("Outage");
        var consultation = await DraftAsync(secretariat, await BodyAsync(secretariat), topic, clock, TimeSpan.FromDays(30));
        var follower = await app.People.StakeholderAsync();
        await FollowAsync(follower, new { consultationId = consultation });
        await OpenAsync(secretariat, consultation);
        await app.ProjectAsync();

        Assert.Equal(0, await app.SendAsync());
        var failed = Assert.Single(await app.OutboxAsync(follower.Id));
        Assert.Equal(1, failed.Attempts);
        Assert.Null(failed.SentAt);
        Assert.NotNull(failed.LastError);
        Assert.Equal(clock.GetUtcNow().AddSeconds(60), failed.NextAttemptAt);

        Assert.Equal(0, await app.SendAsync()); // not due yet: no attempt
        Assert.Equal(1, Assert.Single(await app.OutboxAsync(follower.Id)).Attempts);

        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(0, await app.SendAsync());
        var again = Assert.Single(await app.OutboxAsync(follower.Id));
        Assert.Equal(2, again.Attempts);
        Assert.Equal(clock.GetUtcNow().AddSeconds(120), again.NextAttemptAt); // twice as long

        await using var sink = await SmtpSink.StartAsync(port); // the server is back
        clock.Advance(TimeSpan.FromSeconds(121));
        Assert.Equal(1, await app.SendAsync());
        var sent = Assert.Single(await app.OutboxAsync(follower.Id));
        Assert.Equal(3, sent.Attempts);
        Assert.NotNull(sent.SentAt);
        Assert.Contains(topic, Assert.Single(sink.MessagesTo(follower.Email)).Subject);
    }

    [Fact]
    public void Outbox_AfterEightFailures_GivesUpKeepingTheLastError()
    {
        var message = OutboxMessage.Queue("consultation.opened", "k", Guid.NewGuid(), "a@b.example", "s", "b", Start);
        for (var i = 1; i <= OutboxMessage.MaxAttempts; i++)
        {
            Assert.False(message.GaveUp);
            message.MarkFailed($"refused {i}", Start, TimeSpan.FromMinutes(1));
            Assert.Equal(Start + TimeSpan.FromMinutes(Math.Pow(2, i - 1)), message.NextAttemptAt);
        }
        Assert.True(message.GaveUp);
        Assert.Equal("refused 8", message.LastError);
    }

    [Fact]
    public async Task Feed_ListsAnOpenedConsultation_AsAtom()
    {
        await using var app = await AppAsync(clock, SmtpSink.FreePort());
        var secretariat = await app.People.SecretariatAsync();
        var topic = Topic("Feeds");
        var consultation = await DraftAsync(secretariat, await BodyAsync(secretariat), topic, clock, TimeSpan.FromDays(2));
        await OpenAsync(secretariat, consultation);
        var opened = (await app.CreatePublicClient().RecordEntriesAsync("consultation", consultation))
            .Single(e => (string?)e!["action"] == "consultation.opened")!;

        var response = await app.CreatePublicClient().GetAsync("/feeds/consultations.atom");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(atom + "feed", feed.Name);
        Assert.NotEmpty((string?)feed.Element(atom + "id") ?? "");
        Assert.NotEmpty((string?)feed.Element(atom + "title") ?? "");
        Assert.NotNull(feed.Element(atom + "author")?.Element(atom + "name"));
        Assert.True(DateTimeOffset.TryParse((string?)feed.Element(atom + "updated"), out _));
        var entry = Assert.Single(feed.Elements(atom + "entry"));
        Assert.Equal($"urn:ecp:record:{(long)opened["seq"]!}", (string?)entry.Element(atom + "id"));
        Assert.Contains(topic, (string?)entry.Element(atom + "title"));
        Assert.EndsWith($"/consultations/{consultation}", (string?)entry.Element(atom + "link")?.Attribute("href"));
        Assert.Equal(Start, DateTimeOffset.Parse((string)entry.Element(atom + "updated")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEmpty((string?)entry.Element(atom + "summary") ?? "");

        // The clock closes it; the feed says so, newest first.
        clock.Advance(TimeSpan.FromDays(3));
        var later = XDocument.Parse(await app.CreatePublicClient().GetStringAsync("/feeds/consultations.atom")).Root!;
        var entries = later.Elements(atom + "entry").ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal($"urn:ecp:consultation:{consultation}:closed", (string?)entries[0].Element(atom + "id"));
    }

    [Fact]
    public async Task Unfollow_StopsNotices()
    {
        await using var sink = await SmtpSink.ForTestAsync();
        await using var app = await AppAsync(clock, sink.Port);
        var secretariat = await app.People.SecretariatAsync();
        var consultation = await DraftAsync(secretariat, await BodyAsync(secretariat), Topic("Unfollowed"), clock, TimeSpan.FromDays(30));
        var person = await app.People.StakeholderAsync();
        var follow = await FollowAsync(person, new { consultationId = consultation });

        await (await person.Api.DeleteAsync($"/api/v1/follows/{follow}")).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Empty((await person.Api.GetJsonAsync("/api/v1/follows")).AsArray());
        await OpenAsync(secretariat, consultation);
        await app.NotifyAsync();

        Assert.Empty(await app.OutboxAsync(person.Id));
        Assert.Empty(sink.MessagesTo(person.Email));
    }

    [Fact]
    public async Task FollowButton_OnPages_FollowsAndUnfollowsAndComesBack()
    {
        await using var app = await AppAsync(clock, SmtpSink.FreePort());
        var secretariat = await app.People.SecretariatAsync();
        var topic = Topic("Forms");
        var consultation = await DraftAsync(secretariat, await BodyAsync(secretariat), topic, clock, TimeSpan.FromDays(30));
        var person = await app.People.RegisteredAsync();
        var (browser, _) = await app.People.LogInAsync(person);

        var page = await browser.GetPageAsync("/follows");
        using var followed = await browser.PostAsync("/follows?handler=Follow", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [Html.AntiforgeryField] = page.AntiforgeryToken(),
            ["consultationId"] = consultation.ToString(),
            ["returnUrl"] = $"/consultations/{consultation}",
        }));
        Assert.Equal(HttpStatusCode.Redirect, followed.StatusCode);
        Assert.Equal($"/consultations/{consultation}", followed.Headers.Location?.OriginalString);

        var mine = await browser.GetPageAsync("/follows");
        Assert.Contains(topic, mine.QuerySelector("table")!.TextContent);
        using var unfollowed = await browser.SubmitFormAsync(mine, "/follows", new Dictionary<string, string>(), "form.follow-form");
        Assert.Equal(HttpStatusCode.Redirect, unfollowed.StatusCode);
        Assert.Equal("/follows", unfollowed.Headers.Location?.OriginalString);
        Assert.Null((await browser.GetPageAsync("/follows")).QuerySelector("table"));

        // Without a log-in the page sends the visitor to log in.
        using var anonymous = await app.CreatePublicClient().GetAsync("/follows");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/log-in", anonymous.Headers.Location?.PathAndQuery ?? anonymous.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(Role.Registered)]
    [InlineData(Role.Delegate)]
    [InlineData(Role.Stakeholder)]
    [InlineData(Role.Reporter)]
    [InlineData(Role.Secretariat)]
    public async Task FollowApi_NeedsAToken_AndServesEveryPerson(Role role)
    {
        await using var app = await AppAsync(clock, SmtpSink.FreePort());
        var secretariat = await app.People.SecretariatAsync();
        var body = await BodyAsync(secretariat);
        var consultation = await DraftAsync(secretariat, body, Topic("Roles"), clock, TimeSpan.FromDays(30));

        var anonymous = app.CreatePublicClient();
        await (await anonymous.PostJsonAsync("/api/v1/follows", new { bodyId = body })).ExpectAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync("/api/v1/follows")).ExpectAsync(HttpStatusCode.Unauthorized);

        var person = await app.People.InRoleAsync(role);
        var follow = await FollowAsync(person, new { bodyId = body });
        var again = await (await person.Api.PostJsonAsync("/api/v1/follows", new { bodyId = body })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(follow, Drafting.Id(again));
        await FollowAsync(person, new { consultationId = consultation });
        var mine = (await person.Api.GetJsonAsync("/api/v1/follows")).AsArray();
        Assert.Equal(2, mine.Count);
        Assert.Contains(mine, f => ((string?)f!["targetName"] ?? "").StartsWith("Roles ", StringComparison.Ordinal));

        var both = await (await person.Api.PostJsonAsync("/api/v1/follows", new { bodyId = body, consultationId = consultation })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(both["errors"]);
        await (await person.Api.PostJsonAsync("/api/v1/follows", new { consultationId = Guid.NewGuid() })).ExpectProblemAsync(HttpStatusCode.BadRequest);

        // Someone else's follow cannot be removed, nor told apart from one that does not exist.
        var other = await app.People.RegisteredAsync();
        await (await other.Api.DeleteAsync($"/api/v1/follows/{follow}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await person.Api.DeleteAsync($"/api/v1/follows/{follow}")).ExpectAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public void CliHost_RunsNoNotificationsInTheBackground()
    {
        var cli = Ecp.Features.Cli.CliHost.Build([]);
        Assert.DoesNotContain(cli.Services.GetServices<IHostedService>(), s => s is MailProjection or OutboxSender);
        Assert.NotNull(cli.Services.GetService<Ecp.Features.AnnualReports.ReportNotifications>());
        Assert.NotNull(cli.Services.GetService<OutboxSender>()); // still there to run on demand
    }
}
