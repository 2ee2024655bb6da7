using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Registry;
using Ecp.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Secretariat;

/// <summary>The secretariat's queue. The folder requires a log-in; the use cases check the role.</summary>
public sealed class AccreditationsModel(AppDbContext db, ActorAccessor actors, MemberStateCatalog states, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record PendingItem(Accreditation Accreditation, string PersonName, string Target);

    public IReadOnlyList<PendingItem> Pending { get; private set; } = [];
    public string? Next { get; private set; }

    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
        => (await actors.GetAsync(ct)).IsSecretariat && await LoadAsync(ct) ? Page() : Forbid();

    public async Task<IActionResult> OnPostApproveAsync(Guid id, [FromServices] ApproveAccreditation useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(await actors.GetAsync(ct), id, new(), ct);
        return await AfterAsync(result.Error, id, ct);
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, [FromServices] RejectAccreditation useCase, CancellationToken ct)
    {
        var reason = Request.Form[$"Reject_{id:N}.Reason"].ToString();
        var result = await useCase.HandleAsync(await actors.GetAsync(ct), id, new() { Reason = reason }, ct);
        return await AfterAsync(result.Error, id, ct);
    }

    /// <summary>Back to the queue; an error is shown beside the request it concerns.</summary>
    private async Task<IActionResult> AfterAsync(Error? error, Guid id, CancellationToken ct)
        => error is null
            ? Redirect("/secretariat/accreditations")
            : await this.FailedAsync(error, redisplay: () => LoadAsync(ct), fieldKey: f => $"Reject_{id:N}.{f}");

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        // A page of the queue, oldest first; names are read for that page only.
        var (page, next) = await AccreditationQueue.PageAsync(db.Accreditations.AsNoTracking().Where(a => a.Status == AccreditationStatus.Pending), After, null, ct);
        Next = next;
        var personIds = page.Select(a => a.PersonId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => EF.Parameter(personIds).Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, ct);
        var rows = page.Where(a => names.ContainsKey(a.PersonId)).Select(a => new { a, DisplayName = names[a.PersonId] }).ToList();
        var orgIds = rows.Where(r => r.a.OrganizationId != null).Select(r => r.a.OrganizationId!.Value).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => EF.Parameter(orgIds).Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        Pending = rows.Select(r => new PendingItem(r.a, r.DisplayName, r.a.TargetName(states, orgs, l))).ToList();
        return true;
    }
}
