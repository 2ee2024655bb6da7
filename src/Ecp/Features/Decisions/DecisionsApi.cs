using Ecp.Common;
using Ecp.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Decisions;

public static class DecisionsApi
{
    public static RouteGroupBuilder MapDecisionsApi(this RouteGroupBuilder api)
    {
        var decisions = api.MapGroup("/decisions").WithTags("Decisions");

        var writes = decisions.MapGroup("").RequireApiWriter();

        writes.MapPost("/", async Task<Results<Created<DecisionView>, ProblemHttpResult>> (OpenDecision.Command command, OpenDecision useCase, ActorAccessor actors, DecisionQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), command, ct).ToHttpResultAsync(async decision =>
                    TypedResults.Created($"/api/v1/decisions/{decision.Id}", (await queries.GetAsync(decision.Id, ct))!), l))
            .WithName("OpenDecision")
            .WithSummary("Put the current version of a document to a body for decision (secretariat).");

        decisions.MapGet("/{id:guid}", async Task<Results<Ok<DecisionView>, ProblemHttpResult>> (Guid id, DecisionQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await queries.GetAsync(id, ct)).OkOr(new DecisionNotFound(), l))
            .WithName("GetDecision").WithSummary("Positions by Member State and regional group, advisory views by stakeholder group, the outcome.");

        writes.MapPost("/{id:guid}/positions", async Task<Results<Ok<DecisionView>, ProblemHttpResult>> (Guid id, StatePosition.Command command, StatePosition useCase, ActorAccessor actors, DecisionQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct).ToHttpResultAsync(async _ => TypedResults.Ok((await queries.GetAsync(id, ct))!), l))
            .WithName("StatePosition")
            .WithSummary("State your Member State's formal position; it replaces the State's earlier one (delegates).");

        writes.MapPost("/{id:guid}/advisory-views", async Task<Results<Ok<DecisionView>, ProblemHttpResult>> (Guid id, StateAdvisoryView.Command command, StateAdvisoryView useCase, ActorAccessor actors, DecisionQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct).ToHttpResultAsync(async _ => TypedResults.Ok((await queries.GetAsync(id, ct))!), l))
            .WithName("StateAdvisoryView")
            .WithSummary("State an advisory view: recorded beside the positions, never counted (non-government stakeholders).");

        writes.MapPost("/{id:guid}/close", async Task<Results<Ok<DecisionView>, ProblemHttpResult>> (Guid id, CloseDecision.Command command, CloseDecision useCase, ActorAccessor actors, DecisionQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct).ToHttpResultAsync(async _ => TypedResults.Ok((await queries.GetAsync(id, ct))!), l))
            .WithName("CloseDecision")
            .WithSummary("Record the outcome by the consensus rule (secretariat).");
        return api;
    }
}
