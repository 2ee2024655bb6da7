using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ecp.Features.AnnualReports;

/// <summary>A cycle's compilation as anyone reads it: the secretariat's synthesis of the year, which
/// submitted reports it cites and which not, and its earlier versions.</summary>
public sealed class CompilationPageModel(ReportQueries queries) : PageModel
{
    public CompilationView Compilation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken ct)
    {
        if (await queries.CompilationAsync(year, ct) is not { } compilation) return NotFound();
        Compilation = compilation;
        return Page();
    }
}
