using Ecp.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Registry;

public sealed class PersonProfileModel(AppDbContext db, MemberStateCatalog states) : PageModel
{
    public Person Person { get; private set; } = null!;
    public MemberState? State { get; private set; }
    public Organization? Organization { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } person) return NotFound();
        Person = person;
        State = states.Find(person.MemberStateCode);
        Organization = person.OrganizationId is { } orgId
            ? await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct)
            : null;
        return Page();
    }
}
