using System.Text;
using Ecp.Common;
using Ecp.Data;
using Ecp.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Drafts;

public static class DraftsApi
{
    public static RouteGroupBuilder MapDraftsApi(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/documents").WithTags("Documents");

        documents.MapGet("/", async (Guid? body, string? state, string? after, int? limit, DocumentQueries queries, HttpContext http, CancellationToken ct) =>
            {
                var (items, next) = await queries.ListAsync(body, state, after, limit, ct);
                var filters = string.Join("&", new[] { body is { } b ? $"body={b}" : null, state is null ? null : $"state={Uri.EscapeDataString(state)}" }.OfType<string>());
                Paging.LinkNext(http.Response, "/api/v1/documents", next, limit, filters);
                return items;
            })
            .WithName("ListDocuments")
            .WithSummary("Outcome documents by symbol, by ?body= and ?state=, a page at a time: ?limit= (default 50, at most 200); ?after= the cursor of the Link rel=\"next\" header.");

        documents.MapPost("/", async (DraftDocument.Command command, DraftDocument useCase, ActorAccessor actors, DocumentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var result = await useCase.HandleAsync(await actors.GetAsync(ct), command, ct);
                return result.IsSuccess
                    ? TypedResults.Created($"/api/v1/documents/{result.Value.Id}", await queries.GetAsync(result.Value.Id, null, ct))
                    : result.Error!.ToUntypedProblem(l);
            })
            .RequireApiWriter().WithName("DraftDocument").Produces<DocumentView>(StatusCodes.Status201Created)
            .WithSummary("Circulate a first draft as numbered paragraphs (secretariat).");

        documents.MapGet("/{id:guid}", async Task<Results<Ok<DocumentView>, ProblemHttpResult>> (Guid id, DocumentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await queries.GetAsync(id, null, ct) is { } d ? TypedResults.Ok(d) : NotFound(l, new DocumentNotFound()))
            .WithName("GetDocument").WithSummary("A document in its current version.");

        documents.MapGet("/{id:guid}/versions/{number:int}", async Task<Results<Ok<DocumentView>, ProblemHttpResult>> (Guid id, int number, string? language, DocumentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await queries.GetAsync(id, number, ct, language) is { } d ? TypedResults.Ok(d) : NotFound(l, new DocumentVersionNotFound()))
            .WithName("GetDocumentVersion").WithSummary("A version in the original language, or in ?language= when that language version exists (see version.availableLanguages).");

        documents.MapPost("/{id:guid}/versions/{number:int}/languages", async (Guid id, int number, AddLanguageVersion.Command command, AddLanguageVersion useCase, ActorAccessor actors, DocumentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var result = await useCase.HandleAsync(await actors.GetAsync(ct), id, number, command, ct);
                return result.IsSuccess
                    ? TypedResults.Created($"/api/v1/documents/{id}/versions/{number}?language={command.Language}", await queries.GetAsync(id, number, ct, command.Language))
                    : result.Error!.ToUntypedProblem(l);
            })
            .RequireApiWriter().WithName("AddLanguageVersion").Produces<DocumentView>(StatusCodes.Status201Created)
            .WithSummary("Add the version's text in another UN language, paragraph by paragraph (secretariat).");

        documents.MapPost("/{id:guid}/versions", async (Guid id, CirculateVersion.Command command, CirculateVersion useCase, ActorAccessor actors, DocumentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var result = await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct);
                return result.IsSuccess
                    ? TypedResults.Created($"/api/v1/documents/{id}/versions/{result.Value.Number}", await queries.GetAsync(id, result.Value.Number, ct))
                    : result.Error!.ToUntypedProblem(l);
            })
            .RequireApiWriter().WithName("CirculateVersion").Produces<DocumentView>(StatusCodes.Status201Created)
            .WithSummary("Circulate the next version with the accepted and merged amendments (secretariat).");

        documents.MapGet("/{id:guid}/diff", async Task<Results<Ok<DiffView>, ProblemHttpResult>> (Guid id, int from, int to, DocumentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await queries.DiffAsync(id, from, to, ct) is { } diff ? TypedResults.Ok(diff) : NotFound(l, new DocumentVersionNotFound()))
            .WithName("GetDocumentDiff").WithSummary("Compare two versions paragraph by paragraph and word by word.");

        documents.MapGet("/{id:guid}/versions/{number:int}/akoma-ntoso", async (Guid id, int number, string? language, AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var document = await db.Documents.AsNoTracking().Include(d => d.Versions).FirstOrDefaultAsync(d => d.Id == id, ct);
                var version = document?.FindVersion(number);
                if (document is null || version is null) return new DocumentVersionNotFound().ToUntypedProblem(l);
                var body = document.BodyId is { } b ? await db.Bodies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == b, ct) : null;
                var closedAt = await db.Decisions.AsNoTracking().Where(d => d.DocumentId == id && d.VersionNumber == number && d.ClosedAt != null)
                    .Select(d => d.ClosedAt).FirstOrDefaultAsync(ct);
                var expression = language ?? document.OriginalLanguage;
                var texts = await db.ParagraphTranslations.AsNoTracking().Where(t => t.VersionId == version.Id && t.Language == expression)
                    .ToDictionaryAsync(t => t.ParagraphKey, t => t.Text, ct);
                if (expression != document.OriginalLanguage && texts.Count == 0) return new TranslationMissing().ToUntypedProblem(l);
                var xml = AkomaNtoso.Export(document, version, body, closedAt ?? version.CirculatedAt, clock.GetUtcNow(), expression, texts);
                return TypedResults.Text(xml.Declaration + "\n" + xml.ToString(), "application/akn+xml", Encoding.UTF8);
            })
            .WithName("GetAkomaNtoso").Produces<string>(StatusCodes.Status200OK, "application/akn+xml")
            .WithSummary("The version as Akoma Ntoso 3.0 XML (AKN4UN identifiers); one expression per language (?language=).");

        documents.MapGet("/{id:guid}/amendments", async (Guid id, AppDbContext db, DocumentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await db.Documents.AnyAsync(d => d.Id == id, ct) ? TypedResults.Ok(await queries.AmendmentsAsync(id, ct)) : new DocumentNotFound().ToUntypedProblem(l))
            .WithName("ListAmendments").Produces<IReadOnlyList<AmendmentView>>().WithSummary("The amendments proposed to a document, with their state.");

        documents.MapPost("/{id:guid}/amendments", async (Guid id, ProposeAmendment.Command command, ProposeAmendment useCase, ActorAccessor actors, DocumentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var result = await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct);
                return result.IsSuccess
                    ? TypedResults.Created($"/api/v1/amendments/{result.Value.Id}", (await queries.AmendmentsAsync(id, ct)).Single(a => a.Id == result.Value.Id))
                    : result.Error!.ToUntypedProblem(l);
            })
            .RequireApiWriter().WithName("ProposeAmendment").Produces<AmendmentView>(StatusCodes.Status201Created)
            .WithSummary("Propose to replace, insert after or delete a paragraph (delegates and stakeholders).");

        documents.MapGet("/{id:guid}/comments", async (Guid id, AppDbContext db, DocumentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await db.Documents.AnyAsync(d => d.Id == id, ct) ? TypedResults.Ok(await queries.CommentsAsync(id, ct)) : new DocumentNotFound().ToUntypedProblem(l))
            .WithName("ListComments").Produces<IReadOnlyList<CommentView>>().WithSummary("The comments on a document's paragraphs.");

        documents.MapPost("/{id:guid}/comments", async (Guid id, CommentOnParagraph.Command command, CommentOnParagraph useCase, ActorAccessor actors, DocumentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var result = await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct);
                return result.IsSuccess
                    ? TypedResults.Created($"/api/v1/documents/{id}/comments", (await queries.CommentsAsync(id, ct)).Single(c => c.Id == result.Value.Id))
                    : result.Error!.ToUntypedProblem(l);
            })
            .RequireApiWriter().WithName("CommentOnParagraph").Produces<CommentView>(StatusCodes.Status201Created)
            .WithSummary("Comment on a paragraph (delegates and stakeholders).");

        api.MapPost("/amendments/{id:guid}/decision", async (Guid id, DecideAmendment.Command command, DecideAmendment useCase, ActorAccessor actors, DocumentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var result = await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct);
                return result.IsSuccess
                    ? TypedResults.Ok((await queries.AmendmentsAsync(result.Value.DocumentId, ct)).Single(a => a.Id == id))
                    : result.Error!.ToUntypedProblem(l);
            })
            .RequireApiWriter().WithTags("Documents").WithName("DecideAmendment").Produces<AmendmentView>()
            .WithSummary("Accept, reject or merge an amendment, with a reason (secretariat).");
        return api;
    }

    private static ProblemHttpResult NotFound(IStringLocalizer<SharedResource> l, Error missing) => missing.ToProblem(l);
}
