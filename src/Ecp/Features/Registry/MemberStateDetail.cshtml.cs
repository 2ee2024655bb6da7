using Ecp.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Registry;

public sealed class MemberStateDetailModel(MemberStateCatalog states, AppDbContext db) : PageModel
{
    public MemberState State { get; private set; } = null!;
    public IReadOnlyList<DelegateView> Delegation { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (states.Find(code) is not { } state) return NotFound();
        State = state;
        Delegation = await RegistryApi.Delegation(db, state.Code).ToListAsync(ct);
        return Page();
    }
}
