using Ecp.Common;
using Ecp.Data;
using Ecp.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Consultations;

public static class ConsultationsApi
{
    public static RouteGroupBuilder MapConsultationsApi(this RouteGroupBuilder api)
    {
        var consultations = api.MapGroup("/consultations").WithTags("Consultations");

        consultations.MapGet("/", (ConsultationQueries queries, CancellationToken ct) => queries.ListAsync(ct));

        consultations.MapGet("/{id:guid}", async Task<Results<Ok<ConsultationView>, ProblemHttpResult>> (Guid id, ConsultationQueries queries, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await queries.GetAsync(id, await actors.GetAsync(ct), ct) is { } c ? TypedResults.Ok(c) : (ProblemHttpResult)new NotFoundError("Consultation.NotFound").ToProblem(l))
            .WithSummary("A consultation with its questions, contributions (as consent allows) and attribution counts.");

        consultations.MapPost("/", async (DraftConsultation.Command command, DraftConsultation useCase, ActorAccessor actors, ConsultationQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                var result = await useCase.HandleAsync(actor, command, ct);
                return result.IsSuccess ? TypedResults.Created($"/api/v1/consultations/{result.Value.Id}", await queries.GetAsync(result.Value.Id, actor, ct)) : result.Error!.ToProblem(l);
            })
            .RequireApiWriter().WithSummary("Prepare a consultation (secretariat).");

        consultations.MapPost("/{id:guid}/open", async (Guid id, ChangeConsultation useCase, ActorAccessor actors, ConsultationQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                var result = await useCase.OpenAsync(actor, id, ct);
                return result.IsSuccess ? TypedResults.Ok(await queries.GetAsync(id, actor, ct)) : result.Error!.ToProblem(l);
            })
            .RequireApiWriter().WithSummary("Open a drafted consultation (secretariat).");

        consultations.MapPost("/{id:guid}/extensions", async (Guid id, ChangeConsultation.Extension command, ChangeConsultation useCase, ActorAccessor actors, ConsultationQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                var result = await useCase.ExtendAsync(actor, id, command, ct);
                return result.IsSuccess ? TypedResults.Ok(await queries.GetAsync(id, actor, ct)) : result.Error!.ToProblem(l);
            })
            .RequireApiWriter().WithSummary("Move the closing instant later, with a reason (secretariat).");

        consultations.MapPost("/{id:guid}/contributions", async (Guid id, SubmitContribution.Command command, SubmitContribution useCase, ActorAccessor actors, AppDbContext db, ConsultationQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                var result = await useCase.HandleAsync(actor, id, command, ct);
                return result.IsSuccess
                    ? TypedResults.Created($"/api/v1/contributions/{result.Value.Id}", await ViewAsync(db, queries, actor, result.Value, ct))
                    : result.Error!.ToProblem(l);
            })
            .RequireApiWriter().WithSummary("Answer an open consultation; acknowledged only once stored (eligible delegates and stakeholders).");

        var contributions = api.MapGroup("/contributions").WithTags("Consultations");

        contributions.MapPut("/{id:guid}", async (Guid id, SubmitContribution.Command command, ChangeContribution useCase, ActorAccessor actors, AppDbContext db, ConsultationQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                var result = await useCase.EditAsync(actor, id, command, ct);
                return result.IsSuccess ? TypedResults.Ok(await ViewAsync(db, queries, actor, result.Value, ct)) : result.Error!.ToProblem(l);
            })
            .RequireApiWriter().WithSummary("Edit your contribution until the close; every version is kept.");

        contributions.MapPost("/{id:guid}/withdraw", async (Guid id, ChangeContribution useCase, ActorAccessor actors, AppDbContext db, ConsultationQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                var result = await useCase.WithdrawAsync(actor, id, ct);
                return result.IsSuccess ? TypedResults.Ok(await ViewAsync(db, queries, actor, result.Value, ct)) : result.Error!.ToProblem(l);
            })
            .RequireApiWriter().WithSummary("Withdraw your contribution; it stays on the record.");

        contributions.MapPost("/{id:guid}/hide", async (Guid id, HideContribution.Command command, HideContribution useCase, ActorAccessor actors, AppDbContext db, ConsultationQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                var result = await useCase.HandleAsync(actor, id, command, ct);
                return result.IsSuccess ? TypedResults.Ok(await ViewAsync(db, queries, actor, result.Value, ct)) : result.Error!.ToProblem(l);
            })
            .RequireApiWriter().WithSummary("Hide a contribution with a reason; it stays counted and on the record (secretariat).");

        contributions.MapGet("/{id:guid}/versions", async Task<Results<Ok<ContributionVersionView[]>, ProblemHttpResult>> (Guid id, AppDbContext db, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                var c = await db.Contributions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
                if (c is null) return (ProblemHttpResult)new NotFoundError("Contribution.NotFound").ToProblem(l);
                var privileged = actor.IsSecretariat || actor.PersonId == c.AuthorId;
                return TypedResults.Ok(c.Versions.OrderBy(v => v.Number)
                    .Select(v => new ContributionVersionView(v.Number, v.Language, v.SubmittedAt,
                        c.IsHidden && !privileged ? null : v.Answers.Select(a => new AnswerView(a.Question, a.Text)).ToList())).ToArray());
            })
            .WithSummary("Every version of a contribution.");
        return api;
    }

    private static async Task<ContributionView> ViewAsync(AppDbContext db, ConsultationQueries queries, Actor actor, Contribution c, CancellationToken ct)
    {
        var organizations = c.OrganizationId is { } o
            ? await db.Organizations.AsNoTracking().Where(x => x.Id == o).ToDictionaryAsync(x => x.Id, ct)
            : new Dictionary<Guid, Registry.Organization>();
        return queries.ToView(c, actor, organizations);
    }
}

public sealed record ContributionVersionView(int Number, string Language, DateTimeOffset SubmittedAt, IReadOnlyList<AnswerView>? Answers);
