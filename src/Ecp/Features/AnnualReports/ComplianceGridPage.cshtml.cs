using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ecp.Features.AnnualReports;

/// <summary>The organization x year grid: who reported on time, late, after an extension or not at all, every year.</summary>
public sealed class ComplianceGridPageModel(ReportQueries queries) : PageModel
{
    [FromQuery(Name = "after")]
    public Guid? After { get; set; }

    public ComplianceGrid Grid { get; private set; } = null!;

    /// <summary>Every year's counts, oldest first, for the chart and its table.</summary>
    public IReadOnlyList<CycleSummary> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Grid = await queries.GridAsync(After, null, ct);
        Years = (await queries.CyclesAsync(ct)).Reverse().ToList();
    }
}
