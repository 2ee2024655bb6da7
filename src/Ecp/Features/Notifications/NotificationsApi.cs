using Ecp.Common;
using Ecp.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Notifications;

public static class NotificationsApi
{
    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var follows = api.MapGroup("/follows").WithTags("Notifications");
        var reads = follows.MapGroup("").RequireApiToken();
        var writes = follows.MapGroup("").RequireApiWriter();

        reads.MapGet("/", async (ActorAccessor actors, FollowQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await actors.GetAsync(ct) is { PersonId: { } personId } ? await queries.MineAsync(personId, ct) : null).OkOr(new UnauthenticatedError(), l))
            .WithName("ListFollows")
            .WithSummary("What the caller follows.");

        writes.MapPost("/", async (FollowTarget.Command command, FollowTarget useCase, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await useCase.HandleAsync(await actors.GetAsync(ct), command, ct)).ToHttpResult(Answer, l))
            .WithName("FollowTarget")
            .WithSummary("Follow a body or a consultation ({bodyId} or {consultationId}): e-mail when it opens, is extended, or is about to close. Following again answers the same follow.");

        writes.MapDelete("/{id:guid}", async (Guid id, UnfollowTarget useCase, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await useCase.HandleAsync(await actors.GetAsync(ct), id, ct)).ToHttpResult(_ => TypedResults.NoContent(), l))
            .WithName("UnfollowTarget")
            .WithSummary("Stop following; no more notices from it.");
        return api;
    }

    /// <summary>A new follow is created (201); following again answers the same follow (200).</summary>
    private static Results<Created<FollowView>, Ok<FollowView>> Answer(FollowTarget.Followed f)
        => f.Created ? TypedResults.Created($"/api/v1/follows/{f.Follow.Id}", f.Follow) : TypedResults.Ok(f.Follow);
}
