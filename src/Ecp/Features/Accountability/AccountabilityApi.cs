using Ecp.Common;
using Ecp.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Accountability;

public static class AccountabilityApi
{
    public static RouteGroupBuilder MapAccountabilityApi(this RouteGroupBuilder api)
    {
        var results = api.MapGroup("/results").WithTags("Accountability");
        var writes = results.MapGroup("").RequireApiWriter();

        results.MapGet("/", async (Guid? document, string? status, Guid? body, string? after, int? limit, ResultQueries queries, HttpContext http, CancellationToken ct) =>
            {
                var (page, next) = await queries.ListAsync(new ResultQueries.ListFilter(document, status, body), after, limit, ct);
                var filters = string.Join("&", new[]
                {
                    document is null ? null : $"document={document}",
                    status is null ? null : $"status={Uri.EscapeDataString(status)}",
                    body is null ? null : $"body={body}",
                }.OfType<string>());
                Paging.LinkNext(http.Response, "/api/v1/results", next, limit, filters);
                return TypedResults.Ok(page);
            })
            .WithName("ListResults")
            .WithSummary("Results derived from adopted documents, newest first, each with its status and its progress by the roll-up rule. Filters: ?document=, ?status= (not-started, in-progress, completed, delayed, discontinued), ?body=. A page at a time: ?limit=, ?after= from the Link rel=\"next\" header.");

        results.MapGet("/dashboard", async (Guid? body, ResultQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.DashboardAsync(body, ct)))
            .WithName("GetResultsDashboard")
            .WithSummary("For each body and year of adoption, how many results stand in each status; ?body= one body.");

        results.MapGet("/{id}", async Task<Results<Ok<ResultView>, ProblemHttpResult>> (Guid id, ResultQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await queries.GetAsync(id, ct)).OkOr(new ResultNotFound(), l))
            .WithName("GetResult")
            .WithSummary("One result: the document and paragraph it derives from, its status, its own progress and its progress by the stated roll-up rule, its children, milestones and implementing organizations, and the address of its history on the record.");

        writes.MapPost("/", async Task<Results<Created<ResultView>, ProblemHttpResult>> (DefineResult.Command command, DefineResult useCase, ActorAccessor actors,
                ResultQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), command, ct).ToHttpResultAsync(async r =>
                    TypedResults.Created($"/api/v1/results/{r.Id}", (await queries.GetAsync(r.Id, ct))!), l))
            .WithName("DefineResult")
            .WithSummary("Define a result derived from a document adopted by consensus (or one paragraph of its adopted version), optionally under a parent result of the same document, three levels at most (secretariat).");

        writes.MapPost("/{id}/status", async Task<Results<Ok<ResultView>, ProblemHttpResult>> (Guid id, UpdateResultStatus.Command command, UpdateResultStatus useCase,
                ActorAccessor actors, ResultQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct).ToHttpResultAsync(r => ViewAsync(queries, r.Id, ct), l))
            .WithName("UpdateResultStatus")
            .WithSummary("Change a result's status and, for a result without children, its progress (0-100), with a required reason that goes on the record (secretariat).");

        writes.MapPost("/{id}/milestones", async Task<Results<Ok<ResultView>, ProblemHttpResult>> (Guid id, AddMilestone.Command command, AddMilestone useCase,
                ActorAccessor actors, ResultQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct).ToHttpResultAsync(m => ViewAsync(queries, m.ResultId, ct), l))
            .WithName("AddMilestone")
            .WithSummary("Add a milestone with its due date to a result (secretariat).");

        writes.MapPost("/{id}/milestones/{milestoneId}/done", async Task<Results<Ok<ResultView>, ProblemHttpResult>> (Guid id, Guid milestoneId,
                CompleteMilestone.Command command, CompleteMilestone useCase, ActorAccessor actors, ResultQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, milestoneId, command, ct).ToHttpResultAsync(m => ViewAsync(queries, m.ResultId, ct), l))
            .WithName("CompleteMilestone")
            .WithSummary("Mark a milestone done on a date (today by default); a milestone is done once (secretariat).");

        writes.MapPost("/{id}/implementers", async Task<Results<Ok<ResultView>, ProblemHttpResult>> (Guid id, AssignImplementers.Command command, AssignImplementers useCase,
                ActorAccessor actors, ResultQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct).ToHttpResultAsync(r => ViewAsync(queries, r.Id, ct), l))
            .WithName("AssignImplementers")
            .WithSummary("Name the registry's organizations that implement a result; the list replaces the previous one (secretariat).");

        return api;
    }

    /// <summary>What a write answers: the result as it now reads.</summary>
    private static async Task<Ok<ResultView>> ViewAsync(ResultQueries queries, Guid id, CancellationToken ct) => TypedResults.Ok((await queries.GetAsync(id, ct))!);
}
