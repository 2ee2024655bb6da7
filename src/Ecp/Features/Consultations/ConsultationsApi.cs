using System.Security.Claims;
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

        consultations.MapGet("/", async (string? after, int? limit, ConsultationQueries queries, HttpContext http, CancellationToken ct) =>
            {
                var list = await queries.ListAsync(after, limit, ct);
                Paging.LinkNext(http.Response, "/api/v1/consultations", list.Next, limit);
                return list.Items;
            })
            .WithName("ListConsultations").WithSummary("Consultations, newest first, a page at a time (?limit=, at most 200; the Link header names the next page).");

        consultations.MapGet("/{id:guid}", async Task<Results<Ok<ConsultationView>, ProblemHttpResult>> (Guid id, int? after, int? limit, ConsultationQueries queries, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await queries.GetAsync(id, await actors.GetAsync(ct), after, limit, ct) is { } c ? TypedResults.Ok(c) : (ProblemHttpResult)new ConsultationNotFound().ToUntypedProblem(l))
            .WithName("GetConsultation").WithSummary("A consultation with its questions, attribution counts over all contributions, and the first page of contributions (as consent allows); next links to the following page.");

        consultations.MapGet("/{id:guid}/contributions", async Task<Results<Ok<ContributionPage>, ProblemHttpResult>> (Guid id, int? after, int? limit, ConsultationQueries queries, AppDbContext db, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await db.Consultations.AnyAsync(c => c.Id == id, ct)
                    ? TypedResults.Ok(await queries.PageAsync(id, await actors.GetAsync(ct), after, limit, ct))
                    : (ProblemHttpResult)new ConsultationNotFound().ToUntypedProblem(l))
            .WithName("ListContributions").WithSummary("A consultation's contributions by number, a page at a time: ?after= the last number seen (the page's nextAfter), ?limit= at most 200.");

        consultations.MapPost("/", async (DraftConsultation.Command command, DraftConsultation useCase, ActorAccessor actors, ConsultationQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                var result = await useCase.HandleAsync(actor, command, ct);
                return result.IsSuccess ? TypedResults.Created($"/api/v1/consultations/{result.Value.Id}", await queries.GetAsync(result.Value.Id, actor, ct)) : result.Error!.ToUntypedProblem(l);
            })
            .RequireApiWriter().WithName("DraftConsultation").Produces<ConsultationView>(StatusCodes.Status201Created)
            .WithSummary("Prepare a consultation (secretariat).");

        consultations.MapPost("/{id:guid}/open", async (Guid id, OpenConsultation useCase, ActorAccessor actors, ConsultationQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                var result = await useCase.HandleAsync(actor, id, ct);
                return result.IsSuccess ? TypedResults.Ok(await queries.GetAsync(id, actor, ct)) : result.Error!.ToUntypedProblem(l);
            })
            .RequireApiWriter().WithName("OpenConsultation").Produces<ConsultationView>()
            .WithSummary("Open a drafted consultation (secretariat).");

        consultations.MapPost("/{id:guid}/extensions", async (Guid id, ExtendConsultation.Command command, ExtendConsultation useCase, ActorAccessor actors, ConsultationQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                var result = await useCase.HandleAsync(actor, id, command, ct);
                return result.IsSuccess ? TypedResults.Ok(await queries.GetAsync(id, actor, ct)) : result.Error!.ToUntypedProblem(l);
            })
            .RequireApiWriter().WithName("ExtendConsultation").Produces<ConsultationView>()
            .WithSummary("Move the closing instant later, with a reason (secretariat).");

        consultations.MapPost("/{id:guid}/contributions", async (Guid id, SubmitContribution.Command command, SubmitContribution useCase, ClaimsPrincipal user, ConsultationQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                // The hot path of a surge: the author is read with the rest of the batch, not here.
                var result = await useCase.HandleAsync(Actor.OfAccount(user.FindFirstValue(ClaimTypes.NameIdentifier)!), id, command, ct);
                if (!result.IsSuccess) return result.Error!.ToUntypedProblem(l);
                var (contribution, author, organization, attachments) = result.Value;
                var view = queries.ToView(contribution, author,
                    organization is null ? new Dictionary<Guid, Registry.Organization>() : new() { [organization.Id] = organization },
                    attachments.Select(AttachmentView.Of).ToList());
                return TypedResults.Created($"/api/v1/contributions/{contribution.Id}", view);
            })
            .RequireApiWriter().WithName("SubmitContribution").Produces<ContributionView>(StatusCodes.Status201Created)
            .WithSummary("Answer an open consultation; acknowledged only once stored (eligible delegates and stakeholders).");

        var contributions = api.MapGroup("/contributions").WithTags("Consultations");

        contributions.MapPut("/{id:guid}", async (Guid id, SubmitContribution.Command command, EditContribution useCase, ActorAccessor actors, AppDbContext db, ConsultationQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                var result = await useCase.HandleAsync(actor, id, command, ct);
                return result.IsSuccess ? TypedResults.Ok(await ViewAsync(db, queries, actor, result.Value, ct)) : result.Error!.ToUntypedProblem(l);
            })
            .RequireApiWriter().WithName("EditContribution").Produces<ContributionView>()
            .WithSummary("Edit your contribution until the close; every version is kept.");

        contributions.MapPost("/{id:guid}/withdraw", async (Guid id, WithdrawContribution useCase, ActorAccessor actors, AppDbContext db, ConsultationQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                var result = await useCase.HandleAsync(actor, id, ct);
                return result.IsSuccess ? TypedResults.Ok(await ViewAsync(db, queries, actor, result.Value, ct)) : result.Error!.ToUntypedProblem(l);
            })
            .RequireApiWriter().WithName("WithdrawContribution").Produces<ContributionView>()
            .WithSummary("Withdraw your contribution; it stays on the record.");

        contributions.MapPost("/{id:guid}/hide", async (Guid id, HideContribution.Command command, HideContribution useCase, ActorAccessor actors, AppDbContext db, ConsultationQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                var result = await useCase.HandleAsync(actor, id, command, ct);
                return result.IsSuccess ? TypedResults.Ok(await ViewAsync(db, queries, actor, result.Value, ct)) : result.Error!.ToUntypedProblem(l);
            })
            .RequireApiWriter().WithName("HideContribution").Produces<ContributionView>()
            .WithSummary("Hide a contribution with a reason; it stays counted and on the record (secretariat).");

        contributions.MapPost("/{id:guid}/attachments", async (Guid id, IFormFile file, AddAttachment useCase, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                if (file.Length > ContributionAttachment.MaxBytes)
                {
                    return new ValidationError([new FieldError("Attachments", "Attachment.TooLarge", file.FileName, ContributionAttachment.MaxBytes / (1024 * 1024))]).ToUntypedProblem(l);
                }
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                var result = await useCase.HandleAsync(await actors.GetAsync(ct), id, new AttachmentUpload(file.FileName, file.ContentType, buffer.ToArray()), ct);
                return result.IsSuccess
                    ? TypedResults.Created($"/api/v1/attachments/{result.Value.Id}", AttachmentView.Of(result.Value))
                    : result.Error!.ToUntypedProblem(l);
            })
            // Bearer-token only (never the cookie), so no cross-site form can post here.
            .DisableAntiforgery()
            .RequireApiWriter().WithName("AddAttachment").Produces<AttachmentView>(StatusCodes.Status201Created)
            .WithSummary("Attach a PDF, DOCX or ODT to your contribution (multipart field \"file\"); the type is checked by content.");

        api.MapGet("/attachments/{id:guid}", DownloadAsync).WithTags("Consultations").WithName("DownloadAttachment")
            .Produces<Stream>(StatusCodes.Status200OK, "application/octet-stream").WithSummary("Download an attachment (never rendered inline).");

        consultations.MapGet("/{id:guid}/results", async Task<Results<Ok<IReadOnlyList<QuestionResults>>, ProblemHttpResult>> (Guid id, QuestionnaireResults results, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await results.GetAsync(id, ct) is { } r ? TypedResults.Ok(r) : (ProblemHttpResult)new ConsultationNotFound().ToUntypedProblem(l))
            .WithName("GetResults").WithSummary("Results per question by respondent category (government, and each non-government stakeholder group).");

        consultations.MapGet("/{id:guid}/results.csv", async (Guid id, QuestionnaireResults results, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await results.CsvAsync(id, ct) is { } write
                    ? TypedResults.Stream(body => write(body, ct), "text/csv; charset=utf-8", $"consultation-{id}.csv")
                    : new ConsultationNotFound().ToUntypedProblem(l))
            .WithName("GetResultsCsv").Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("Every answer as CSV (open data).");

        consultations.MapPost("/{id:guid}/synthesis", async (Guid id, PublishSynthesis.Command command, PublishSynthesis useCase, ActorAccessor actors, ConsultationQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                var result = await useCase.HandleAsync(actor, id, command, ct);
                return result.IsSuccess ? TypedResults.Ok(await queries.GetAsync(id, actor, ct)) : result.Error!.ToUntypedProblem(l);
            })
            .RequireApiWriter().WithName("PublishSynthesis").Produces<ConsultationView>()
            .WithSummary("Publish the synthesis in Markdown; it must cite contributions that exist, as [C-n] (secretariat).");

        consultations.MapPost("/{id:guid}/presented", async (Guid id, PresentConsultation.Command command, PresentConsultation useCase, ActorAccessor actors, ConsultationQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                var result = await useCase.HandleAsync(actor, id, command, ct);
                return result.IsSuccess ? TypedResults.Ok(await queries.GetAsync(id, actor, ct)) : result.Error!.ToUntypedProblem(l);
            })
            .RequireApiWriter().WithName("PresentConsultation").Produces<ConsultationView>()
            .WithSummary("Record that the consultation was presented at the body's meeting (secretariat).");

        contributions.MapGet("/{id:guid}/versions", async Task<Results<Ok<ContributionVersionView[]>, ProblemHttpResult>> (Guid id, AppDbContext db, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                var c = await db.Contributions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
                if (c is null) return (ProblemHttpResult)new ContributionNotFound().ToUntypedProblem(l);
                var privileged = actor.IsSecretariat || actor.PersonId == c.AuthorId;
                return TypedResults.Ok(c.Versions.OrderBy(v => v.Number)
                    .Select(v => new ContributionVersionView(v.Number, v.Language, v.SubmittedAt,
                        c.IsHidden && !privileged ? null : v.Answers.Select(a => new AnswerView(a.Question, a.Text, a.Choices, a.Scale)).ToList())).ToArray());
            })
            .WithName("ListContributionVersions").WithSummary("Every version of a contribution.");
        return api;
    }

    private static async Task<ContributionView> ViewAsync(AppDbContext db, ConsultationQueries queries, Actor actor, Contribution c, CancellationToken ct)
    {
        var organizations = c.OrganizationId is { } o
            ? await db.Organizations.AsNoTracking().Where(x => x.Id == o).ToDictionaryAsync(x => x.Id, ct)
            : new Dictionary<Guid, Registry.Organization>();
        var attachments = await db.Set<ContributionAttachment>().AsNoTracking().Where(a => a.ContributionId == c.Id)
            .Select(a => new AttachmentView(a.Id, a.FileName, a.MediaType, a.Size, a.Sha256)).ToListAsync(ct);
        return queries.ToView(c, actor, organizations, attachments);
    }

    /// <summary>Serves an attachment as a download, never inline, with its type as established
    /// from its content; a hidden contribution's files only to the secretariat and the author.</summary>
    private static async Task<IResult> DownloadAsync(Guid id, AppDbContext db, ActorAccessor actors, HttpContext http, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var attachment = await db.Set<ContributionAttachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (attachment is null) return new AttachmentNotFound().ToUntypedProblem(l);
        var contribution = await db.Contributions.AsNoTracking().SingleAsync(c => c.Id == attachment.ContributionId, ct);
        var actor = await actors.GetAsync(ct);
        if (contribution.IsHidden && !(actor.IsSecretariat || actor.PersonId == contribution.AuthorId))
        {
            return new AttachmentNotFound().ToUntypedProblem(l);
        }
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "sandbox";
        http.Response.Headers["Digest"] = "sha-256=" + Convert.ToBase64String(Convert.FromHexString(attachment.Sha256));
        return TypedResults.File(attachment.Content, attachment.MediaType, attachment.FileName);
    }
}

public sealed record ContributionVersionView(int Number, string Language, DateTimeOffset SubmittedAt, IReadOnlyList<AnswerView>? Answers);
