using Ecp.Common;
using Ecp.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Registry;

public sealed class MemberStatesModel(MemberStateCatalog states, AppDbContext db) : PageModel
{
    public sealed record GroupOfStates(RegionalGroup Group, IReadOnlyList<MemberState> States);

    public int Total => states.All.Count;
    public IReadOnlyList<GroupOfStates> Groups { get; private set; } = [];
    public IReadOnlyDictionary<string, int> DelegateCounts { get; private set; } = new Dictionary<string, int>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var sorted = states.Sorted().ToList();
        Groups = RegionalGroups.All.Select(g => new GroupOfStates(g, sorted.Where(s => s.RegionalGroup == g).ToList())).ToList();
        DelegateCounts = await db.People
            .Where(p => p.Role == Role.Delegate && p.MemberStateCode != null)
            .GroupBy(p => p.MemberStateCode!)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }
}
