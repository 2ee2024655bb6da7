using Ecp.Common;
using Ecp.Data;
using Ecp.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Accountability;

/// <summary>One result: where it derives from, its progress with the rule stated, its children,
/// milestones and implementers; the secretariat's forms (status, child result, milestones,
/// implementers), each one use case on the record.</summary>
public sealed class ResultPageModel(ResultQueries queries, ActorAccessor actors, AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public UpdateResultStatus.Command Update { get; set; } = new();
    [BindProperty] public DefineResult.Command Child { get; set; } = new();
    [BindProperty] public AddMilestone.Command Milestone { get; set; } = new();
    [BindProperty] public AssignImplementers.Command Implementers { get; set; } = new();

    public ResultView Result { get; private set; } = null!;
    public bool IsSecretariat { get; private set; }
    public IReadOnlyList<(string Value, string Text)> StatusOptions { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> OrganizationChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStatusAsync(Guid id, [FromServices] UpdateResultStatus useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, Update, ct), "Results.StatusUpdated", Here(id),
            () => LoadAsync(id, ct), f => $"Update.{f}");

    public async Task<IActionResult> OnPostChildAsync(Guid id, [FromServices] DefineResult useCase, CancellationToken ct)
    {
        var parent = await db.Results.AsNoTracking().Where(r => r.Id == id).Select(r => (Guid?)r.DocumentId).FirstOrDefaultAsync(ct);
        if (parent is null) return NotFound();
        return await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), Child with { DocumentId = parent, ParentId = id }, ct), "Results.Defined",
            r => Here(r.Id), () => LoadAsync(id, ct), f => $"Child.{f}");
    }

    public async Task<IActionResult> OnPostMilestoneAsync(Guid id, [FromServices] AddMilestone useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, Milestone, ct), "Results.MilestoneAdded", Here(id),
            () => LoadAsync(id, ct), f => $"Milestone.{f}");

    public async Task<IActionResult> OnPostDoneAsync(Guid id, Guid milestoneId, [FromServices] CompleteMilestone useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, milestoneId, new CompleteMilestone.Command(), ct), "Results.MilestoneDone", Here(id),
            () => LoadAsync(id, ct));

    public async Task<IActionResult> OnPostImplementersAsync(Guid id, [FromServices] AssignImplementers useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, Implementers, ct), "Results.ImplementersAssigned", Here(id),
            () => LoadAsync(id, ct), f => $"Implementers.{f}");

    private static string Here(Guid id) => $"/results/{id}";

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } result) return false;
        Result = result;
        IsSecretariat = (await actors.GetAsync(ct)).IsSecretariat;
        if (!IsSecretariat) return true;
        StatusOptions = Enum.GetValues<ResultStatus>().Select(s => (s.ToCode(), l["ResultStatus." + s.ToCode()].Value)).ToList();
        // The form offers the relevant organizations and those already named; any other
        // organization of the registry can be named through the API by its id.
        var named = result.Implementers.Select(i => i.OrganizationId).ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.IsRelevantOrganization || named.Contains(o.Id))
            .OrderBy(o => o.Name).Take(Paging.MaxPageSize).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        OrganizationChoices = organizations.Select(o => (o.Id, o.Name)).ToList();
        return true;
    }
}
