using Ecp.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ecp.Features.Webhooks;

/// <summary>/account/webhooks/{id}: the delivery log of one of the person's subscriptions, newest first.</summary>
[Authorize]
public sealed class WebhookModel(WebhookQueries queries, ActorAccessor actors) : PageModel
{
    public WebhookDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, string? after, CancellationToken ct)
    {
        if ((await actors.GetAsync(ct)).PersonId is not { } personId) return Challenge();
        if (await queries.DetailAsync(personId, id, after, null, ct) is not { } detail) return NotFound();
        Detail = detail;
        return Page();
    }
}
