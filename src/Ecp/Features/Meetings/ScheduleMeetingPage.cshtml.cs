using Ecp.Common;
using Ecp.Data;
using Ecp.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Meetings;

/// <summary>The secretariat schedules a meeting of a body.</summary>
[Authorize]
public sealed class ScheduleMeetingPageModel(AppDbContext db, ActorAccessor actors, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public MeetingForm Form { get; set; } = new();

    public IReadOnlyList<(string, string)> BodyOptions { get; private set; } = [];

    public IReadOnlyList<(string, string)> KindOptions => MeetingOptions.Kinds(l);

    public async Task<IActionResult> OnGetAsync(Guid? body, CancellationToken ct)
    {
        if (!(await actors.GetAsync(ct)).IsSecretariat) return Forbid();
        Form = Form with { BodyId = body };
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] ScheduleMeeting useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), Form.ToSchedule(), ct), "Meetings.Scheduled", m => $"/meetings/{m.Id}",
            async () => { await LoadAsync(ct); return true; }, f => MeetingForm.FieldOf(nameof(Form), f));

    private async Task LoadAsync(CancellationToken ct)
    {
        var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(ct);
        BodyOptions = [("", l["Common.Choose"]), .. bodies.Select(b => (b.Id.ToString(), b.Name))];
    }
}

/// <summary>The choices the meeting forms offer, in the page's language.</summary>
public static class MeetingOptions
{
    public static IReadOnlyList<(string, string)> Kinds(IStringLocalizer l)
        => Enum.GetValues<MeetingKind>().Select(k => (k.ToCode(), l["MeetingKind." + k.ToCode()].Value)).ToList();

    public static IReadOnlyList<(string, string)> Capacities(IStringLocalizer l)
        => Enum.GetValues<AttendanceCapacity>().Select(c => (c.ToCode(), l["AttendanceCapacity." + c.ToCode()].Value)).ToList();
}
