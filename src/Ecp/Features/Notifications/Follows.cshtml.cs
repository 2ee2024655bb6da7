using Ecp.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ecp.Features.Notifications;

/// <summary>
/// /follows: what the person follows, and the handlers of every follow button
/// (_FollowButton.cshtml posts here from any page and comes back to it).
/// </summary>
[Authorize]
public sealed class FollowsModel(FollowQueries queries, ActorAccessor actors) : PageModel
{
    public IReadOnlyList<FollowView> Follows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Challenge();

    public async Task<IActionResult> OnPostFollowAsync(Guid? bodyId, Guid? consultationId, string? returnUrl, [FromServices] FollowTarget useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), new FollowTarget.Command { BodyId = bodyId, ConsultationId = consultationId }, ct),
            done: "Follow.Followed", redirectTo: ReturnUrl.Safe(returnUrl, fallback: "/follows"), redisplay: () => LoadAsync(ct), fieldKey: FieldKey);

    public async Task<IActionResult> OnPostUnfollowAsync(Guid followId, string? returnUrl, [FromServices] UnfollowTarget useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), followId, ct),
            done: "Follow.Unfollowed", redirectTo: ReturnUrl.Safe(returnUrl, fallback: "/follows"), redisplay: () => LoadAsync(ct), fieldKey: FieldKey);

    // Done: back to the page the button was on, with its notice. An error is shown here, at the top.
    private static string FieldKey(string field) => $"Follow.{field}";

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if ((await actors.GetAsync(ct)).PersonId is not { } personId) return false;
        Follows = await queries.MineAsync(personId, ct);
        return true;
    }
}
