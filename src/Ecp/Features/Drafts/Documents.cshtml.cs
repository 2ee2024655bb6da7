using Ecp.Common;
using Ecp.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Drafts;

public sealed class DocumentsModel(DocumentQueries queries, ActorAccessor actors, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    public string? Next { get; private set; }

    public IReadOnlyList<DocumentSummary> Documents { get; private set; } = [];
    public IReadOnlyList<DocumentSummary> ReferenceTexts { get; private set; } = [];
    public bool CanDraft { get; private set; }

    public IReadOnlyList<(string, string)> StateOptions =>
        [("", l["Record.AllEntities"]), .. new[] { "negotiating", "adopted-by-consensus", "not-adopted-divergent-views", "withdrawn" }
            .Select(s => (s, l["DocumentState." + s].Value))];

    public async Task OnGetAsync(CancellationToken ct)
    {
        (Documents, Next) = await queries.ListAsync(null, State, After, null, ct);
        ReferenceTexts = await queries.ReferenceTextsAsync(ct);
        CanDraft = (await actors.GetAsync(ct)).IsSecretariat;
    }
}
