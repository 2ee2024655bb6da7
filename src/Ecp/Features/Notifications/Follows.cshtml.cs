using Ecp.Common;
using Ecp.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Notifications;

/// <summary>
/// /follows: what the person follows, and the handlers of every follow button
/// (_FollowButton.cshtml posts here from any page and comes back to it).
/// </summary>
[Authorize]
public sealed class FollowsModel(FollowQueries queries, ActorAccessor actors, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<FollowView> Follows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        if (actor.PersonId is not { } personId) return Challenge();
        Follows = await queries.MineAsync(personId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostFollowAsync(Guid? bodyId, Guid? consultationId, string? returnUrl, [FromServices] FollowTarget useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(await actors.GetAsync(ct), new FollowTarget.Command { BodyId = bodyId, ConsultationId = consultationId }, ct);
        return await Done(result.Error, "Follow.Followed", returnUrl, ct);
    }

    public async Task<IActionResult> OnPostUnfollowAsync(Guid followId, string? returnUrl, [FromServices] UnfollowTarget useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(await actors.GetAsync(ct), followId, ct);
        return await Done(result.Error, "Follow.Unfollowed", returnUrl, ct);
    }

    /// <summary>Back to the page the button was on, with its notice; an error is shown here.</summary>
    private async Task<IActionResult> Done(Error? error, string doneKey, string? returnUrl, CancellationToken ct)
    {
        if (error is UnauthenticatedError) return Challenge();
        if (error is null)
        {
            TempData["Done"] = doneKey;
            return LocalRedirect(ReturnUrl.Safe(returnUrl, fallback: "/follows"));
        }
        error.AddTo(ModelState, l, prefix: "Follow");
        return await OnGetAsync(ct);
    }
}
