using Ecp.Common;
using Ecp.Data;
using Ecp.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Accountability;

/// <summary>The public dashboard (results by status for each body and year of adoption) and the
/// list of results, filtered by status and body, a page at a time. The secretariat defines a
/// result here (the form is on the adopted document's page).</summary>
public sealed class ResultsPageModel(ResultQueries queries, ActorAccessor actors, AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Body { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty] public DefineResult.Command Define { get; set; } = new();

    public IReadOnlyList<DashboardRow> Dashboard { get; private set; } = [];
    public IReadOnlyList<ResultSummary> Results { get; private set; } = [];
    public string? Next { get; private set; }
    public IReadOnlyList<(string Value, string Text)> StatusOptions { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> BodyOptions { get; private set; } = [];

    /// <summary>The filters as a query string, for the pager's links.</summary>
    public string FilterQuery => string.Join("&", new[]
    {
        string.IsNullOrEmpty(Status) ? null : "status=" + Uri.EscapeDataString(Status),
        Body is null ? null : $"body={Body}",
    }.OfType<string>());

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostDefineAsync([FromServices] DefineResult useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), Define, ct), "Results.Defined", r => $"/results/{r.Id}",
            async () => { await LoadAsync(ct); return true; }, f => $"Define.{f}");

    private async Task LoadAsync(CancellationToken ct)
    {
        Dashboard = await queries.DashboardAsync(null, ct);
        (Results, Next) = await queries.ListAsync(new ResultQueries.ListFilter(null, Status, Body), After, null, ct);
        StatusOptions = [("", l["Results.AllStatuses"]), .. Enum.GetValues<ResultStatus>().Select(s => (s.ToCode(), l["ResultStatus." + s.ToCode()].Value))];
        var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Name).Take(Paging.MaxPageSize).Select(b => new { b.Id, b.Name }).ToListAsync(ct);
        BodyOptions = [("", l["Results.AllBodies"]), .. bodies.Select(b => (b.Id.ToString(), b.Name))];
    }
}
