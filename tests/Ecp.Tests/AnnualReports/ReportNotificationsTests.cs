using System.Net;
using System.Net.Http.Json;
using Ecp.Features.AnnualReports;
using Ecp.Features.Notifications;
using Ecp.Tests.Infrastructure;
using Ecp.Tests.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using static Ecp.Tests.Notifications.NotificationsHarness;

namespace Ecp.Tests.AnnualReports;

/// <summary>
/// The request, the reminders and the overdue notice of annual performance reports, through the
/// outbox and a real SMTP server, on a fake clock. Each test owns its app, database and clock, and
/// runs the passes itself (the background loops are off); the clock moves in as few jumps as the
/// thresholds need.
/// </summary>
public sealed class ReportNotificationsTests
{
    private readonly FakeTimeProvider clock = new(Start);

    [Fact]
    public async Task Request_WhenACycleOpens_GoesToEachReporterInTheirLanguage()
    {
        await using var sink = await SmtpSink.ForTestAsync();
        await using var app = await AppAsync(clock, sink.Port);
        var reporting = new Reporting(app, clock);
        var (first, second) = (await OrganizationAsync(app, "Internet Society"), await OrganizationAsync(app, "Union"));
        var inEnglish = await app.People.ReporterAsync(first.Id);
        var inFrench = await app.People.ReporterAsync(first.Id);
        await (await inFrench.Api.PutAsJsonAsync("/api/v1/me/language", new { language = "fr" })).ExpectAsync(HttpStatusCode.OK);
        var ofSecond = await app.People.ReporterAsync(second.Id);
        var bystander = await app.People.StakeholderAsync(first.Id);
        // A past year's cycle (as the demo's are) replayed by the projection mails no one.
        await reporting.CycleAsync(-TimeSpan.FromDays(1), first.Id);

        var year = await reporting.CycleAsync(TimeSpan.FromDays(30), first.Id, second.Id);
        Assert.Equal(3, await ProjectAsync(app));
        Assert.Equal(0, await ProjectAsync(app));
        Assert.Equal(3, await app.SendAsync());

        var english = Assert.Single(sink.MessagesTo(inEnglish.Email));
        Assert.Equal($"Annual performance report {year} requested: {first.Name}", english.Subject);
        Assert.Contains("2026-03-31 09:00 UTC", english.TextBody); // the deadline, in UTC
        Assert.Contains($"https://ecp.test/reports/{year}/my-report", english.TextBody);
        Assert.Contains($"POST https://ecp.test/api/v1/reporting-cycles/{year}/reports", english.TextBody);
        var french = Assert.Single(sink.MessagesTo(inFrench.Email));
        Assert.Equal($"Rapport annuel de performance {year} demandé : {first.Name}", french.Subject);
        Assert.Contains("2026-03-31 09:00 UTC", french.TextBody);
        Assert.Contains(second.Name, Assert.Single(sink.MessagesTo(ofSecond.Email)).Subject);
        Assert.Empty(sink.MessagesTo(bystander.Email)); // of the organization, but not its reporter
    }

    [Fact]
    public async Task Reminders_At14And3Days_GoOutOnceEach_AlsoAcrossARestart()
    {
        await using var sink = await SmtpSink.ForTestAsync();
        await using var app = await AppAsync(clock, sink.Port);
        var reporting = new Reporting(app, clock);
        var (organization, reporter) = await reporting.ReporterAsync();
        await reporting.CycleAsync(TimeSpan.FromDays(20), organization);
        Assert.Equal(1, await RunOnceAsync(app)); // the request; twenty days before, no reminder

        clock.Advance(TimeSpan.FromDays(6.5)); // 13.5 days left
        Assert.Equal(1, await RemindAsync(app));
        Assert.Equal(0, await RemindAsync(app));
        // The app restarts: the new process finds the reminder queued and queues none again.
        await using var restarted = SecondNode(app, clock, sink.Port);
        Assert.Equal(0, await RunOnceAsync(restarted));

        clock.Advance(TimeSpan.FromDays(10.75)); // 2.75 days left
        Assert.Equal(1, await RemindAsync(restarted));
        Assert.Equal(0, await RemindAsync(restarted));
        Assert.Equal(0, await RemindAsync(app));
        Assert.Equal(3, await restarted.SendAsync());
        Assert.Equal(0, await app.SendAsync());

        var reminders = Reminders(sink, reporter);
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, m => Assert.Contains("2026-03-21 09:00 UTC", m.Subject));
        Assert.Equal(["14d", "3d"], await ThresholdsAsync(app, reporter));
    }

    [Fact]
    public async Task TwoNodes_RunningThePassesAtOnce_MailEachReporterOnce()
    {
        await using var sink = await SmtpSink.ForTestAsync();
        await using var app = await AppAsync(clock, sink.Port);
        await using var other = SecondNode(app, clock, sink.Port);
        var reporting = new Reporting(app, clock);
        var (organization, reporter) = await reporting.ReporterAsync();
        var colleague = await app.People.ReporterAsync(organization);
        await reporting.CycleAsync(TimeSpan.FromDays(10), organization);

        // The request and the 14-day reminder, each to two reporters, whichever node queues them.
        var queued = await Task.WhenAll(RunOnceAsync(app), RunOnceAsync(other), RunOnceAsync(app), RunOnceAsync(other));
        Assert.Equal(4, queued.Sum());
        var sent = await Task.WhenAll(app.SendAsync(), other.SendAsync());
        Assert.Equal(4, sent.Sum());

        foreach (var person in new[] { reporter, colleague })
        {
            Assert.Equal(2, sink.MessagesTo(person.Email).Count);
            Assert.Single(Reminders(sink, person));
        }
    }

    [Fact]
    public async Task Extension_MovesTheRemindersOfThatOrganizationOnly()
    {
        await using var sink = await SmtpSink.ForTestAsync();
        await using var app = await AppAsync(clock, sink.Port);
        var reporting = new Reporting(app, clock);
        var (extended, extendedReporter) = await reporting.ReporterAsync();
        var (other, otherReporter) = await reporting.ReporterAsync();
        var year = await reporting.CycleAsync(TimeSpan.FromDays(10), extended, other);
        // Ten days before: the 14-day reminder only, one each (a late start sends one, not two).
        Assert.Equal(4, await RunOnceAsync(app));

        await (await (await reporting.SecretariatAsync()).Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/extensions",
            new { organizationId = extended, deadline = Start.AddDays(30), reason = "Their board meets after the deadline." })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, await RunOnceAsync(app));

        clock.Advance(TimeSpan.FromDays(7.5)); // the other: 2.5 days left; the extended: 22.5
        Assert.Equal(1, await RemindAsync(app));
        Assert.Equal(["14d", "3d"], await ThresholdsAsync(app, otherReporter));
        Assert.Equal(["14d"], await ThresholdsAsync(app, extendedReporter));

        // The extended: 10.5 days before its new deadline, reminded of it; the other is past its
        // own by more than the overdue window.
        clock.Advance(TimeSpan.FromDays(12));
        Assert.Equal(1, await RemindAsync(app));
        var keys = (await OutboxAsync(app, extendedReporter.Id, ReportNotifications.ReminderKind)).Select(m => m.IdempotencyKey).ToList();
        Assert.Equal([$"14d:{Start.AddDays(10).UtcTicks}", $"14d:{Start.AddDays(30).UtcTicks}"], keys.Select(k => string.Join(':', k.Split(':')[3..])));

        await app.SendAsync();
        Assert.Equal(2, Reminders(sink, otherReporter).Count);
        var extendedReminders = Reminders(sink, extendedReporter);
        Assert.Equal(2, extendedReminders.Count);
        Assert.Contains("2026-03-31 09:00 UTC", extendedReminders[^1].Subject);
    }

    [Fact]
    public async Task Submission_StopsTheReminders_AndTheOverdueNoticeGoesOnce()
    {
        await using var sink = await SmtpSink.ForTestAsync();
        await using var app = await AppAsync(clock, sink.Port);
        var reporting = new Reporting(app, clock);
        var (submitting, submitter) = await reporting.ReporterAsync();
        var (silent, silentReporter) = await reporting.ReporterAsync();
        var year = await reporting.CycleAsync(TimeSpan.FromDays(10), submitting, silent);
        Assert.Equal(4, await RunOnceAsync(app)); // two requests, two 14-day reminders
        await (await submitter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", Reporting.Report())).ExpectAsync(HttpStatusCode.Created);

        clock.Advance(TimeSpan.FromDays(8)); // two days left: only the silent one is reminded
        Assert.Equal(1, await RemindAsync(app));
        clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1)); // a day less a minute after the deadline: not overdue yet
        Assert.Equal(0, await RemindAsync(app));
        clock.Advance(TimeSpan.FromMinutes(1)); // a day after the deadline
        Assert.Equal(1, await RemindAsync(app));
        Assert.Equal(0, await RemindAsync(app));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await RemindAsync(app));

        Assert.Equal(6, await app.SendAsync());
        Assert.Equal(2, sink.MessagesTo(submitter.Email).Count); // the request and the 14-day reminder
        var mails = sink.MessagesTo(silentReporter.Email);
        Assert.Equal(4, mails.Count);
        var overdue = Assert.Single(mails, m => (m.Subject ?? "").StartsWith("Overdue:", StringComparison.Ordinal));
        Assert.Contains($"{year}", overdue.Subject);
        Assert.Contains("2026-03-11 09:00 UTC", overdue.TextBody);
        Assert.Single(await OutboxAsync(app, silentReporter.Id, ReportNotifications.OverdueKind));
        Assert.Empty(await OutboxAsync(app, submitter.Id, ReportNotifications.OverdueKind));
    }

    private static Task<int> ProjectAsync(EcpFactory app) => app.Services.GetRequiredService<ReportNotifications>().ProjectAsync();

    private static Task<int> RemindAsync(EcpFactory app) => app.Services.GetRequiredService<ReportNotifications>().RemindAsync();

    private static Task<int> RunOnceAsync(EcpFactory app) => app.Services.GetRequiredService<ReportNotifications>().RunOnceAsync();

    private static async Task<List<OutboxMessage>> OutboxAsync(EcpFactory app, Guid personId, string kind)
        => (await app.OutboxAsync(personId)).Where(m => m.Kind == kind).ToList();

    /// <summary>The thresholds ("14d", "3d") of the reminders queued for the reporter, in order.</summary>
    private static async Task<List<string>> ThresholdsAsync(EcpFactory app, TestPerson reporter)
        => (await OutboxAsync(app, reporter.Id, ReportNotifications.ReminderKind)).Select(m => m.IdempotencyKey.Split(':')[3]).ToList();

    private static List<MimeMessage> Reminders(SmtpSink sink, TestPerson reporter)
        => sink.MessagesTo(reporter.Email).Where(m => (m.Subject ?? "").StartsWith("Reminder:", StringComparison.Ordinal)).ToList();

    /// <summary>A relevant organization with a name of its own (the mail names it).</summary>
    private static Task<Ecp.Features.Registry.Organization> OrganizationAsync(EcpFactory app, string name)
        => app.People.OrganizationAsync(relevant: true, group: "technical-academic", name: $"{name} {Guid.NewGuid().ToString("N")[..8]}");
}
