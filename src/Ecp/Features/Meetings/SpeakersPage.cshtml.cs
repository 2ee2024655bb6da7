using Ecp.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ecp.Features.Meetings;

/// <summary>The speakers list of a meeting, item by item; works without JavaScript (refresh the
/// page). A seated participant asks for the floor; the Chair moves a speaker up, gives and closes the floor.</summary>
public sealed class SpeakersPageModel(MeetingQueries queries, ActorAccessor actors) : PageModel
{
    public MeetingView Meeting { get; private set; } = null!;
    public IReadOnlyList<SpeakerView> Speakers { get; private set; } = [];
    public Actor Viewer { get; private set; } = Actor.Public;
    public bool IsSeated { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAskAsync(Guid id, int item, [FromServices] RequestFloor useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, new RequestFloor.Command { AgendaItem = item }, ct), "Speakers.Asked", Here(id), () => LoadAsync(id, ct));

    public async Task<IActionResult> OnPostGiveAsync(Guid id, Guid requestId, [FromServices] GiveFloor useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, requestId, ct), "Speakers.Updated", Here(id), () => LoadAsync(id, ct));

    public async Task<IActionResult> OnPostCloseAsync(Guid id, Guid requestId, [FromServices] CloseFloor useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, requestId, ct), "Speakers.Updated", Here(id), () => LoadAsync(id, ct));

    /// <summary>Swaps a waiting speaker with the one before: the Chair's order, one step at a time, without JavaScript.</summary>
    public async Task<IActionResult> OnPostMoveUpAsync(Guid id, Guid requestId, [FromServices] OrderSpeakers useCase, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var moved = Speakers.FirstOrDefault(s => s.Id == requestId);
        var queue = Speakers.Where(s => moved is not null && s.AgendaItem == moved.AgendaItem && s.Status == "waiting").Select(s => s.Id).ToList();
        var at = queue.IndexOf(requestId);
        if (at > 0) (queue[at - 1], queue[at]) = (queue[at], queue[at - 1]);
        return await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, new OrderSpeakers.Command { AgendaItem = moved?.AgendaItem, Order = queue }, ct),
            "Speakers.Updated", Here(id), () => LoadAsync(id, ct));
    }

    private static string Here(Guid id) => $"/meetings/{id}/speakers";

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } meeting) return false;
        Meeting = meeting;
        Speakers = (await queries.SpeakersAsync(id, ct))!;
        Viewer = await actors.GetAsync(ct);
        IsSeated = Viewer.PersonId is { } me && meeting.Registrations.Any(r => r.PersonId == me && r.Status is "seated" or "confirmed");
        return true;
    }
}
