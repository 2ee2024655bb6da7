using Ecp.Common;
using Ecp.Features.Accounts;
using Ecp.Features.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace Ecp.Tests.Infrastructure;

/// <summary>A person made for one test, with a personal API token and a client that sends it.</summary>
public sealed record TestPerson(Guid Id, string AccountId, string DisplayName, string Email, string Password, Role Role, string Token, HttpClient Api)
{
    public string RecordReference => $"person/{Id}";
}

/// <summary>
/// Makes people in each role through the application's own use cases (the same code the pages and
/// the CLI call), each with a unique e-mail address so every test owns its data.
/// </summary>
public sealed class TestPeople(EcpFactory factory)
{
    public const string Password = "correct horse battery staple";

    private readonly SemaphoreSlim approverLock = new(1, 1);
    private Actor? approver;

    /// <summary>Signed up, not accredited.</summary>
    public async Task<TestPerson> RegisteredAsync(string? displayName = null)
    {
        var (person, email) = await SignUpAsync(displayName ?? "Registered");
        return await WithTokenAsync(person, email);
    }

    public async Task<TestPerson> DelegateAsync(string memberState = "BRA", string? displayName = null)
    {
        var (person, email) = await SignUpAsync(displayName ?? $"Delegate of {memberState}");
        await AccreditAsync(person, new RequestAccreditation.Command { Kind = "delegate", MemberState = memberState, Motivation = "Appointed by my mission." });
        return await WithTokenAsync(person, email);
    }

    /// <summary>A civil-society stakeholder, or one of the given organization (and its group).</summary>
    public async Task<TestPerson> StakeholderAsync(Guid? organizationId = null, string group = "civil-society", string? displayName = null)
    {
        var (person, email) = await SignUpAsync(displayName ?? "Stakeholder");
        await AccreditAsync(person, organizationId is null
            ? new RequestAccreditation.Command { Kind = "stakeholder", StakeholderGroup = group, Motivation = "I work on Internet policy." }
            : new RequestAccreditation.Command { Kind = "stakeholder", OrganizationId = organizationId, Motivation = "I represent my organization." });
        return await WithTokenAsync(person, email);
    }

    /// <summary>The reporter of a relevant organization: the given one, or one registered for this person.</summary>
    public async Task<TestPerson> ReporterAsync(Guid? organizationId = null)
    {
        var organization = organizationId ?? (await OrganizationAsync(relevant: true, group: "technical-academic")).Id;
        var (person, email) = await SignUpAsync("Reporter");
        await AccreditAsync(person, new RequestAccreditation.Command { Kind = "reporter", OrganizationId = organization, Motivation = "I file our annual report." });
        return await WithTokenAsync(person, email);
    }

    public async Task<TestPerson> SecretariatAsync()
    {
        var email = UniqueEmail("secretariat");
        var person = await RunAsync<AppointSecretariat, Person>(u =>
            u.HandleAsync(Actor.System("test"), new AppointSecretariat.Command(email, "Secretariat " + Suffix(email), Password)));
        return await WithTokenAsync(person, email);
    }

    public Task<TestPerson> InRoleAsync(Role role) => role switch
    {
        Role.Registered => RegisteredAsync(),
        Role.Delegate => DelegateAsync(),
        Role.Stakeholder => StakeholderAsync(),
        Role.Reporter => ReporterAsync(),
        Role.Secretariat => SecretariatAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(role), "The public has no account."),
    };

    /// <summary>An organization registered by the secretariat, with a unique name.</summary>
    public async Task<Organization> OrganizationAsync(bool relevant = false, string group = "civil-society", string? name = null)
    {
        var secretariat = await ApproverAsync();
        return await RunAsync<RegisterOrganization, Organization>(u => u.HandleAsync(secretariat, new RegisterOrganization.Command
        {
            Name = name ?? $"Organization {Guid.NewGuid():N}",
            StakeholderGroup = group,
            IsRelevantOrganization = relevant,
        }));
    }

    /// <summary>A pending accreditation request by a fresh registered person (a target for deciding).</summary>
    public async Task<Accreditation> PendingAccreditationAsync(string memberState = "CHL")
    {
        var (person, _) = await SignUpAsync("Applicant");
        return await RunAsync<RequestAccreditation, Accreditation>(u => u.HandleAsync(Actor.Of(person),
            new RequestAccreditation.Command { Kind = "delegate", MemberState = memberState, Motivation = "Please accredit me." }));
    }

    /// <summary>Issues another token for the person, as the API would.</summary>
    public async Task<IssueApiToken.Issued> IssueTokenAsync(TestPerson person, string name = "another")
    {
        var actor = await ActorOfAsync(person.Id);
        return await RunAsync<IssueApiToken, IssueApiToken.Issued>(u => u.HandleAsync(actor, new IssueApiToken.Command { Name = name }));
    }

    /// <summary>
    /// Logs the person in through the real log-in page (antiforgery, model binding, Identity), on
    /// this factory's node or on <paramref name="node"/>. Returns a browser-like client that keeps the
    /// cookies, and the log-in cookie as a Cookie header value, to present it elsewhere.
    /// </summary>
    public async Task<(HttpClient Browser, string AuthCookie)> LogInAsync(TestPerson person, EcpFactory? node = null)
    {
        var browser = (node ?? factory).CreateClient();
        using var response = await browser.SubmitFormAsync("/account/log-in", new Dictionary<string, string>
        {
            ["Input.Email"] = person.Email,
            ["Input.Password"] = person.Password,
        });
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).Where(c => c.StartsWith("ecp.auth", StringComparison.Ordinal)).ToList()
            : [];
        if ((int)response.StatusCode is < 300 or >= 400 || cookies.Count == 0)
        {
            throw new InvalidOperationException($"Log-in of {person.Email} answered {(int)response.StatusCode} without a log-in cookie: "
                + await response.Content.ReadAsStringAsync());
        }
        return (browser, string.Join("; ", cookies));
    }

    private async Task<(Person Person, string Email)> SignUpAsync(string displayName)
    {
        var email = UniqueEmail(displayName);
        var person = await RunAsync<SignUp, Person>(u => u.HandleAsync(new SignUp.Command
        {
            DisplayName = $"{displayName} {Suffix(email)}",
            Email = email,
            Password = Password,
        }));
        return (person, email);
    }

    private async Task AccreditAsync(Person person, RequestAccreditation.Command request)
    {
        var accreditation = await RunAsync<RequestAccreditation, Accreditation>(u => u.HandleAsync(Actor.Of(person), request));
        var secretariat = await ApproverAsync();
        await RunAsync<ApproveAccreditation, Accreditation>(u => u.HandleAsync(secretariat, accreditation.Id, new ApproveAccreditation.Command()));
    }

    private async Task<TestPerson> WithTokenAsync(Person person, string email)
    {
        var actor = await ActorOfAsync(person.Id);
        var issued = await RunAsync<IssueApiToken, IssueApiToken.Issued>(u => u.HandleAsync(actor, new IssueApiToken.Command { Name = "tests" }));
        return new TestPerson(person.Id, person.AccountId, actor.DisplayName, email, Password, actor.Role, issued.Token, factory.CreateClient(issued.Token));
    }

    /// <summary>The person as the database has them now (after any accreditation).</summary>
    private async Task<Actor> ActorOfAsync(Guid personId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Ecp.Data.AppDbContext>();
        var person = await db.People.FindAsync(personId) ?? throw new InvalidOperationException($"No person {personId}.");
        return Actor.Of(person);
    }

    /// <summary>One secretariat member per factory approves the accreditations the helpers request.</summary>
    private async Task<Actor> ApproverAsync()
    {
        await approverLock.WaitAsync();
        try
        {
            if (approver is not null) return approver;
            var email = UniqueEmail("approver");
            var person = await RunAsync<AppointSecretariat, Person>(u =>
                u.HandleAsync(Actor.System("test"), new AppointSecretariat.Command(email, "Approving secretariat", Password)));
            return approver = Actor.Of(person);
        }
        finally
        {
            approverLock.Release();
        }
    }

    /// <summary>Runs a use case in a scope of its own, as one request would, and insists it succeeds.</summary>
    private async Task<TResult> RunAsync<TUseCase, TResult>(Func<TUseCase, Task<Result<TResult>>> run) where TUseCase : notnull
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await run(scope.ServiceProvider.GetRequiredService<TUseCase>());
        if (result.IsSuccess) return result.Value;
        var details = result.Error is ValidationError v ? string.Join("; ", v.Fields.Select(f => $"{f.Field}: {f.MessageKey}")) : result.Error!.MessageKey;
        throw new InvalidOperationException($"{typeof(TUseCase).Name} failed: {result.Error!.Code} ({details})");
    }

    private static string UniqueEmail(string role)
        => $"{new string(role.ToLowerInvariant().Where(char.IsAsciiLetter).ToArray())}-{Guid.NewGuid():N}@test.example";

    private static string Suffix(string email) => email.Split('-', '@')[1][..8];
}
