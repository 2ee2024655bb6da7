using Ecp.Common;
using Ecp.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Webhooks;

public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this RouteGroupBuilder api)
    {
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks");
        var reads = webhooks.MapGroup("").RequireApiToken();
        var writes = webhooks.MapGroup("").RequireApiWriter();

        reads.MapGet("/", async (ActorAccessor actors, WebhookQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await actors.GetAsync(ct) is { PersonId: { } personId } ? await queries.MineAsync(personId, ct) : null).OkOr(new UnauthenticatedError(), l))
            .WithName("ListWebhooks")
            .WithSummary("The caller's webhook subscriptions (never their secrets).");

        reads.MapGet("/{id:guid}", async (Guid id, string? after, int? limit, HttpContext http, ActorAccessor actors, WebhookQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                if (await actors.GetAsync(ct) is not { PersonId: { } personId }) return ((WebhookDetail?)null).OkOr(new UnauthenticatedError(), l);
                var detail = await queries.DetailAsync(personId, id, after, limit, ct);
                Paging.LinkNext(http.Response, $"/api/v1/webhooks/{id}", detail?.Next, limit);
                return detail.OkOr(new WebhookNotFound(), l);
            })
            .WithName("GetWebhook")
            .WithSummary("One of the caller's subscriptions with its delivery log, newest first; the next page is ?after={next}.");

        writes.MapPost("/", async (CreateWebhook.Command command, CreateWebhook useCase, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await useCase.HandleAsync(await actors.GetAsync(ct), command, ct)).ToHttpResult(w => TypedResults.Created($"/api/v1/webhooks/{w.Id}", w), l))
            .WithName("CreateWebhook")
            .WithSummary("Subscribe an https URL to the events of a body, a consultation or a document ({bodyId}, {consultationId} or {documentId}, and {url}). The answer carries the signing secret, shown this once.");

        writes.MapPost("/{id:guid}/remove", async (Guid id, RemoveWebhook useCase, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await useCase.HandleAsync(await actors.GetAsync(ct), id, ct)).ToHttpResult(_ => TypedResults.NoContent(), l))
            .WithName("RemoveWebhook")
            .WithSummary("End a subscription: nothing more is sent to it; its log stays.");
        return api;
    }
}
