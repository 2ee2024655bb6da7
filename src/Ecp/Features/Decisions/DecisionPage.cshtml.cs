using Ecp.Common;
using Ecp.Features.Registry;
using Ecp.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Decisions;

public sealed class DecisionPageModel(DecisionQueries queries, ActorAccessor actors, MemberStateCatalog states, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public StatePosition.Command Position { get; set; } = new();
    [BindProperty] public StateAdvisoryView.Command Advice { get; set; } = new();
    [BindProperty] public CloseDecision.Command Close { get; set; } = new();

    public DecisionView Decision { get; private set; } = null!;
    public bool IsDelegate { get; private set; }
    public bool IsStakeholder { get; private set; }
    public bool IsChair { get; private set; }
    public string ActorStateName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostPositionAsync(Guid id, [FromServices] StatePosition useCase, CancellationToken ct)
        => Act(id, "Position", "Decision.PositionRecorded", async a => (await useCase.HandleAsync(a, id, Position, ct)).Error, ct);

    public Task<IActionResult> OnPostAdviseAsync(Guid id, [FromServices] StateAdvisoryView useCase, CancellationToken ct)
        => Act(id, "Advice", "Decision.AdvisoryRecorded", async a => (await useCase.HandleAsync(a, id, Advice, ct)).Error, ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, [FromServices] CloseDecision useCase, CancellationToken ct)
        => Act(id, "Close", "Decision.OutcomeRecorded", async a => (await useCase.HandleAsync(a, id, Close, ct)).Error, ct);

    private async Task<IActionResult> Act(Guid id, string prefix, string doneKey, Func<Actor, Task<Error?>> action, CancellationToken ct)
    {
        var error = await action(await actors.GetAsync(ct));
        if (error is null)
        {
            TempData["Done"] = doneKey;
            return Redirect($"/decisions/{id}");
        }
        if (error is UnauthenticatedError) return Challenge();
        if (error is NotFoundError) return NotFound();
        error.AddTo(ModelState, l, prefix);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } decision) return false;
        Decision = decision;
        var actor = await actors.GetAsync(ct);
        IsDelegate = actor.Role == Role.Delegate;
        IsStakeholder = actor.Role is Role.Stakeholder or Role.Reporter;
        IsChair = actor.IsSecretariat;
        ActorStateName = states.Find(actor.MemberStateCode)?.Name ?? "";
        return true;
    }
}
