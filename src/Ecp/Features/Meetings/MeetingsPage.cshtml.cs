using Ecp.Common;
using Ecp.Data;
using Ecp.Resources;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Meetings;

/// <summary>Meetings, latest first, of every body or of one (?body=), a page at a time.</summary>
public sealed class MeetingsPageModel(MeetingQueries queries, AppDbContext db, ActorAccessor actors, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<MeetingSummary> Items { get; private set; } = [];
    public string? Next { get; private set; }
    public string? After { get; private set; }
    public Guid? Body { get; private set; }
    public string? BodyName { get; private set; }
    public IReadOnlyList<(string, string)> BodyOptions { get; private set; } = [];
    public bool CanSchedule { get; private set; }

    public async Task OnGetAsync(Guid? body, string? after, CancellationToken ct)
    {
        var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Name).Take(Paging.MaxPageSize).Select(b => new { b.Id, b.Name }).ToListAsync(ct);
        BodyOptions = [("", l["Meetings.AllBodies"]), .. bodies.Select(b => (b.Id.ToString(), b.Name))];
        Body = body;
        BodyName = body is { } id ? await db.Bodies.AsNoTracking().Where(b => b.Id == id).Select(b => b.Name).FirstOrDefaultAsync(ct) : null;
        After = after;
        (var page, Next) = await queries.ListAsync(body, after, null, ct);
        Items = page;
        CanSchedule = (await actors.GetAsync(ct)).IsSecretariat;
    }
}
