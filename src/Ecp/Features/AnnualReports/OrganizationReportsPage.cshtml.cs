using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ecp.Features.AnnualReports;

/// <summary>An organization's annual reports side by side across the years, field by field, with its
/// indicators as a table over the years.</summary>
public sealed class OrganizationReportsPageModel(ReportQueries queries) : PageModel
{
    public ReportComparison Comparison { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await queries.ComparisonAsync(id, ct) is not { } comparison) return NotFound();
        Comparison = comparison;
        return Page();
    }
}
