using Ecp.Common;
using Ecp.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Registry;

public sealed class OrganizationsModel(AppDbContext db, ActorAccessor actors, MemberStateCatalog states) : PageModel
{
    public MemberStateCatalog States => states;
    public IReadOnlyList<IGrouping<StakeholderGroup, Organization>> Groups { get; private set; } = [];
    public bool CanRegister { get; private set; }
    public string? Next { get; private set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? After { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A page by name; the page's organizations are shown by stakeholder group.
        var (page, next) = await OrganizationList.PageAsync(db.Organizations.AsNoTracking(), After, null, ct);
        Next = next;
        Groups = page.GroupBy(o => o.StakeholderGroup).OrderBy(g => g.Key).ToList();
        CanRegister = (await actors.GetAsync(ct)).IsSecretariat;
    }
}
