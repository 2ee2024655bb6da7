using System.Text.Encodings.Web;
using Ecp.Features.Drafts;
using Ecp.Resources;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.AnnualReports;

/// <summary>A submitted annual performance report, as anyone reads it: its standing, the current
/// revision's fields, and every correction with its reason and what it changed.</summary>
public sealed class ReportPageModel(ReportQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    public ReportView Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await queries.ReportAsync(id, ct) is not { } report) return NotFound();
        Report = report;
        return Page();
    }

    public IHtmlContent Render(IReadOnlyList<WordPieceView> words)
        => WordDiffHtml.Render(words, HttpContext.RequestServices.GetService<HtmlEncoder>() ?? HtmlEncoder.Default, l);
}
