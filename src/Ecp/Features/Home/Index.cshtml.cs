using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Ecp.Features.Registry;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Home;

public sealed class IndexModel(AppDbContext db, RecordQuery record, MemberStateCatalog states) : PageModel
{
    public int MemberStates { get; private set; }
    public int Delegates { get; private set; }
    public int Organizations { get; private set; }
    public long RecordEntries { get; private set; }
    public string HeadHash { get; private set; } = "";
    public IReadOnlyList<RecordEntryView> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        MemberStates = states.All.Count;
        Delegates = await db.People.CountAsync(p => p.Role == Role.Delegate, ct);
        Organizations = await db.Organizations.CountAsync(ct);
        var page = await record.PageAsync(new RecordFilter(Limit: 10), ct);
        Recent = page.Entries;
        RecordEntries = page.HeadSequence;
        HeadHash = page.HeadHash;
    }
}
