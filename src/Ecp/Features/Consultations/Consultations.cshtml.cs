using Ecp.Common;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ecp.Features.Consultations;

public sealed class ConsultationsModel(ConsultationQueries queries, ActorAccessor actors) : PageModel
{
    public IReadOnlyList<ConsultationSummary> Items { get; private set; } = [];
    public bool CanDraft { get; private set; }
    public string? Next { get; private set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? After { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var list = await queries.ListAsync(After, null, ct);
        (Items, Next) = (list.Items, list.Next);
        CanDraft = (await actors.GetAsync(ct)).IsSecretariat;
    }
}
