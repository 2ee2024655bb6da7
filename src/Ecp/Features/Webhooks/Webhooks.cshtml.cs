using Ecp.Common;
using Ecp.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Webhooks;

/// <summary>
/// /account/webhooks: the person's subscriptions, a form for a new one (its secret is shown on the
/// answer to the form, this once, and kept nowhere in the clear), and their remove buttons.
/// </summary>
[Authorize]
public sealed class WebhooksModel(WebhookQueries queries, ActorAccessor actors, IStringLocalizer<SharedResource> l) : PageModel
{
    public static readonly string[] Kinds = ["body", "consultation", "document"];

    public sealed class Form
    {
        public string? Kind { get; set; } = "body";
        public string? TargetId { get; set; }
        public string? Url { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public IReadOnlyList<WebhookView> Webhooks { get; private set; } = [];

    /// <summary>The subscription just made, with its secret.</summary>
    public WebhookCreated? Created { get; private set; }

    public IReadOnlyList<(string, string)> KindOptions => Kinds.Select(k => (k, l["Webhooks.Kind." + k].Value)).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Challenge();

    public async Task<IActionResult> OnPostCreateAsync([FromServices] CreateWebhook useCase, CancellationToken ct)
    {
        Guid? id = Guid.TryParse(Input.TargetId?.Trim(), out var g) ? g : null;
        var command = new CreateWebhook.Command
        {
            BodyId = Input.Kind == "body" ? id : null,
            ConsultationId = Input.Kind == "consultation" ? id : null,
            DocumentId = Input.Kind == "document" ? id : null,
            Url = Input.Url,
        };
        var result = await useCase.HandleAsync(await actors.GetAsync(ct), command, ct);
        if (!result.IsSuccess) return await this.FailedAsync(result.Error!, () => LoadAsync(ct), FieldKey);
        // Shown on this answer rather than after a redirect, so the secret is never stored in the clear.
        Created = result.Value;
        Input = new Form();
        ModelState.Clear();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, [FromServices] RemoveWebhook useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, ct),
            done: "Webhooks.Removed", redirectTo: "/account/webhooks", redisplay: () => LoadAsync(ct));

    private static string FieldKey(string field) => field == nameof(CreateWebhook.Command.Url) ? "Input.Url" : "Input.TargetId";

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if ((await actors.GetAsync(ct)).PersonId is not { } personId) return false;
        Webhooks = await queries.MineAsync(personId, ct);
        return true;
    }
}
