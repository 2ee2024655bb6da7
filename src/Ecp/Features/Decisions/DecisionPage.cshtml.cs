using Ecp.Common;
using Ecp.Features.Registry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ecp.Features.Decisions;

public sealed class DecisionPageModel(DecisionQueries queries, ActorAccessor actors, MemberStateCatalog states) : PageModel
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

    public async Task<IActionResult> OnPostPositionAsync(Guid id, [FromServices] StatePosition useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, Position, ct),
            "Decision.PositionRecorded", Here(id), () => LoadAsync(id, ct), f => $"Position.{f}");

    public async Task<IActionResult> OnPostAdviseAsync(Guid id, [FromServices] StateAdvisoryView useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, Advice, ct),
            "Decision.AdvisoryRecorded", Here(id), () => LoadAsync(id, ct), f => $"Advice.{f}");

    public async Task<IActionResult> OnPostCloseAsync(Guid id, [FromServices] CloseDecision useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, Close, ct),
            "Decision.OutcomeRecorded", Here(id), () => LoadAsync(id, ct), f => $"Close.{f}");

    private static string Here(Guid id) => $"/decisions/{id}";

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
