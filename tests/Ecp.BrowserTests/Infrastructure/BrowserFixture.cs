using Ecp.Common;
using Ecp.Features.Accounts;
using Ecp.Features.Registry;
using Microsoft.Playwright;

namespace Ecp.BrowserTests.Infrastructure;

/// <summary>
/// One application server and one headless Debian Chromium, shared by the tests of a class
/// (starting them costs seconds; a browser context per test costs milliseconds and keeps the
/// tests' cookies apart). The server has one secretariat person, made through the real use case.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string SecretariatEmail = "chair@test.example";
    public const string SecretariatName = "Chair Person";
    public const string SecretariatPassword = "a-long-test-password-123";

    /// <summary>Password for the people the tests sign up (long enough for the app's policy).</summary>
    public const string Password = "a-long-test-password-456";

    private IPlaywright? playwright;
    private IBrowser? browser;

    public EcpServer Server { get; } = new();

    /// <summary>Plain HTTP to the same socket, for the JSON API (the public record).</summary>
    public HttpClient Http { get; private set; } = null!;

    public RecordClient Record { get; private set; } = null!;

    public Person Secretariat { get; private set; } = null!;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser has not started.");

    public virtual async Task InitializeAsync()
    {
        Server.Start();
        Http = new HttpClient { BaseAddress = Server.BaseAddress };
        Record = new RecordClient(Http);
        Secretariat = await Server.RunAsync<AppointSecretariat, Person>(u =>
            u.HandleAsync(Actor.System("test"), new(SecretariatEmail, SecretariatName, SecretariatPassword)));

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                // Chromium must not look up outside hosts; the app is on 127.0.0.1.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            ],
        });
    }

    public virtual async Task DisposeAsync()
    {
        if (browser is not null) await browser.CloseAsync();
        playwright?.Dispose();
        Http?.Dispose();
        await Server.DisposeAsync();
    }

    public static string ChromiumPath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("ECP_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"Chromium not found at {path}: apt-get install -y --no-install-recommends chromium, or set ECP_CHROMIUM.");
        }
    }

    /// <summary>
    /// A fresh browser context (its own cookies) whose relative URLs resolve against the server.
    /// The browser asks for English, so a page is English unless the test chooses otherwise.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(bool javaScriptEnabled = true, string? storageState = null, bool bypassCsp = true)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Server.BaseAddress.ToString(),
            Locale = "en-US",
            JavaScriptEnabled = javaScriptEnabled,
            // The site's CSP allows no inline script; axe-core is injected as one (Axe.CheckAsync).
            BypassCSP = bypassCsp,
            StorageState = storageState,
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        return context;
    }

    /// <summary>A unique address per call: every test owns the people it makes.</summary>
    public static string UniqueEmail(string who) => $"{who}-{Guid.NewGuid():N}@test.example";

    /// <summary>A unique display name, so a test finds its own person in shared lists.</summary>
    public static string UniqueName(string who) => $"{who} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>A person signed up through the use case (not the browser): data for pages under test.</summary>
    public Task<Person> SignedUpAsync(string name, string email) => Server.RunAsync<SignUp, Person>(u =>
        u.HandleAsync(new SignUp.Command { DisplayName = name, Email = email, Password = Password }));

    public Task<Accreditation> RequestAsDelegateAsync(Person person, string memberState) =>
        Server.RunAsync<RequestAccreditation, Accreditation>(u => u.HandleAsync(Actor.Of(person),
            new RequestAccreditation.Command { Kind = "delegate", MemberState = memberState, Motivation = "Appointed by the Permanent Mission." }));

    public Task<Accreditation> ApproveAsync(Accreditation accreditation) =>
        Server.RunAsync<ApproveAccreditation, Accreditation>(u => u.HandleAsync(Actor.Of(Secretariat), accreditation.Id, new()));

    public Task<Organization> RegisterOrganizationAsync(string name) =>
        Server.RunAsync<RegisterOrganization, Organization>(u => u.HandleAsync(Actor.Of(Secretariat), new RegisterOrganization.Command
        {
            Name = name,
            Acronym = "TO",
            StakeholderGroup = "civil-society",
            Country = "BRA",
            IsRelevantOrganization = true,
        }));

    /// <summary>Logs in through the log-in page and returns the context's cookies, to open
    /// further contexts already logged in.</summary>
    public async Task<string> LoggedInStateAsync(string email, string password)
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await Site.LogInAsync(page, email, password);
        return await context.StorageStateAsync();
    }
}
