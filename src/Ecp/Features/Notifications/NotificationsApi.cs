using Ecp.Common;
using Ecp.Resources;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Notifications;

public static class NotificationsApi
{
    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var follows = api.MapGroup("/follows").WithTags("Notifications");

        follows.MapGet("/", async (ActorAccessor actors, FollowQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await actors.GetAsync(ct) is { PersonId: { } personId }
                    ? TypedResults.Ok(await queries.MineAsync(personId, ct))
                    : new UnauthenticatedError().ToUntypedProblem(l))
            .RequireApiToken()
            .WithName("ListFollows").Produces<List<FollowView>>()
            .WithSummary("What the caller follows.");

        follows.MapPost("/", async (FollowTarget.Command command, FollowTarget useCase, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await useCase.HandleAsync(await actors.GetAsync(ct), command, ct)).ToUntypedHttpResult(f => f.Created
                    ? TypedResults.Created($"/api/v1/follows/{f.Follow.Id}", f.Follow)
                    : TypedResults.Ok(f.Follow), l))
            .RequireApiWriter()
            .WithName("FollowTarget").Produces<FollowView>(StatusCodes.Status201Created).Produces<FollowView>()
            .WithSummary("Follow a body or a consultation ({bodyId} or {consultationId}): e-mail when it opens, is extended, or is about to close. Following again answers the same follow.");

        follows.MapDelete("/{id:guid}", async (Guid id, UnfollowTarget useCase, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await useCase.HandleAsync(await actors.GetAsync(ct), id, ct)).ToUntypedHttpResult(_ => TypedResults.NoContent(), l))
            .RequireApiWriter()
            .WithName("UnfollowTarget").Produces(StatusCodes.Status204NoContent)
            .WithSummary("Stop following; no more notices from it.");
        return api;
    }
}
