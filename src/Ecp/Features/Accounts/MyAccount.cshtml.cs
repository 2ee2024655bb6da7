using Ecp.Common;
using Ecp.Data;
using Ecp.Features.AnnualReports;
using Ecp.Features.Registry;
using Ecp.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Accounts;

[Authorize]
[AuthenticationAttempt("Issue")]
public sealed class MyAccountModel(AppDbContext db, ActorAccessor actors, MemberStateCatalog states, ReportQueries reports, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>A reporter's organization in every cycle that requested it, newest first: links to its report's form.</summary>
    public IReadOnlyList<OrganizationYear> ReportYears { get; private set; } = [];

    public Person Person { get; private set; } = null!;
    public MemberState? State { get; private set; }
    public IReadOnlyList<DelegateView> Delegation { get; private set; } = [];
    public IReadOnlyList<Accreditation> Accreditations { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> OrganizationNames { get; private set; } = new Dictionary<Guid, string>();
    public bool HasPending => Accreditations.Any(a => a.Status == AccreditationStatus.Pending);
    public IReadOnlyList<ApiTokenView> Tokens { get; private set; } = [];
    public string? NewToken { get; private set; }

    [BindProperty]
    public IssueApiToken.Command Input { get; set; } = new();

    [BindProperty]
    public ChooseLanguage.Command Language { get; set; } = new();

    /// <summary>The language notices are written in now.</summary>
    public string AccountLanguage { get; private set; } = Languages.Default;

    public bool LanguageSaved { get; private set; }

    [BindProperty]
    public ChooseNaming.Command Naming { get; set; } = new();

    public bool NamingSaved { get; private set; }

    public IReadOnlyList<(string, string)> LanguageOptions => Languages.All.Select(c => (c, Languages.NativeName(c))).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Redirect("/account/log-in");

    public async Task<IActionResult> OnPostIssueAsync([FromServices] IssueApiToken useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(await actors.GetAsync(ct), Input, ct);
        if (!result.IsSuccess) return await this.FailedAsync(result.Error!, redisplay: () => LoadAsync(ct));
        NewToken = result.Value.Token;
        Input = new();
        ModelState.Clear();
        return await LoadAsync(ct) ? Page() : Redirect("/account/log-in");
    }

    public async Task<IActionResult> OnPostNamingAsync([FromServices] ChooseNaming useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(await actors.GetAsync(ct), Naming with { Consent = Naming.Consent ?? false }, ct);
        if (!result.IsSuccess) return await this.FailedAsync(result.Error!, redisplay: () => LoadAsync(ct), fieldKey: f => $"{nameof(Naming)}.{f}");
        NamingSaved = true;
        return await LoadAsync(ct) ? Page() : Redirect("/account/log-in");
    }

    public async Task<IActionResult> OnPostLanguageAsync([FromServices] ChooseLanguage useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(await actors.GetAsync(ct), Language, ct);
        if (!result.IsSuccess) return await this.FailedAsync(result.Error!, redisplay: () => LoadAsync(ct), fieldKey: f => $"{nameof(Language)}.{f}");
        LanguageSaved = true;
        return await LoadAsync(ct) ? Page() : Redirect("/account/log-in");
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid tokenId, [FromServices] RevokeApiToken useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), tokenId, ct), done: null, "/account#tokens", () => LoadAsync(ct));

    public string Describe(Accreditation a) => a.TargetName(states, OrganizationNames, l);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        if (actor.PersonId is not { } personId) return false;
        Person = await db.People.AsNoTracking().SingleAsync(p => p.Id == personId, ct);
        State = Person.Role == Role.Delegate ? states.Find(Person.MemberStateCode) : null;
        if (State is not null) Delegation = await RegistryApi.Delegation(db, State.Code).ToListAsync(ct);
        if (actor is { Role: Role.Reporter, OrganizationId: { } organization }) ReportYears = await reports.OrganizationYearsAsync(organization, ct) ?? [];
        Accreditations = await db.Accreditations.AsNoTracking().Where(a => a.PersonId == personId).OrderByDescending(a => a.RequestedAt).ToListAsync(ct);
        var orgIds = Accreditations.Where(a => a.OrganizationId != null).Select(a => a.OrganizationId!.Value).ToList();
        OrganizationNames = await db.Organizations.Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        Tokens = await AccountsApi.Tokens(db, actor.AccountId!).ToListAsync(ct);
        AccountLanguage = await db.Users.Where(a => a.Id == actor.AccountId).Select(a => a.Language).SingleAsync(ct);
        return true;
    }
}
