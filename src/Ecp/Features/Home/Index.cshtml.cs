using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Ecp.Features.Registry;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Home;

public sealed class IndexModel(AppDbContext db, RecordQuery record, MemberStateCatalog states) : PageModel
{
    public const int RecentCount = 10;

    public int MemberStates { get; private set; }
    public int Delegates { get; private set; }
    public int Organizations { get; private set; }
    public long RecordEntries { get; private set; }
    public string HeadHash { get; private set; } = "";
    public IReadOnlyList<ActivityLine> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        MemberStates = states.All.Count;
        Delegates = await db.People.CountAsync(p => p.Role == Role.Delegate, ct);
        Organizations = await db.Organizations.CountAsync(ct);
        var page = await record.PageAsync(new RecordFilter(Limit: RecentCount), ct);
        Recent = await RecentActivity.ReadAsync(db, page.Entries, ct);
        RecordEntries = page.HeadSequence;
        HeadHash = page.HeadHash;
    }
}
