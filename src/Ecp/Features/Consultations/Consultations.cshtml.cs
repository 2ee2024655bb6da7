using Ecp.Common;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ecp.Features.Consultations;

public sealed class ConsultationsModel(ConsultationQueries queries, ActorAccessor actors) : PageModel
{
    public IReadOnlyList<ConsultationSummary> Items { get; private set; } = [];
    public bool CanDraft { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Items = await queries.ListAsync(ct);
        CanDraft = (await actors.GetAsync(ct)).IsSecretariat;
    }
}
