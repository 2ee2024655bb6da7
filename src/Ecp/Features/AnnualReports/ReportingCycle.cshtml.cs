using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ecp.Features.AnnualReports;

/// <summary>One year's compliance: every requested organization on time, late (by how many days),
/// with an extension, missing or still awaited, computed from the clock; a chart of the counts
/// with the table as its alternative.</summary>
public sealed class ReportingCycleModel(ReportQueries queries) : PageModel
{
    /// <summary>The order of the statuses in the chart and the legend.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["on-time", "late", "missing", "awaited"];

    public CycleView Cycle { get; private set; } = null!;

    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken ct)
    {
        if (await queries.CycleAsync(year, ct) is not { } cycle) return NotFound();
        Cycle = cycle;
        Counts = Statuses.ToDictionary(s => s, s => cycle.Compliance.Count(r => r.Status == s));
        return Page();
    }
}
