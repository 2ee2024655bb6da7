using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ecp.Features.AnnualReports;

/// <summary>The reporting cycles, newest first: who was asked, how many reported.</summary>
public sealed class ReportingCyclesModel(ReportQueries queries) : PageModel
{
    public IReadOnlyList<CycleSummary> Cycles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Cycles = await queries.CyclesAsync(ct);
}
