using System.Security.Claims;
using Ecp.Common;
using Ecp.Data;
using Ecp.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Consultations;

/// <summary>The /api/v1 endpoints of consultations, contributions and attachments: per path prefix a group of
/// reads and a group of writes, the writes needing an API writer's token (and its rate limit).</summary>
public static class ConsultationsApi
{
    public static RouteGroupBuilder MapConsultationsApi(this RouteGroupBuilder api)
    {
        MapConsultations(api.MapGroup("/consultations").WithTags("Consultations"));
        MapContributions(api.MapGroup("/contributions").WithTags("Consultations"));
        MapAttachments(api.MapGroup("/attachments").WithTags("Consultations"));
        return api;
    }

    private static void MapConsultations(RouteGroupBuilder consultations)
    {
        var writes = consultations.MapGroup("").RequireApiWriter();

        consultations.MapGet("/", async Task<Ok<IReadOnlyList<ConsultationSummary>>> (string? after, int? limit, ConsultationQueries queries, HttpContext http, CancellationToken ct) =>
            {
                var list = await queries.ListAsync(after, limit, ct);
                Paging.LinkNext(http.Response, "/api/v1/consultations", list.Next, limit);
                return TypedResults.Ok(list.Items);
            })
            .WithName("ListConsultations").WithSummary("Consultations, newest first, a page at a time (?limit=, at most 200; the Link header names the next page).");

        consultations.MapGet("/{id:guid}", async Task<Results<Ok<ConsultationView>, ProblemHttpResult>> (Guid id, int? after, int? limit, ConsultationQueries queries, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await queries.GetAsync(id, await actors.GetAsync(ct), after, limit, ct)).OkOr(new ConsultationNotFound(), l))
            .WithName("GetConsultation").WithSummary("A consultation with its questions, attribution counts over all contributions, and the first page of contributions (as consent allows); next links to the following page.");

        consultations.MapGet("/{id:guid}/contributions", async Task<Results<Ok<ContributionPage>, ProblemHttpResult>> (Guid id, int? after, int? limit, ConsultationQueries queries, AppDbContext db, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await db.Consultations.AnyAsync(c => c.Id == id, ct) ? await queries.PageAsync(id, await actors.GetAsync(ct), after, limit, ct) : null)
                    .OkOr(new ConsultationNotFound(), l))
            .WithName("ListContributions").WithSummary("A consultation's contributions by number, a page at a time: ?after= the last number seen (the page's nextAfter), ?limit= at most 200.");

        writes.MapPost("/", async Task<Results<Created<ConsultationView>, ProblemHttpResult>> (DraftConsultation.Command command, DraftConsultation useCase, ActorAccessor actors, ConsultationQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                return await useCase.HandleAsync(actor, command, ct)
                    .ToHttpResultAsync(async c => TypedResults.Created($"/api/v1/consultations/{c.Id}", await queries.GetAsync(c.Id, actor, ct)), l);
            })
            .WithName("DraftConsultation").WithSummary("Prepare a consultation (secretariat).");

        writes.MapPost("/{id:guid}/open", async Task<Results<Ok<ConsultationView>, ProblemHttpResult>> (Guid id, OpenConsultation useCase, ActorAccessor actors, ConsultationQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                return await useCase.HandleAsync(actor, id, ct).ToHttpResultAsync(_ => ConsultationAsync(queries, id, actor, ct), l);
            })
            .WithName("OpenConsultation").WithSummary("Open a drafted consultation (secretariat).");

        writes.MapPost("/{id:guid}/extensions", async Task<Results<Ok<ConsultationView>, ProblemHttpResult>> (Guid id, ExtendConsultation.Command command, ExtendConsultation useCase, ActorAccessor actors, ConsultationQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                return await useCase.HandleAsync(actor, id, command, ct).ToHttpResultAsync(_ => ConsultationAsync(queries, id, actor, ct), l);
            })
            .WithName("ExtendConsultation").WithSummary("Move the closing instant later, with a reason (secretariat).");

        writes.MapPost("/{id:guid}/contributions", async Task<Results<Created<ContributionView>, ProblemHttpResult>> (Guid id, SubmitContribution.Command command, SubmitContribution useCase, ClaimsPrincipal user, ConsultationQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                // The hot path of a surge: the author is read with the rest of the batch, not here.
                await useCase.HandleAsync(Actor.OfAccount(user.FindFirstValue(ClaimTypes.NameIdentifier)!), id, command, ct).ToHttpResultAsync(submitted =>
                {
                    var (contribution, author, organization, attachments) = submitted;
                    var view = queries.ToView(contribution, author,
                        organization is null ? new Dictionary<Guid, Registry.Organization>() : new() { [organization.Id] = organization },
                        attachments.Select(AttachmentView.Of).ToList());
                    return TypedResults.Created($"/api/v1/contributions/{contribution.Id}", view);
                }, l))
            .WithName("SubmitContribution").WithSummary("Answer an open consultation; acknowledged only once stored (eligible delegates and stakeholders).");

        consultations.MapGet("/{id:guid}/results", async Task<Results<Ok<IReadOnlyList<QuestionResults>>, ProblemHttpResult>> (Guid id, QuestionnaireResults results, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await results.GetAsync(id, ct)).OkOr(new ConsultationNotFound(), l))
            .WithName("GetResults").WithSummary("Results per question by respondent category (government, and each non-government stakeholder group).");

        consultations.MapGet("/{id:guid}/results.csv", async Task<Results<PushStreamHttpResult, ProblemHttpResult>> (Guid id, QuestionnaireResults results, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await results.CsvAsync(id, ct) is { } write
                    ? TypedResults.Stream(body => write(body, ct), "text/csv; charset=utf-8", $"consultation-{id}.csv")
                    : new ConsultationNotFound().ToProblem(l))
            .WithName("GetResultsCsv").Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("Every answer as CSV (open data).");

        writes.MapPost("/{id:guid}/synthesis", async Task<Results<Ok<ConsultationView>, ProblemHttpResult>> (Guid id, PublishSynthesis.Command command, PublishSynthesis useCase, ActorAccessor actors, ConsultationQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                return await useCase.HandleAsync(actor, id, command, ct).ToHttpResultAsync(_ => ConsultationAsync(queries, id, actor, ct), l);
            })
            .WithName("PublishSynthesis").WithSummary("Publish the synthesis in Markdown; it must cite contributions that exist, as [C-n] (secretariat).");

        writes.MapPost("/{id:guid}/presented", async Task<Results<Ok<ConsultationView>, ProblemHttpResult>> (Guid id, PresentConsultation.Command command, PresentConsultation useCase, ActorAccessor actors, ConsultationQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                return await useCase.HandleAsync(actor, id, command, ct).ToHttpResultAsync(_ => ConsultationAsync(queries, id, actor, ct), l);
            })
            .WithName("PresentConsultation").WithSummary("Record that the consultation was presented at the body's meeting (secretariat).");

    }

    private static void MapContributions(RouteGroupBuilder contributions)
    {
        var writes = contributions.MapGroup("").RequireApiWriter();

        writes.MapPut("/{id:guid}", async Task<Results<Ok<ContributionView>, ProblemHttpResult>> (Guid id, SubmitContribution.Command command, EditContribution useCase, ActorAccessor actors, AppDbContext db, ConsultationQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                return await useCase.HandleAsync(actor, id, command, ct).ToHttpResultAsync(c => ContributionAsync(db, queries, actor, c, ct), l);
            })
            .WithName("EditContribution").WithSummary("Edit your contribution until the close; every version is kept.");

        writes.MapPost("/{id:guid}/withdraw", async Task<Results<Ok<ContributionView>, ProblemHttpResult>> (Guid id, WithdrawContribution useCase, ActorAccessor actors, AppDbContext db, ConsultationQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                return await useCase.HandleAsync(actor, id, ct).ToHttpResultAsync(c => ContributionAsync(db, queries, actor, c, ct), l);
            })
            .WithName("WithdrawContribution").WithSummary("Withdraw your contribution; it stays on the record.");

        writes.MapPost("/{id:guid}/hide", async Task<Results<Ok<ContributionView>, ProblemHttpResult>> (Guid id, HideContribution.Command command, HideContribution useCase, ActorAccessor actors, AppDbContext db, ConsultationQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                return await useCase.HandleAsync(actor, id, command, ct).ToHttpResultAsync(c => ContributionAsync(db, queries, actor, c, ct), l);
            })
            .WithName("HideContribution").WithSummary("Hide a contribution with a reason; it stays counted and on the record (secretariat).");

        writes.MapPost("/{id:guid}/attachments", async Task<Results<Created<AttachmentView>, ProblemHttpResult>> (Guid id, IFormFile file, AddAttachment useCase, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                // Refused before the file is read into memory.
                if (ContributionAttachment.CheckSize(file.FileName, file.Length) is { } tooLarge) return tooLarge.ToProblem(l);
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                var result = await useCase.HandleAsync(await actors.GetAsync(ct), id, new AttachmentUpload(file.FileName, file.ContentType, buffer.ToArray()), ct);
                return result.ToHttpResult(a => TypedResults.Created($"/api/v1/attachments/{a.Id}", AttachmentView.Of(a)), l);
            })
            // Bearer-token only (never the cookie), so no cross-site form can post here.
            .DisableAntiforgery()
            .WithName("AddAttachment").WithSummary("Attach a PDF, DOCX or ODT to your contribution (multipart field \"file\"); the type is checked by content.");

        contributions.MapGet("/{id:guid}/versions", async Task<Results<Ok<ContributionVersionView[]>, ProblemHttpResult>> (Guid id, ConsultationQueries queries, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await queries.VersionsAsync(id, await actors.GetAsync(ct), ct)).OkOr(new ContributionNotFound(), l))
            .WithName("ListContributionVersions").WithSummary("Every version of a contribution.");
    }

    private static void MapAttachments(RouteGroupBuilder attachments)
        => attachments.MapGet("/{id:guid}", DownloadAsync).WithName("DownloadAttachment")
            .Produces<Stream>(StatusCodes.Status200OK, "application/octet-stream").WithSummary("Download an attachment (never rendered inline).");


    /// <summary>What a write of a consultation answers: the consultation as the caller now sees it.</summary>
    private static async Task<Ok<ConsultationView>> ConsultationAsync(ConsultationQueries queries, Guid id, Actor actor, CancellationToken ct)
        => TypedResults.Ok<ConsultationView>(await queries.GetAsync(id, actor, ct));

    /// <summary>What a write of a contribution answers: the contribution as the caller now sees it.</summary>
    private static async Task<Ok<ContributionView>> ContributionAsync(AppDbContext db, ConsultationQueries queries, Actor actor, Contribution c, CancellationToken ct)
    {
        var organizations = c.OrganizationId is { } o
            ? await db.Organizations.AsNoTracking().Where(x => x.Id == o).ToDictionaryAsync(x => x.Id, ct)
            : new Dictionary<Guid, Registry.Organization>();
        var attachments = await db.Set<ContributionAttachment>().AsNoTracking().Where(a => a.ContributionId == c.Id)
            .Select(a => new AttachmentView(a.Id, a.FileName, a.MediaType, a.Size, a.Sha256)).ToListAsync(ct);
        return TypedResults.Ok(queries.ToView(c, actor, organizations, attachments));
    }

    /// <summary>Serves an attachment as a download, never inline, with its type as established
    /// from its content; a hidden contribution's files only to those who may see it.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(Guid id, AppDbContext db, ActorAccessor actors, HttpContext http, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var attachment = await db.Set<ContributionAttachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (attachment is null) return new AttachmentNotFound().ToProblem(l);
        var contribution = await db.Contributions.AsNoTracking().SingleAsync(c => c.Id == attachment.ContributionId, ct);
        if (!contribution.IsVisibleTo(await actors.GetAsync(ct))) return new AttachmentNotFound().ToProblem(l);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "sandbox";
        http.Response.Headers["Digest"] = "sha-256=" + Convert.ToBase64String(Convert.FromHexString(attachment.Sha256));
        return TypedResults.File(attachment.Content, attachment.MediaType, attachment.FileName);
    }
}
