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

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await db.Organizations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct);
        Groups = all.GroupBy(o => o.StakeholderGroup).OrderBy(g => g.Key).ToList();
        CanRegister = (await actors.GetAsync(ct)).IsSecretariat;
    }
}
