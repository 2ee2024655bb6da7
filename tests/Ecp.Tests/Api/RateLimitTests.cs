using System.Net;
using Ecp.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Ecp.Tests.Api;

/// <summary>
/// Each kind of request has its own bucket: readers are never limited, authentication attempts
/// are limited per account tried and per address, writes per person. All requests of a test
/// host come from one client address, as they would behind a reverse proxy.
/// </summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task ApiWrites_OverTheLimitPerMinute_429ProblemWithRetryAfter()
    {
        await using var app = new EcpFactory { Settings = { ["Ecp:ApiWritesPerMinute"] = "3" } };
        await app.InitializeAsync();
        var person = await app.People.RegisteredAsync();

        for (var i = 1; i <= 3; i++)
        {
            await (await person.Api.PostJsonAsync("/api/v1/me/tokens", new { name = $"token {i}" })).ExpectAsync(HttpStatusCode.Created);
        }
        var fourth = await person.Api.PostJsonAsync("/api/v1/me/tokens", new { name = "token 4" });

        var problem = await fourth.ExpectProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
        AssertRetryAfter(fourth);
        // The IETF RateLimit fields name the policies and the one that is empty.
        var policies = string.Join(", ", fourth.Headers.GetValues("RateLimit-Policy"));
        Assert.Contains("\"api-writes\";q=3;w=60", policies);
        Assert.Contains("\"authentication-account\";q=", policies);
        var limit = Assert.Single(fourth.Headers.GetValues("RateLimit"));
        Assert.Equal($"\"api-writes\";r=0;t={(int)fourth.Headers.RetryAfter!.Delta!.Value.TotalSeconds}", limit);
        // The limit is per caller: someone else still gets through.
        var other = await app.People.RegisteredAsync();
        await (await other.Api.PostJsonAsync("/api/v1/me/tokens", new { name = "mine" })).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task PageReads_HundredsFromOneAddress_Never429()
    {
        // The old shared bucket of page requests per address, made small: reads must not count.
        await using var app = new EcpFactory { Settings = { ["Ecp:PublicWritesPerMinute"] = "5", ["Ecp:AuthAttemptsPerAddressPerMinute"] = "5" } };
        await app.InitializeAsync();
        var secretariat = await app.Drafting.ChairAsync();
        var id = await OpenConsultationAsync(app, secretariat);
        var (browser, _) = await app.People.LogInAsync(secretariat);
        var anonymous = app.CreateClient();

        var statuses = new List<(string Url, HttpStatusCode Status)>();
        for (var i = 0; i < 100; i++)
        {
            foreach (var (client, url) in new[] { (browser, $"/consultations/{id}"), (anonymous, $"/consultations/{id}") })
            {
                using var response = await client.GetAsync(url);
                statuses.Add((url, response.StatusCode));
            }
        }
        for (var i = 0; i < 40; i++)
        {
            foreach (var url in new[] { "/account/log-in", "/account/sign-up", $"/api/v1/consultations/{id}", "/feeds/consultations.atom" })
            {
                using var response = await anonymous.GetAsync(url);
                statuses.Add((url, response.StatusCode));
            }
        }

        Assert.DoesNotContain(statuses, s => s.Status != HttpStatusCode.OK);
    }

    [Fact]
    public async Task LogIn_BeyondTheLimitForOneAccount_429WhileAnotherAccountLogsIn()
    {
        await using var app = new EcpFactory
        {
            Settings = { ["Ecp:AuthAttemptsPerAccountPerMinute"] = "3", ["Ecp:AuthAttemptsPerAddressPerMinute"] = "6", ["Ecp:PublicWritesPerMinute"] = "2" },
        };
        await app.InitializeAsync();
        var target = await app.People.RegisteredAsync();
        var other = await app.People.RegisteredAsync();
        var attacker = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            using var wrong = await LogInAsync(attacker, target.Email, "not the password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode); // the form again, with its error
        }
        using var refused = await LogInAsync(attacker, target.Email, target.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        AssertRetryAfter(refused);

        // Same address, another account: logs in (the 4th attempt from this address).
        var (browser, _) = await app.People.LogInAsync(other);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);

        // The address has its own, larger bucket: attempts 5 and 6 pass, the 7th does not.
        for (var i = 5; i <= 6; i++)
        {
            using var attempt = await LogInAsync(attacker, $"nobody-{Guid.NewGuid():N}@test.example", "guess");
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }
        using var seventh = await LogInAsync(attacker, $"nobody-{Guid.NewGuid():N}@test.example", "guess");
        Assert.Equal(HttpStatusCode.TooManyRequests, seventh.StatusCode);
    }

    [Fact]
    public async Task PageWrites_OnePersonOverTheLimit_AnotherStillWritesAndTheRefusalIsAPage()
    {
        await using var app = new EcpFactory { Settings = { ["Ecp:PublicWritesPerMinute"] = "2" } };
        await app.InitializeAsync();
        var busy = await app.People.RegisteredAsync();
        var quiet = await app.People.RegisteredAsync();
        var (busyBrowser, _) = await app.People.LogInAsync(busy);
        var (quietBrowser, _) = await app.People.LogInAsync(quiet);
        busyBrowser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");

        // An incomplete request is still a write attempt: it answers the form with its errors.
        for (var i = 0; i < 2; i++)
        {
            using var written = await busyBrowser.SubmitFormAsync("/accreditation/request", new Dictionary<string, string>(), "main form");
            Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        }
        using var refused = await busyBrowser.SubmitFormAsync("/accreditation/request", new Dictionary<string, string>(), "main form");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        AssertRetryAfter(refused);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var page = await Html.ParseAsync(refused);
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("header, nav")); // in the layout
        Assert.Contains("requêtes", page.QuerySelector("h1")?.TextContent ?? "", StringComparison.OrdinalIgnoreCase);

        using var others = await quietBrowser.SubmitFormAsync("/accreditation/request", new Dictionary<string, string>(), "main form");
        Assert.Equal(HttpStatusCode.OK, others.StatusCode);
    }

    [Theory]
    [InlineData("10.0.0.5", true)]
    [InlineData("10.9.9.9", false)]
    public async Task AnonymousWrites_BehindAProxy_PerForwardedAddressOnlyWhenTheProxyIsKnown(string proxy, bool trusted)
    {
        await using var app = new EcpFactory
        {
            Settings =
            {
                ["Ecp:PublicWritesPerMinute"] = "1",
                ["Ecp:ForwardedHeaders:Enabled"] = "true",
                ["Ecp:ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
                ["Ecp:ForwardedHeaders:KnownNetworks:0"] = "192.168.10.0/24",
            },
        };
        await app.InitializeAsync();
        // Every request reaches the app from the proxy's address.
        await using var behindProxy = app.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new FromAddress(System.Net.IPAddress.Parse(proxy)))));

        async Task<HttpStatusCode> SignUpFromAsync(string client)
        {
            var browser = behindProxy.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            browser.DefaultRequestHeaders.Add("X-Forwarded-For", client);
            using var response = await browser.SubmitFormAsync("/account/sign-up", new Dictionary<string, string>(), "main form");
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await SignUpFromAsync("203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignUpFromAsync("203.0.113.1"));
        // Another client behind the same proxy: its own bucket, but only if the proxy is believed.
        Assert.Equal(trusted ? HttpStatusCode.OK : HttpStatusCode.TooManyRequests, await SignUpFromAsync("203.0.113.2"));
    }

    private sealed class FromAddress(System.Net.IPAddress address) : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, nextMiddleware) =>
            {
                ctx.Connection.RemoteIpAddress = address;
                return nextMiddleware(ctx);
            });
            next(app);
        };
    }

    private static void AssertRetryAfter(HttpResponseMessage response)
    {
        var seconds = response.Headers.RetryAfter?.Delta?.TotalSeconds;
        Assert.True(seconds is > 0 and <= 60, $"Retry-After: {response.Headers.RetryAfter}");
    }

    private static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email, string password)
        => client.SubmitFormAsync("/account/log-in", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    private static async Task<string> OpenConsultationAsync(EcpFactory app, TestPerson secretariat)
    {
        var bodyId = await app.Drafting.BodyAsync();
        var now = TimeProvider.System.GetUtcNow();
        var created = await (await secretariat.Api.PostJsonAsync("/api/v1/consultations", new
        {
            bodyId,
            topic = "Multilingualism online",
            description = "How to bring the next billion online in their own languages.",
            questions = new[] { "What should governments do?" },
            eligibility = "all-stakeholders",
            opensAt = now,
            closesAt = now.AddDays(30),
        })).ExpectAsync(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        await (await secretariat.Api.PostAsync($"/api/v1/consultations/{id}/open", null)).ExpectAsync(HttpStatusCode.OK);
        return id;
    }
}
