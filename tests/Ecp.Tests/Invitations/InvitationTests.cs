using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Ecp.Data;
using Ecp.Features.Invitations;
using Ecp.Features.Notifications;
using Ecp.Features.Registry;
using Ecp.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ecp.Tests.Invitations;

/// <summary>The secretariat invites people in bulk; each accepts with a single-use, expiring link.</summary>
public sealed partial class InvitationTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Start);
    private EcpFactory app = null!;

    public async Task InitializeAsync()
    {
        // The production limits, not the tests' generous ones: onboarding must not wait on them.
        app = new EcpFactory
        {
            Clock = clock,
            Settings =
            {
                ["Ecp:PublicWritesPerMinute"] = "30",
                ["Ecp:ApiWritesPerMinute"] = "600",
                ["Ecp:AuthAttemptsPerAccountPerMinute"] = "10",
                ["Ecp:AuthAttemptsPerAddressPerMinute"] = "120",
                ["Ecp:Notifications:Enabled"] = "false",
            },
        };
        await app.InitializeAsync();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Invitations_88RowsInOneCsv_AllInvitedInOneRequestWithTheirMail()
    {
        var secretariat = await app.People.SecretariatAsync();
        var organization = await app.People.OrganizationAsync(group: "private-sector");
        var relevant = await app.People.OrganizationAsync(relevant: true, group: "technical-academic");
        var states = app.Services.GetRequiredService<MemberStateCatalog>().All.Take(80).Select(s => s.Code).ToList();
        var csv = new StringBuilder("name,email,role,member_state_or_organization,language\n");
        var tag = Guid.NewGuid().ToString("N")[..8];
        foreach (var (code, i) in states.Select((c, i) => (c, i))) csv.Append($"Delegate {i},d{i}-{tag}@test.example,delegate,{code},{Languages(i)}\n");
        for (var i = 0; i < 6; i++) csv.Append($"\"Stakeholder, {i}\",s{i}-{tag}@test.example,stakeholder,{organization.Name},\n");
        for (var i = 0; i < 2; i++) csv.Append($"Reporter {i},r{i}-{tag}@test.example,reporter,{relevant.Id},es\n");
        var head = await secretariat.Api.RecordHeadAsync();

        using var response = await secretariat.Api.PostAsync("/api/v1/invitations/csv", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));

        var invited = (await response.ExpectAsync(HttpStatusCode.Created))["invitations"]!.AsArray();
        Assert.Equal(88, invited.Count);
        Assert.Equal(2, (int)invited[0]!["line"]!); // the header is line 1
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var mail = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Kind == InviteParticipants.MailKind && m.Email.Contains(tag)).ToListAsync();
        Assert.Equal(88, mail.Count);
        Assert.All(mail, m => Assert.Matches(TokenLink(), m.Body));
        Assert.Contains("secrétariat", mail.Single(m => m.Email.StartsWith("d1-", StringComparison.Ordinal)).Body, StringComparison.Ordinal);
        Assert.Contains("secretaría", mail.Single(m => m.Email.StartsWith("r0-", StringComparison.Ordinal)).Body, StringComparison.Ordinal);
        // One record entry per invitation, with neither the address nor the link's token.
        var entries = await secretariat.Api.GetJsonAsync("/api/v1/record?limit=200");
        var issued = entries["entries"]!.AsArray().Where(e => (long)e!["seq"]! > head && (string?)e["action"] == "invitation.issued").ToList();
        Assert.Equal(88, issued.Count);
        var text = string.Join("\n", issued.Select(e => e!.ToJsonString()));
        Assert.DoesNotContain(tag, text, StringComparison.Ordinal);
        Assert.DoesNotContain("inv_", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptInvitation_WithAPassword_LogsInWithTheInvitedAccreditation()
    {
        var secretariat = await app.People.SecretariatAsync();
        var email = $"delegate-{Guid.NewGuid():N}@test.example";
        var (invitationId, token) = await InviteAsync(secretariat, email, "delegate", "BRA", "fr");
        var visitor = app.CreateClient();
        visitor.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");

        var page = await visitor.GetPageAsync($"/invitations/{token}");
        Assert.Contains("Ana Souza", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using var accepted = await visitor.SubmitFormAsync(page, $"/invitations/{token}", new Dictionary<string, string> { ["Input.Password"] = TestPeople.Password }, "main form");

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/account", accepted.Headers.Location?.OriginalString);
        // A working log-in, from a fresh browser.
        var person = new TestPerson(Guid.Empty, "", "Ana Souza", email, TestPeople.Password, Common.Role.Delegate, "", visitor);
        var (browser, _) = await app.People.LogInAsync(person);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);
        // The accreditation the invitation promised, approved by the secretariat member who invited.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var account = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        Assert.Equal("fr", account.Language);
        var invitee = await db.People.AsNoTracking().SingleAsync(p => p.AccountId == account.Id);
        Assert.Equal((Common.Role.Delegate, "BRA"), (invitee.Role, invitee.MemberStateCode));
        var accreditation = await db.Accreditations.AsNoTracking().SingleAsync(a => a.PersonId == invitee.Id);
        Assert.Equal((AccreditationStatus.Approved, secretariat.Id), (accreditation.Status, accreditation.DecidedBy!.Value));
        var actions = await secretariat.Api.RecordActionsAsync("invitation", invitationId);
        Assert.Equal(["invitation.issued", "invitation.accepted"], actions);
        var delegation = await app.CreatePublicClient().GetJsonAsync($"/api/v1/people/{invitee.Id}");
        Assert.Equal("delegate", ((string?)delegation["role"])?.ToLowerInvariant());
    }

    [Fact]
    public async Task AcceptInvitation_UsedOrExpired_Refused()
    {
        var secretariat = await app.People.SecretariatAsync();
        var organization = await app.People.OrganizationAsync();
        var (_, used) = await InviteAsync(secretariat, $"s-{Guid.NewGuid():N}@test.example", "stakeholder", organization.Name, null);
        var (_, expired) = await InviteAsync(secretariat, $"e-{Guid.NewGuid():N}@test.example", "stakeholder", organization.Name, null);
        var visitor = app.CreateClient();
        using var first = await visitor.SubmitFormAsync($"/invitations/{used}", new Dictionary<string, string> { ["Input.Password"] = TestPeople.Password }, "main form");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var again = app.CreateClient();
        var usedPage = await again.GetAsync($"/invitations/{used}");
        Assert.Equal(HttpStatusCode.Conflict, usedPage.StatusCode);
        Assert.Contains("already been accepted", await usedPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var expiredPage = await again.GetPageAsync($"/invitations/{expired}");
        clock.Advance(Invitation.ValidFor + TimeSpan.FromMinutes(1));
        using var late = await again.SubmitFormAsync(expiredPage, $"/invitations/{expired}", new Dictionary<string, string> { ["Input.Password"] = TestPeople.Password }, "main form");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("expired", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await again.GetAsync($"/invitations/inv_{new string('0', 64)}")).StatusCode);
    }

    [Fact]
    public async Task Invitations_InvalidRows_RefusedWithTheirLinesAndNobodyInvited()
    {
        var secretariat = await app.People.SecretariatAsync();
        var taken = await app.People.RegisteredAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = "Name,E-mail,Role,Member State or organization\n"
            + $"Fine,fine-{tag}@test.example,delegate,CHL\n"
            + $"Unknown state,u-{tag}@test.example,delegate,XXX\n"
            + $"Twice,fine-{tag}@test.example,delegate,PER\n"
            + $"Has an account,{taken.Email},delegate,ARG\n";
        var head = await secretariat.Api.RecordHeadAsync();

        using var response = await secretariat.Api.PostAsync("/api/v1/invitations/csv", new StringContent(csv, Encoding.UTF8, "text/csv"));

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        var messages = problem["errors"]!.AsObject().SelectMany(e => e.Value!.AsArray().Select(m => (string)m!)).ToList();
        Assert.Contains(messages, m => m.StartsWith("Line 3:", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Line 4:", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Line 5:", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.StartsWith("Line 2:", StringComparison.Ordinal));
        Assert.Equal(head, await secretariat.Api.RecordHeadAsync());
        Assert.Equal(0, await OutboxCountAsync(tag));

        // The page says the same, in the page's language, beside the list.
        var (browser, _) = await app.People.LogInAsync(secretariat);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        using var submitted = await browser.SubmitFormAsync("/secretariat/invitations", new Dictionary<string, string> { ["Csv"] = csv }, "main form");
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var page = await Html.ParseAsync(submitted);
        var summary = page.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Línea 3:", summary, StringComparison.Ordinal);
        Assert.Equal(0, await OutboxCountAsync(tag));
    }

    [Fact]
    public async Task Invitations_ThroughThePage_SentAndListed()
    {
        var secretariat = await app.People.SecretariatAsync();
        var (browser, _) = await app.People.LogInAsync(secretariat);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = $"name;email;role;member_state_or_organization\nMaría López;m-{tag}@test.example;stakeholder;civil-society\n";

        using var submitted = await browser.SubmitFormAsync("/secretariat/invitations", new Dictionary<string, string> { ["Csv"] = csv }, "main form");

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var page = await browser.GetPageAsync(submitted.Headers.Location!.OriginalString);
        Assert.Contains("María López", page.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await OutboxCountAsync(tag));
    }

    [Fact]
    public async Task Invitations_NotSecretariat_403AndDeniedPage()
    {
        var delegateOfBrazil = await app.People.DelegateAsync();
        var rows = new { rows = new[] { new { name = "X", email = $"x-{Guid.NewGuid():N}@test.example", role = "delegate", memberStateOrOrganization = "BRA" } } };

        await (await delegateOfBrazil.Api.PostJsonAsync("/api/v1/invitations", rows)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        using var csv = await delegateOfBrazil.Api.PostAsync("/api/v1/invitations/csv", new StringContent("name,email,role,member_state_or_organization\n", Encoding.UTF8, "text/csv"));
        await csv.ExpectProblemAsync(HttpStatusCode.Forbidden);
        var (browser, _) = await app.People.LogInAsync(delegateOfBrazil);
        // Pages answer "not allowed" as every page does: the denied page.
        using var page = await browser.GetAsync("/secretariat/invitations");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/denied", page.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    private async Task<(string Id, string Token)> InviteAsync(TestPerson secretariat, string email, string role, string target, string? language)
    {
        var response = await secretariat.Api.PostJsonAsync("/api/v1/invitations", new
        {
            rows = new[] { new { name = "Ana Souza", email, role, memberStateOrOrganization = target, language } },
        });
        var id = (string)(await response.ExpectAsync(HttpStatusCode.Created))["invitations"]![0]!["id"]!;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var body = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Email == email).Select(m => m.Body).SingleAsync();
        return (id, TokenLink().Match(body).Groups[1].Value);
    }

    private async Task<int> OutboxCountAsync(string tag)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMessage>().CountAsync(m => m.Email.Contains(tag));
    }

    private static string Languages(int i) => (i % 3) switch { 0 => "", 1 => "fr", _ => "ar" };

    [GeneratedRegex("/invitations/(inv_[0-9a-f]{64})")]
    private static partial Regex TokenLink();
}
