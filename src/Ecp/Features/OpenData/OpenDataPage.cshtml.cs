using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ecp.Features.OpenData;

/// <summary>What the open data is, under which licence, in which formats, what it never holds, and every dataset with its files.</summary>
public sealed class OpenDataPageModel : PageModel
{
    public IReadOnlyList<OpenDataset> Datasets => OpenDataCatalog.All;

    public void OnGet()
    {
    }
}
