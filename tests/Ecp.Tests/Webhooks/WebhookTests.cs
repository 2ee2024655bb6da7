using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ecp.Features.Webhooks;
using Microsoft.AspNetCore.DataProtection;
using Ecp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Ecp.Tests.Notifications.NotificationsHarness;

namespace Ecp.Tests.Webhooks;

/// <summary>
/// Webhooks end to end: subscriptions through the API, the projection of the record, and the
/// sender POSTing to a real HTTP receiver on the loopback. Each test owns its app, database,
/// receiver and fake clock, and runs the background passes itself.
/// </summary>
public sealed class WebhookTests
{
    private readonly FakeTimeProvider clock = new(Start);

    [Fact]
    public async Task ConsultationEvent_ToSubscriberOfItsBody_IsRetriedAfterTheBackoffAndDeliveredWithAValidSignature()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await AppAsync();
        var secretariat = await app.People.SecretariatAsync();
        var bodyId = await BodyAsync(secretariat);
        clock.Advance(TimeSpan.FromMinutes(1)); // the body's creation is history before the subscription
        var subscriber = await app.People.RegisteredAsync();
        var created = await (await subscriber.Api.PostJsonAsync("/api/v1/webhooks", new { bodyId, url = receiver.Url })).ExpectAsync(HttpStatusCode.Created);
        var secret = (string)created["secret"]!;
        Assert.StartsWith("whsec_", secret);
        Assert.True(Convert.FromBase64String(secret["whsec_".Length..]).Length >= 24);
        var webhookId = Drafting.Id(created);
        Assert.Null((await subscriber.Api.GetJsonAsync("/api/v1/webhooks"))[0]!["secret"]); // shown once, never listed

        var consultation = await DraftAsync(secretariat, bodyId, Topic("Webhooks"), clock, TimeSpan.FromDays(30));
        await OpenAsync(secretariat, consultation);
        Assert.Equal(2, await app.ProjectWebhooksAsync()); // consultation.drafted and consultation.opened
        Assert.Equal(0, await app.ProjectWebhooksAsync());

        receiver.FailFirst = 2;
        Assert.Equal(0, await app.SendWebhooksAsync());
        Assert.Equal(2, receiver.Requests.Count);
        Assert.Equal(0, await app.SendWebhooksAsync()); // not due before the back-off
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await app.SendWebhooksAsync());
        Assert.Equal(2, receiver.Requests.Count);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, await app.SendWebhooksAsync());
        Assert.Equal(0, await app.SendWebhooksAsync()); // delivered once

        var opened = receiver.Requests.Where(r => ((string?)JsonNode.Parse(r.Body)!["action"]) == "consultation.opened").ToList();
        Assert.Equal(2, opened.Count); // the failed attempt and the retry
        Assert.Single(opened.Select(r => r.Headers["webhook-id"]).Distinct());
        Assert.Equal($"msg_{(long)JsonNode.Parse(opened[0].Body)!["sequence"]!}_{webhookId:N}", opened[0].Headers["webhook-id"]);
        var delivered = opened[^1];
        Assert.Equal("application/json", MediaTypeHeaderValue.Parse(delivered.Headers["content-type"]).MediaType);
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), delivered.Headers["webhook-timestamp"]);
        Assert.True(Verifies(delivered, secret));
        Assert.False(Verifies(delivered, "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        Assert.False(Verifies(delivered with { Body = delivered.Body.Replace("consultation.opened", "consultation.closed", StringComparison.Ordinal) }, secret));
        Assert.Equal("True", await DocsVerifyAsync(delivered, secret));
        Assert.Equal("False", await DocsVerifyAsync(delivered, "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        var payload = JsonNode.Parse(delivered.Body)!;
        Assert.Equal(consultation.ToString(), (string?)payload["payload"]!["consultationId"]);
        Assert.Equal("consultation", (string?)payload["entity"]);

        var log = await subscriber.Api.GetJsonAsync($"/api/v1/webhooks/{webhookId}");
        var newest = log["deliveries"]![0]!;
        Assert.Equal("consultation.opened", (string?)newest["eventType"]);
        Assert.Equal("delivered", (string?)newest["state"]);
        Assert.Equal(2, (int)newest["attempts"]!);
        Assert.Equal(204, (int)newest["lastStatus"]!);
    }

    [Fact]
    public async Task Delivery_ToAReceiverThatRedirects_IsNotFollowedAndIsRetried()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Redirect = true;
        await using var app = await AppAsync();
        var secretariat = await app.People.SecretariatAsync();
        var consultation = await DraftAsync(secretariat, await BodyAsync(secretariat), Topic("Redirects"), clock, TimeSpan.FromDays(30));
        clock.Advance(TimeSpan.FromMinutes(1));
        var subscriber = await app.People.RegisteredAsync();
        var webhookId = Drafting.Id(await (await subscriber.Api.PostJsonAsync("/api/v1/webhooks", new { consultationId = consultation, url = receiver.Url })).ExpectAsync(HttpStatusCode.Created));
        await OpenAsync(secretariat, consultation);

        Assert.Equal(1, await app.ProjectWebhooksAsync());
        Assert.Equal(0, await app.SendWebhooksAsync());

        Assert.Equal(["/hook"], receiver.Requests.Select(r => r.Path));
        var delivery = (await subscriber.Api.GetJsonAsync($"/api/v1/webhooks/{webhookId}"))["deliveries"]![0]!;
        Assert.Equal("pending", (string?)delivery["state"]);
        Assert.Equal(302, (int)delivery["lastStatus"]!);
        Assert.Equal(1, (int)delivery["attempts"]!);
    }

    [Theory]
    [InlineData("http://hooks.example.org/ecp", "L'adresse doit être une URL https absolue.")]
    [InlineData("ftp://hooks.example.org/ecp", "L'adresse doit être une URL https absolue.")]
    [InlineData("hooks.example.org/ecp", "L'adresse doit être une URL https absolue.")]
    [InlineData("https://user:secret@hooks.example.org/ecp", "L'adresse ne doit contenir ni nom d'utilisateur ni mot de passe.")]
    public async Task Url_NotHttpsOrWithCredentials_IsRefusedWithALocalized400(string url, string message)
    {
        await using var app = await AppAsync();
        var bodyId = await BodyAsync(await app.People.SecretariatAsync());
        var subscriber = await app.People.RegisteredAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks") { Content = System.Net.Http.Json.JsonContent.Create(new { bodyId, url }) };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("fr"));
        var problem = await (await subscriber.Api.SendAsync(request)).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(message, (string?)problem["errors"]!["url"]![0]);
        Assert.Empty((await subscriber.Api.GetJsonAsync("/api/v1/webhooks")).AsArray());
    }

    [Theory]
    [InlineData("https://hooks.example.org/ecp", false, true)]
    [InlineData("http://127.0.0.1:8080/hook", false, false)]
    [InlineData("https://localhost/hook", false, false)]
    [InlineData("http://[::1]:8080/hook", false, false)]
    [InlineData("http://127.0.0.1:8080/hook", true, true)]
    [InlineData("http://localhost:8080/hook", true, true)]
    [InlineData("http://hooks.example.org/ecp", true, false)]
    public void Url_ToTheLoopback_OnlyWhereAllowed(string url, bool allowLoopback, bool accepted)
        => Assert.Equal(accepted, WebhookSubscription.UrlProblem(url, allowLoopback) is null);

    [Theory]
    [InlineData("93.184.215.14", true)]
    [InlineData("2606:2800:21f:cb07:6820:80da:af6b:8b2c", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    public void Address_PublicOrNot(string address, bool isPublic)
        => Assert.Equal(isPublic, WebhookAddresses.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task Delivery_ToANameOnTheLoopback_IsRefusedAtConnectionWhereTheLoopbackIsNotAllowed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = Node(new EcpFactory());
        app.Settings["Ecp:Webhooks:AllowLoopback"] = "false";
        await app.InitializeAsync();
        var secretariat = await app.People.SecretariatAsync();
        var consultation = await DraftAsync(secretariat, await BodyAsync(secretariat), Topic("Private addresses"), clock, TimeSpan.FromDays(30));
        clock.Advance(TimeSpan.FromMinutes(1));
        var subscriber = await app.People.RegisteredAsync();
        // As if a public name had been re-pointed at the machine itself after the subscription was made.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Ecp.Data.AppDbContext>();
            var protector = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>().Protector();
            db.Add(WebhookSubscription.Of(subscriber.Id, null, consultation, null, receiver.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal),
                protector.Protect(WebhookSignature.NewSecret()), clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        await OpenAsync(secretariat, consultation);

        Assert.Equal(1, await app.ProjectWebhooksAsync());
        Assert.Equal(0, await app.SendWebhooksAsync());

        Assert.Empty(receiver.Requests);
        var webhook = (await subscriber.Api.GetJsonAsync("/api/v1/webhooks"))[0]!;
        var delivery = (await subscriber.Api.GetJsonAsync($"/api/v1/webhooks/{webhook["id"]}"))["deliveries"]![0]!;
        Assert.Contains("no public address", (string?)delivery["lastError"]);
        Assert.Null(delivery["lastStatus"]);
    }

    [Fact]
    public async Task Subscription_OfAnotherPerson_CannotBeSeenOrRemoved()
    {
        await using var app = await AppAsync();
        var bodyId = await BodyAsync(await app.People.SecretariatAsync());
        var owner = await app.People.RegisteredAsync();
        var other = await app.People.RegisteredAsync();
        var webhookId = Drafting.Id(await (await owner.Api.PostJsonAsync("/api/v1/webhooks", new { bodyId, url = "https://hooks.example.org/ecp" })).ExpectAsync(HttpStatusCode.Created));

        await (await other.Api.GetAsync($"/api/v1/webhooks/{webhookId}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await other.Api.PostAsync($"/api/v1/webhooks/{webhookId}/remove", null)).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await other.Api.GetJsonAsync("/api/v1/webhooks")).AsArray());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreatePublicClient().GetAsync($"/api/v1/webhooks/{webhookId}")).StatusCode);

        Assert.Equal(webhookId.ToString(), (string?)(await owner.Api.GetJsonAsync($"/api/v1/webhooks/{webhookId}"))["webhook"]!["id"]);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Api.PostAsync($"/api/v1/webhooks/{webhookId}/remove", null)).StatusCode);
        await (await owner.Api.GetAsync($"/api/v1/webhooks/{webhookId}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await owner.Api.GetJsonAsync("/api/v1/webhooks")).AsArray());
    }

    [Fact]
    public async Task Page_CreatesASubscription_ShowsItsSecretOnce_AndRemovesIt()
    {
        await using var app = await AppAsync();
        var secretariat = await app.People.SecretariatAsync();
        var consultation = await DraftAsync(secretariat, await BodyAsync(secretariat), Topic("Page"), clock, TimeSpan.FromDays(30));
        var person = await app.People.RegisteredAsync();
        var (browser, _) = await app.People.LogInAsync(person);

        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        using var refused = await browser.SubmitFormAsync("/account/webhooks", new Dictionary<string, string>
        {
            ["Input.Kind"] = "consultation", ["Input.TargetId"] = consultation.ToString(), ["Input.Url"] = "http://hooks.example.org/ecp",
        }, "form[action*='handler=Create']");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("L'adresse doit être une URL https absolue.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        browser.DefaultRequestHeaders.AcceptLanguage.Clear();

        using var created = await browser.SubmitFormAsync("/account/webhooks", new Dictionary<string, string>
        {
            ["Input.Kind"] = "consultation", ["Input.TargetId"] = consultation.ToString(), ["Input.Url"] = "https://hooks.example.org/ecp",
        }, "form[action*='handler=Create']");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var html = await created.Content.ReadAsStringAsync();
        var secret = System.Text.RegularExpressions.Regex.Match(html, "whsec_[A-Za-z0-9+/=]+").Value;
        Assert.NotEmpty(secret);
        var listed = Assert.Single((await person.Api.GetJsonAsync("/api/v1/webhooks")).AsArray())!;
        Assert.Equal(consultation.ToString(), (string?)listed["targetId"]);
        Assert.Equal("consultation", (string?)listed["target"]);

        var again = await (await browser.GetAsync("/account/webhooks")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("whsec_", again);
        Assert.Contains("https://hooks.example.org/ecp", again);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/account/webhooks/{listed["id"]}")).StatusCode);

        using var removed = await browser.SubmitFormAsync("/account/webhooks", new Dictionary<string, string>(), "form[action*='handler=Remove']");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty((await person.Api.GetJsonAsync("/api/v1/webhooks")).AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/account/webhooks/{listed["id"]}")).StatusCode);
    }

    [Fact]
    public async Task TwoNodes_ProjectAndSendAtOnce_TheEventIsDeliveredOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await AppAsync();
        await using var node = Node(app.SharingDatabase());
        var secretariat = await app.People.SecretariatAsync();
        var consultation = await DraftAsync(secretariat, await BodyAsync(secretariat), Topic("Two nodes"), clock, TimeSpan.FromDays(30));
        clock.Advance(TimeSpan.FromMinutes(1));
        var subscriber = await app.People.RegisteredAsync();
        await (await subscriber.Api.PostJsonAsync("/api/v1/webhooks", new { consultationId = consultation, url = receiver.Url })).ExpectAsync(HttpStatusCode.Created);
        await OpenAsync(secretariat, consultation);

        var queued = await Task.WhenAll(app.ProjectWebhooksAsync(), node.ProjectWebhooksAsync());
        Assert.Equal(1, queued.Sum());
        Assert.Equal(0, (await Task.WhenAll(app.ProjectWebhooksAsync(), node.ProjectWebhooksAsync())).Sum());
        var sent = await Task.WhenAll(app.SendWebhooksAsync(), node.SendWebhooksAsync());
        Assert.Equal(1, sent.Sum());
        Assert.Equal(0, (await Task.WhenAll(app.SendWebhooksAsync(), node.SendWebhooksAsync())).Sum());
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task Subscriptions_OfOnePerson_AreLimited()
    {
        await using var app = await AppAsync();
        var bodyId = await BodyAsync(await app.People.SecretariatAsync());
        var subscriber = await app.People.RegisteredAsync();
        for (var i = 0; i < WebhookSubscription.MaxActivePerPerson; i++)
        {
            await (await subscriber.Api.PostJsonAsync("/api/v1/webhooks", new { bodyId, url = $"https://hooks.example.org/{i}" })).ExpectAsync(HttpStatusCode.Created);
        }
        var problem = await (await subscriber.Api.PostJsonAsync("/api/v1/webhooks", new { bodyId, url = "https://hooks.example.org/one-more" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem["errors"]!["url"]!.AsArray());
    }

    /// <summary>Standard Webhooks: v1, base64 HMAC-SHA256 with the secret's bytes of "{id}.{timestamp}.{body}".</summary>
    private static bool Verifies(WebhookReceiver.Received request, string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var content = Encoding.UTF8.GetBytes($"{request.Headers["webhook-id"]}.{request.Headers["webhook-timestamp"]}.{request.Body}");
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
        return request.Headers["webhook-signature"].Split(' ').Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), Encoding.ASCII.GetBytes(expected)));
    }

    /// <summary>The Python of docs/webhooks.md, run on a delivery: "True" or "False".</summary>
    private static async Task<string> DocsVerifyAsync(WebhookReceiver.Received request, string secret)
    {
        var docs = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "docs", "webhooks.md"));
        var start = docs.IndexOf("```python\n", StringComparison.Ordinal) + "```python\n".Length;
        var snippet = docs[start..docs.IndexOf("```", start, StringComparison.Ordinal)];
        var script = snippet + "\nimport json, sys\nd = json.load(sys.stdin)\nprint(verify(d['secret'], d['headers'], d['body'].encode(), tolerance=10**12))\n";
        var info = new System.Diagnostics.ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        using var python = System.Diagnostics.Process.Start(info)!;
        await python.StandardInput.WriteAsync(System.Text.Json.JsonSerializer.Serialize(new { secret, headers = request.Headers, body = request.Body }));
        python.StandardInput.Close();
        var output = await python.StandardOutput.ReadToEndAsync();
        var error = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, error);
        return output.Trim();
    }

    private async Task<EcpFactory> AppAsync()
    {
        var app = Node(new EcpFactory());
        await app.InitializeAsync();
        return app;
    }

    private EcpFactory Node(EcpFactory app)
    {
        app.Clock = clock;
        app.Settings["Ecp:Notifications:Enabled"] = "false";
        app.Settings["Ecp:Webhooks:AllowLoopback"] = "true";
        app.Settings["Ecp:Webhooks:RetrySeconds"] = "30";
        return app;
    }
}

internal static class WebhookPasses
{
    public static Task<int> ProjectWebhooksAsync(this EcpFactory app) => app.Services.GetRequiredService<WebhookProjection>().RunOnceAsync();

    public static Task<int> SendWebhooksAsync(this EcpFactory app) => app.Services.GetRequiredService<WebhookSender>().RunOnceAsync();
}
