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

        decisions.MapPost("/", async (OpenDecision.Command command, OpenDecision useCase, ActorAccessor actors, DecisionQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var result = await useCase.HandleAsync(await actors.GetAsync(ct), command, ct);
                return result.IsSuccess ? TypedResults.Created($"/api/v1/decisions/{result.Value.Id}", await queries.GetAsync(result.Value.Id, ct)) : result.Error!.ToUntypedProblem(l);
            })
            .RequireApiWriter().WithName("OpenDecision").Produces<DecisionView>(StatusCodes.Status201Created)
            .WithSummary("Put the current version of a document to a body for decision (secretariat).");

        decisions.MapGet("/{id:guid}", async Task<Results<Ok<DecisionView>, ProblemHttpResult>> (Guid id, DecisionQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await queries.GetAsync(id, ct) is { } d ? TypedResults.Ok(d) : (ProblemHttpResult)new DecisionNotFound().ToUntypedProblem(l))
            .WithName("GetDecision").WithSummary("Positions by Member State and regional group, advisory views by stakeholder group, the outcome.");

        decisions.MapPost("/{id:guid}/positions", async (Guid id, StatePosition.Command command, StatePosition useCase, ActorAccessor actors, DecisionQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var result = await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct);
                return result.IsSuccess ? TypedResults.Ok(await queries.GetAsync(id, ct)) : result.Error!.ToUntypedProblem(l);
            })
            .RequireApiWriter().WithName("StatePosition").Produces<DecisionView>()
            .WithSummary("State your Member State's formal position; it replaces the State's earlier one (delegates).");

        decisions.MapPost("/{id:guid}/advisory-views", async (Guid id, StateAdvisoryView.Command command, StateAdvisoryView useCase, ActorAccessor actors, DecisionQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var result = await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct);
                return result.IsSuccess ? TypedResults.Ok(await queries.GetAsync(id, ct)) : result.Error!.ToUntypedProblem(l);
            })
            .RequireApiWriter().WithName("StateAdvisoryView").Produces<DecisionView>()
            .WithSummary("State an advisory view: recorded beside the positions, never counted (non-government stakeholders).");

        decisions.MapPost("/{id:guid}/close", async (Guid id, CloseDecision.Command command, CloseDecision useCase, ActorAccessor actors, DecisionQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var result = await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct);
                return result.IsSuccess ? TypedResults.Ok(await queries.GetAsync(id, ct)) : result.Error!.ToUntypedProblem(l);
            })
            .RequireApiWriter().WithName("CloseDecision").Produces<DecisionView>()
            .WithSummary("Record the outcome by the consensus rule (secretariat).");
        return api;
    }
}
