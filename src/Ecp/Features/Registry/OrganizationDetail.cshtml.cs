using Ecp.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Registry;

public sealed class OrganizationDetailModel(AppDbContext db, MemberStateCatalog states) : PageModel
{
    public Organization Organization { get; private set; } = null!;
    public MemberState? Country { get; private set; }
    public IReadOnlyList<Person> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) is not { } organization) return NotFound();
        Organization = organization;
        Country = states.Find(organization.CountryCode);
        People = await db.People.AsNoTracking().Where(p => p.OrganizationId == id).OrderBy(p => p.DisplayName).ToListAsync(ct);
        return Page();
    }
}
