using Ecp.Common;
using Ecp.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Assessments;

public static class AssessmentsApi
{
    public static RouteGroupBuilder MapAssessmentsApi(this RouteGroupBuilder api)
    {
        var assessments = api.MapGroup("/assessments").WithTags("Assessments");

        var writes = assessments.MapGroup("").RequireApiWriter();

        assessments.MapGet("/", async Task<Ok<IReadOnlyList<AssessmentSummary>>> (string? after, int? limit, AssessmentQueries queries, HttpContext http, CancellationToken ct) =>
            {
                var list = await queries.ListAsync(after, limit, ct);
                Paging.LinkNext(http.Response, "/api/v1/assessments", list.Next, limit);
                return TypedResults.Ok(list.Items);
            })
            .WithName("ListAssessmentRounds").WithSummary("Assessment rounds, open ones first, then newest first, a page at a time (?limit=, at most 200; the Link header names the next page).");

        writes.MapPost("/", async Task<Results<Created<AssessmentView>, ProblemHttpResult>> (OpenAssessmentRound.Command command, OpenAssessmentRound useCase, ActorAccessor actors, AssessmentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), command, ct).ToHttpResultAsync(async round =>
                    TypedResults.Created($"/api/v1/assessments/{round.Id}", (await queries.GetAsync(round.Id, ct))!), l))
            .WithName("OpenAssessmentRound")
            .WithSummary("Open the next assessment round, on the dimensions given or the default five (secretariat).");

        assessments.MapGet("/trend", async (AssessmentQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.TrendAsync(ct)))
            .WithName("GetAssessmentTrend").WithSummary("Each stakeholder group's median per dimension in every round, the rounds in order.");

        assessments.MapGet("/{id:guid}", async Task<Results<Ok<AssessmentView>, ProblemHttpResult>> (Guid id, AssessmentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await queries.GetAsync(id, ct)).OkOr(new AssessmentNotFound(), l))
            .WithName("GetAssessmentRound").WithSummary("A round: its dimensions, the standing ratings (one per State or person and dimension) and every rating given.");

        writes.MapPost("/{id:guid}/close", async Task<Results<Ok<AssessmentView>, ProblemHttpResult>> (Guid id, CloseAssessmentRound useCase, ActorAccessor actors, AssessmentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, ct).ToHttpResultAsync(async _ => TypedResults.Ok((await queries.GetAsync(id, ct))!), l))
            .WithName("CloseAssessmentRound")
            .WithSummary("Close a round: no rating after it (secretariat).");

        writes.MapPost("/{id:guid}/ratings", async Task<Results<Ok<AssessmentView>, ProblemHttpResult>> (Guid id, RateDimension.Command command, RateDimension useCase, ActorAccessor actors, AssessmentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct).ToHttpResultAsync(async _ => TypedResults.Ok((await queries.GetAsync(id, ct))!), l))
            .WithName("RateDimension")
            .WithSummary("Rate one dimension 1-5 with an optional comment; it replaces your earlier rating, or your State's for a delegate (accredited participants).");

        assessments.MapGet("/{id:guid}/results", async Task<Results<Ok<AssessmentResultsView>, ProblemHttpResult>> (Guid id, AssessmentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await queries.ResultsAsync(id, ct)).OkOr(new AssessmentNotFound(), l))
            .WithName("GetAssessmentResults").WithSummary("Per dimension and stakeholder group: count, distribution of 1-5 and median; the between-group gap per dimension. Never one figure mixing the groups.");

        assessments.MapGet("/{id:guid}/results.csv", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, AssessmentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await queries.ResultsAsync(id, ct) is { } results
                    ? TypedResults.File(AssessmentCsv.Write(results), AssessmentCsv.MediaType, $"assessment-{results.Number}-results.csv")
                    : new AssessmentNotFound().ToProblem(l))
            .Produces<string>(StatusCodes.Status200OK, AssessmentCsv.MediaType)
            .WithName("GetAssessmentResultsCsv").WithSummary("The results as CSV: a row per dimension and stakeholder group (count, n1..n5, median), then a between-group-gap row per dimension.");
        return api;
    }
}
