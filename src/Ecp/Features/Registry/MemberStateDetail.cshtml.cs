using Ecp.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Registry;

public sealed class MemberStateDetailModel(MemberStateCatalog states, AppDbContext db, Common.ActorAccessor actors) : PageModel
{
    public MemberState State { get; private set; } = null!;
    public DelegationView Delegation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (states.Find(code) is not { } state) return NotFound();
        State = state;
        Delegation = await RegistryApi.DelegationAsync(db, state.Code, await actors.GetAsync(ct), ct);
        return Page();
    }
}
