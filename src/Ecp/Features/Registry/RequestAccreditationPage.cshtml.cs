using Ecp.Common;
using Ecp.Data;
using Ecp.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Registry;

[Authorize]
public sealed class RequestAccreditationPageModel(AppDbContext db, ActorAccessor actors, MemberStateCatalog states, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public RequestAccreditation.Command Input { get; set; } = new();

    public IReadOnlyList<(string, string)> StateOptions => FormOptions.States(states, l);
    public IReadOnlyList<(string, string)> GroupOptions => FormOptions.Groups(l, includeGovernment: false);
    public IReadOnlyList<(string, string)> OrganizationOptions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync([FromServices] RequestAccreditation useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), Input, ct), done: null, "/account", () => LoadAsync(ct));

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        OrganizationOptions = [("", l["Common.None"]), .. organizations.Select(o => (o.Id.ToString(), o.Name))];
        return true;
    }
}
