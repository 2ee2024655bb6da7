using System.Text.Encodings.Web;
using Ecp.Resources;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Drafts;

public sealed class CompareModel(DocumentQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public int From { get; set; }
    [BindProperty(SupportsGet = true)] public int To { get; set; }

    public Guid DocumentId { get; private set; }
    public string DocumentTitle { get; private set; } = "";
    public DiffView Diff { get; private set; } = null!;
    public IReadOnlyList<(string, string)> VersionOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, null, ct) is not { } document) return NotFound();
        if (To == 0) To = document.Versions[^1].Number;
        if (From == 0) From = Math.Max(1, To - 1);
        if (await queries.DiffAsync(id, From, To, ct) is not { } diff) return NotFound();
        DocumentId = id;
        DocumentTitle = document.Title;
        Diff = diff;
        VersionOptions = document.Versions.Select(v => (v.Number.ToString(), $"{v.Number} — {v.Label}")).ToList();
        return Page();
    }

    public IHtmlContent Render(IReadOnlyList<WordPieceView> words)
        => WordDiffHtml.Render(words, HttpContext.RequestServices.GetService<HtmlEncoder>() ?? HtmlEncoder.Default, l);
}
