using Ecp.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ecp.Features.AnnualReports;

/// <summary>One year's compliance: every requested organization on time, late (by how many days),
/// with an extension, missing or still awaited, computed from the clock; a chart of the counts
/// with the table as its alternative.</summary>
public sealed class ReportingCycleModel(ReportQueries queries, ActorAccessor actors) : PageModel
{
    /// <summary>The secretariat's compilation form (the cycle closed).</summary>
    [BindProperty] public PublishCompilation.Command Compile { get; set; } = new();

    public bool IsSecretariat { get; private set; }

    /// <summary>A reporter of an organization the cycle requested: the page links to their report's form.</summary>
    public bool IsRequestedReporter { get; private set; }

    /// <summary>The current compilation, once published.</summary>
    public CompilationView? Compilation { get; private set; }

    /// <summary>The order of the statuses in the chart and the legend.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["on-time", "late", "missing", "awaited"];

    public CycleView Cycle { get; private set; } = null!;

    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken ct) => await LoadAsync(year, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCloseAsync(int year, [FromServices] CloseReportingCycle useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), year, ct), "Reports.Closed", $"/reports/{year}", () => LoadAsync(year, ct));

    public async Task<IActionResult> OnPostCompileAsync(int year, [FromServices] PublishCompilation useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), year, Compile, ct), "Reports.CompilationPublished", $"/reports/{year}/compilation",
            () => LoadAsync(year, ct), f => $"Compile.{f}");

    private async Task<bool> LoadAsync(int year, CancellationToken ct)
    {
        if (await queries.CycleAsync(year, ct) is not { } cycle) return false;
        Cycle = cycle;
        Counts = Statuses.ToDictionary(s => s, s => cycle.Compliance.Count(r => r.Status == s));
        var actor = await actors.GetAsync(ct);
        IsSecretariat = actor.IsSecretariat;
        IsRequestedReporter = actor is { Role: Role.Reporter, OrganizationId: { } organization } && cycle.Compliance.Any(r => r.OrganizationId == organization);
        if (cycle.State != "open") Compilation = await queries.CompilationAsync(year, ct);
        return true;
    }
}
