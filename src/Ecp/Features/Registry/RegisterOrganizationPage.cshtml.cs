using Ecp.Common;
using Ecp.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Registry;

[Authorize]
public sealed class RegisterOrganizationPageModel(ActorAccessor actors, MemberStateCatalog states, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public RegisterOrganization.Command Input { get; set; } = new();

    public IReadOnlyList<(string, string)> GroupOptions => FormOptions.Groups(l, includeGovernment: false);
    public IReadOnlyList<(string, string)> CountryOptions => FormOptions.States(states, l);
    public IReadOnlyList<(string, string)> StatusOptions =>
        Enum.GetValues<ConsultativeStatus>().Select(s => (s.ToCode(), l["ConsultativeStatus." + s].Value)).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
        => (await actors.GetAsync(ct)).IsSecretariat ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync([FromServices] RegisterOrganization useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), Input, ct), done: null,
            organization => $"/organizations/{organization.Id}", () => Task.FromResult(true));
}
