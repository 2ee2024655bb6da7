using System.Globalization;
using System.Net;
using Ecp.Data;
using Ecp.Features.Notifications;
using Ecp.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ecp.Tests.Notifications;

/// <summary>
/// An app whose notifications run when the test says so: the background loops are off
/// (Ecp:Notifications:Enabled=false) and the test calls each pass, on a fake clock, against a
/// real SMTP server.
/// </summary>
internal static class NotificationsHarness
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static async Task<EcpFactory> AppAsync(FakeTimeProvider clock, int smtpPort, bool background = false)
    {
        var app = new EcpFactory { Clock = clock };
        Configure(app, smtpPort);
        if (background)
        {
            app.Settings["Ecp:Notifications:Enabled"] = "true";
            app.Settings["Ecp:Notifications:PollSeconds"] = "1";
        }
        await app.InitializeAsync();
        return app;
    }

    /// <summary>Another app node on the same database (a restart, or a second node).</summary>
    public static EcpFactory SecondNode(EcpFactory app, FakeTimeProvider clock, int smtpPort)
    {
        var node = app.SharingDatabase();
        node.Clock = clock;
        Configure(node, smtpPort);
        return node;
    }

    private static void Configure(EcpFactory app, int smtpPort)
    {
        app.Settings["Ecp:Notifications:Enabled"] = "false";
        app.Settings["Ecp:Notifications:RetrySeconds"] = "60";
        app.Settings["Ecp:Notifications:SiteUrl"] = "https://ecp.test";
        app.Settings["Ecp:Smtp:Host"] = "127.0.0.1";
        app.Settings["Ecp:Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture);
        app.Settings["Ecp:Smtp:From"] = "ECP <no-reply@ecp.test>";
        app.Settings["Ecp:Smtp:TimeoutSeconds"] = "10";
    }

    public static Task<int> ProjectAsync(this EcpFactory app) => app.Services.GetRequiredService<ConsultationNotifications>().ProjectAsync();

    public static Task<int> RemindAsync(this EcpFactory app) => app.Services.GetRequiredService<ConsultationNotifications>().RemindAsync();

    public static Task<int> SendAsync(this EcpFactory app) => app.Services.GetRequiredService<OutboxSender>().RunOnceAsync();

    /// <summary>The projection, then the sender: what the background would do within seconds.</summary>
    public static async Task<int> NotifyAsync(this EcpFactory app)
    {
        await app.ProjectAsync();
        return await app.SendAsync();
    }

    public static async Task<List<OutboxMessage>> OutboxAsync(this EcpFactory app, Guid personId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.PersonId == personId).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync();
    }

    public static async Task<Guid> BodyAsync(TestPerson secretariat, string? name = null)
    {
        var body = await (await secretariat.Api.PostJsonAsync("/api/v1/bodies", new
        {
            name = name ?? $"Working Group {Guid.NewGuid():N}",
            acronym = "WG",
            mandateReference = "A/RES/67/195 ¶20",
            membershipRule = "all-member-states",
            observerRule = "Open consultation to all stakeholders.",
        })).ExpectAsync(HttpStatusCode.Created);
        return Drafting.Id(body);
    }

    /// <summary>A drafted consultation of the body, opening now and closing after <paramref name="closesIn"/>.</summary>
    public static async Task<Guid> DraftAsync(TestPerson secretariat, Guid bodyId, string topic, TimeProvider clock, TimeSpan closesIn)
    {
        var now = clock.GetUtcNow();
        var created = await (await secretariat.Api.PostJsonAsync("/api/v1/consultations", new
        {
            bodyId,
            topic,
            description = "How to bring the next billion online in their own languages.",
            questions = new[] { "What should governments do?" },
            eligibility = "all-stakeholders",
            opensAt = now,
            closesAt = now + closesIn,
        })).ExpectAsync(HttpStatusCode.Created);
        return Drafting.Id(created);
    }

    public static async Task OpenAsync(TestPerson secretariat, Guid consultationId)
        => await (await secretariat.Api.PostAsync($"/api/v1/consultations/{consultationId}/open", null)).ExpectAsync(HttpStatusCode.OK);

    public static async Task<Guid> FollowAsync(TestPerson person, object target)
        => Drafting.Id(await (await person.Api.PostJsonAsync("/api/v1/follows", target)).ExpectAsync(HttpStatusCode.Created));

    /// <summary>A topic no other test uses, so its mail is told apart in a shared sink.</summary>
    public static string Topic(string what) => $"{what} {Guid.NewGuid().ToString("N")[..8]}";
}
