using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Accounts;
using Ecp.Features.Registry;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using static Ecp.Features.Cli.DemoExpect;

namespace Ecp.Features.Cli;

public sealed record DemoLogin(string Role, string Name, string Email, string Password, string? Note = null);

/// <summary>
/// Demo data, loaded through the same use cases as real input so that it is on the record too.
/// Passwords are generated afresh on every start and printed: none is kept in the repository.
/// </summary>
public sealed class DemoData(
    AppDbContext db,
    UserManager<Account> users,
    AppointSecretariat appoint,
    SignUp signUp,
    RegisterOrganization registerOrganization,
    RequestAccreditation request,
    ApproveAccreditation approve,
    DemoDrafts drafts,
    DemoConsultations consultations,
    DemoIssues issues,
    DemoResults results,
    DemoMeetings meetings,
    DemoAssessments assessments,
    DemoReports reports)
{
    private const string Domain = "demo.ecp.example";

    private sealed record DemoPerson(string Key, string Name, string Kind, string? State = null, string? Group = null, string? Organization = null, bool Approve = true);

    private static readonly (string Name, string? Acronym, string Group, string? Country, string Status, bool Relevant)[] Organizations =
    [
        ("International Telecommunication Union", "ITU", "international-organization", "CHE", "none", true),
        ("United Nations Educational, Scientific and Cultural Organization", "UNESCO", "international-organization", "FRA", "none", true),
        ("Organisation for Economic Co-operation and Development", "OECD", "intergovernmental-organization", "FRA", "none", true),
        ("Council of Europe", "CoE", "intergovernmental-organization", "FRA", "none", true),
        ("Internet Corporation for Assigned Names and Numbers", "ICANN", "technical-academic", "USA", "none", true),
        ("Internet Engineering Task Force", "IETF", "technical-academic", null, "none", true),
        ("World Wide Web Consortium", "W3C", "technical-academic", null, "none", true),
        ("RIPE Network Coordination Centre", "RIPE NCC", "technical-academic", "NLD", "none", true),
        ("Association for Progressive Communications", "APC", "civil-society", "ZAF", "general", false),
        ("International Chamber of Commerce", "ICC", "private-sector", "FRA", "general", false),
        ("Internet Society", "ISOC", "technical-academic", "USA", "special", false),
    ];

    private static readonly DemoPerson[] People =
    [
        new("delegate", "Ana Souza", "delegate", State: "BRA"),
        new("delegate-2", "Rafael Lima", "delegate", State: "BRA"),
        new("delegate-ind", "Priya Raman", "delegate", State: "IND"),
        new("delegate-ken", "Wanjiru Kamau", "delegate", State: "KEN"),
        new("delegate-fra", "Claire Martin", "delegate", State: "FRA"),
        new("delegate-usa", "James Carter", "delegate", State: "USA"),
        new("stakeholder", "Amani Okoye", "stakeholder", Organization: "APC"),
        new("stakeholder-ps", "Kenji Sato", "stakeholder", Organization: "ICC"),
        new("stakeholder-tech", "Lena Vogel", "stakeholder", Organization: "RIPE NCC"),
        new("stakeholder-academic", "Omar Haddad", "stakeholder", Group: "technical-academic"),
        new("reporter", "Sofia Petrova", "reporter", Organization: "ITU"),
        new("reporter-unesco", "Camille Dubois", "reporter", Organization: "UNESCO"),
        new("reporter-oecd", "Thomas Berg", "reporter", Organization: "OECD"),
        new("reporter-coe", "Elena Rossi", "reporter", Organization: "CoE"),
        new("reporter-icann", "Michael Chen", "reporter", Organization: "ICANN"),
        new("reporter-ietf", "Aisha Rahman", "reporter", Organization: "IETF"),
        new("reporter-w3c", "Julien Moreau", "reporter", Organization: "W3C"),
        new("reporter-ripe", "Pieter de Vries", "reporter", Organization: "RIPE NCC"),
        new("stakeholder-igo", "Marta Kowalska", "stakeholder", Organization: "CoE"),
        new("applicant", "Diego Herrera", "delegate", State: "MEX", Approve: false),
        new("applicant-cs", "Fatima Diallo", "stakeholder", Group: "civil-society", Approve: false),
    ];

    public async Task<IReadOnlyList<DemoLogin>> EnsureAsync(CancellationToken ct = default)
    {
        if (!await db.People.AnyAsync(ct))
        {
            await LoadAsync(ct);
        }
        return await ResetPasswordsAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var secretariat = Expect(await appoint.HandleAsync(Actor.System("seed-demo"),
            new(Email("secretariat"), "Secretariat Officer", CreateAdminCommand.GeneratePassword()), ct));
        var chair = Actor.Of(secretariat);

        var organizations = new Dictionary<string, Organization>();
        foreach (var o in Organizations)
        {
            var registered = Expect(await registerOrganization.HandleAsync(chair, new()
            {
                Name = o.Name, Acronym = o.Acronym, StakeholderGroup = o.Group, Country = o.Country,
                ConsultativeStatus = o.Status, IsRelevantOrganization = o.Relevant,
            }, ct));
            organizations[o.Acronym!] = registered;
        }

        var actors = new Dictionary<string, Actor>();
        foreach (var p in People)
        {
            var person = Expect(await signUp.HandleAsync(new() { DisplayName = p.Name, Email = Email(p.Key), Password = CreateAdminCommand.GeneratePassword() }, ct));
            var accreditation = Expect(await request.HandleAsync(Actor.Of(person), new()
            {
                Kind = p.Kind,
                MemberState = p.State,
                StakeholderGroup = p.Group,
                OrganizationId = p.Organization is { } key ? organizations[key].Id : null,
                Motivation = p.State is not null
                    ? $"Accredited by the Permanent Mission to take part in the work on enhanced cooperation."
                    : "Our organization follows the enhanced cooperation process and wishes to contribute.",
            }, ct));
            if (p.Approve)
            {
                Expect(await approve.HandleAsync(chair, accreditation.Id, new(), ct));
                var accredited = await db.People.AsNoTracking().SingleAsync(x => x.Id == person.Id, ct);
                actors[p.Key] = Actor.Of(accredited);
            }
        }

        var cast = new DemoDrafts.Cast(chair, actors["delegate"], actors["delegate-2"], actors["delegate-ind"], actors["delegate-ken"],
            actors["delegate-fra"], actors["delegate-usa"], actors["stakeholder"], actors["stakeholder-ps"], actors["stakeholder-tech"],
            actors["stakeholder-igo"], actors["reporter"]);
        await drafts.LoadAsync(cast, ct);
        await consultations.LoadAsync(cast, ct);
        await consultations.LoadQuestionnaireAsync(cast, ct);
        await issues.LoadAsync(cast, ct);
        await assessments.LoadAsync(cast, ct);
        await results.LoadAsync(cast, ct);
        await meetings.LoadAsync(cast, ct);
        var reporters = People.Where(p => p.Kind == "reporter").ToDictionary(p => p.Organization!, p => actors[p.Key]);
        await reports.LoadAsync(reporters, chair, ct);
    }

    private async Task<IReadOnlyList<DemoLogin>> ResetPasswordsAsync(CancellationToken ct)
    {
        var keys = new (string Role, string Key, string? Note)[]
        {
            ("secretariat", "secretariat", null), ("delegate", "delegate", null), ("stakeholder", "stakeholder", null),
            ("reporter", "reporter", null), ("applicant", "applicant", "registered, accreditation pending"),
        };
        var logins = new List<DemoLogin>();
        foreach (var (role, key, note) in keys)
        {
            var account = await users.FindByEmailAsync(Email(key));
            if (account is null) continue;
            var person = await db.People.AsNoTracking().SingleAsync(p => p.AccountId == account.Id, ct);
            var password = CreateAdminCommand.GeneratePassword();
            // Account data, not process state: the record is not involved.
            await users.RemovePasswordAsync(account);
            await users.AddPasswordAsync(account, password);
            await users.SetLockoutEndDateAsync(account, null);
            logins.Add(new DemoLogin(role, person.DisplayName, account.Email!, password, note));
        }
        return logins;
    }

    /// <summary>One log-in a line, in plain columns (no table to wrap): each e-mail and password
    /// can be copied with a double-click.</summary>
    public static void Print(IReadOnlyList<DemoLogin> logins, string? url)
    {
        if (logins.Count > 0) CliHost.Say("Demo log-ins (new passwords at every start):");
        var role = logins.Select(l => l.Role.Length).DefaultIfEmpty().Max();
        var email = logins.Select(l => l.Email.Length).DefaultIfEmpty().Max();
        var password = logins.Select(l => l.Password.Length).DefaultIfEmpty().Max();
        foreach (var l in logins)
        {
            CliHost.Say($"  {l.Role.PadRight(role)}  {l.Email.PadRight(email)}  {l.Password.PadRight(password)}  {l.Name}{(l.Note is null ? "" : $" ({l.Note})")}");
        }
        if (url is not null) CliHost.Say($"ECP is serving at {url} (log in at {url}/account/log-in; Ctrl+C stops it)");
    }

    private static string Email(string key) => $"{key}@{Domain}";
}
