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

        var writes = documents.MapGroup("").RequireApiWriter();

        documents.MapGet("/", async Task<Ok<IReadOnlyList<DocumentSummary>>> (Guid? body, string? state, string? after, int? limit, DocumentQueries queries, HttpContext http, CancellationToken ct) =>
            {
                var (items, next) = await queries.ListAsync(body, state, after, limit, ct);
                var filters = string.Join("&", new[] { body is { } b ? $"body={b}" : null, state is null ? null : $"state={Uri.EscapeDataString(state)}" }.OfType<string>());
                Paging.LinkNext(http.Response, "/api/v1/documents", next, limit, filters);
                return TypedResults.Ok(items);
            })
            .WithName("ListDocuments")
            .WithSummary("Outcome documents by symbol, by ?body= and ?state=, a page at a time: ?limit= (default 50, at most 200); ?after= the cursor of the Link rel=\"next\" header.");

        writes.MapPost("/", async Task<Results<Created<DocumentView>, ProblemHttpResult>> (DraftDocument.Command command, DraftDocument useCase, ActorAccessor actors, DocumentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), command, ct).ToHttpResultAsync(async document =>
                    TypedResults.Created($"/api/v1/documents/{document.Id}", (await queries.GetAsync(document.Id, null, ct))!), l))
            .WithName("DraftDocument")
            .WithSummary("Circulate a first draft as numbered paragraphs (secretariat).");

        documents.MapGet("/{id:guid}", async Task<Results<Ok<DocumentView>, ProblemHttpResult>> (Guid id, DocumentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await queries.GetAsync(id, null, ct)).OkOr(new DocumentNotFound(), l))
            .WithName("GetDocument").WithSummary("A document in its current version.");

        documents.MapGet("/{id:guid}/versions/{number:int}", async Task<Results<Ok<DocumentView>, ProblemHttpResult>> (Guid id, int number, string? language, DocumentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await queries.GetAsync(id, number, ct, language)).OkOr(new DocumentVersionNotFound(), l))
            .WithName("GetDocumentVersion").WithSummary("A version in the original language, or in ?language= when that language version exists (see version.availableLanguages).");

        writes.MapPost("/{id:guid}/versions/{number:int}/languages", async Task<Results<Created<DocumentView>, ProblemHttpResult>> (Guid id, int number, AddLanguageVersion.Command command, AddLanguageVersion useCase, ActorAccessor actors, DocumentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, number, command, ct).ToHttpResultAsync(async _ =>
                    TypedResults.Created($"/api/v1/documents/{id}/versions/{number}?language={command.Language}", (await queries.GetAsync(id, number, ct, command.Language))!), l))
            .WithName("AddLanguageVersion")
            .WithSummary("Add the version's text in another UN language, paragraph by paragraph (secretariat).");

        writes.MapPost("/{id:guid}/versions", async Task<Results<Created<DocumentView>, ProblemHttpResult>> (Guid id, CirculateVersion.Command command, CirculateVersion useCase, ActorAccessor actors, DocumentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct).ToHttpResultAsync(async version =>
                    TypedResults.Created($"/api/v1/documents/{id}/versions/{version.Number}", (await queries.GetAsync(id, version.Number, ct))!), l))
            .WithName("CirculateVersion")
            .WithSummary("Circulate the next version with the accepted and merged amendments (secretariat).");

        documents.MapGet("/{id:guid}/diff", async Task<Results<Ok<DiffView>, ProblemHttpResult>> (Guid id, int from, int to, DocumentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await queries.DiffAsync(id, from, to, ct)).OkOr(new DocumentVersionNotFound(), l))
            .WithName("GetDocumentDiff").WithSummary("Compare two versions paragraph by paragraph and word by word.");

        documents.MapGet("/{id:guid}/versions/{number:int}/akoma-ntoso", async Task<Results<ContentHttpResult, ProblemHttpResult>> (Guid id, int number, string? language, AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var document = await db.Documents.AsNoTracking().Include(d => d.Versions).FirstOrDefaultAsync(d => d.Id == id, ct);
                var version = document?.FindVersion(number);
                if (document is null || version is null) return new DocumentVersionNotFound().ToProblem(l);
                var body = document.BodyId is { } b ? await db.Bodies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == b, ct) : null;
                var closedAt = await db.Decisions.AsNoTracking().Where(d => d.DocumentId == id && d.VersionNumber == number && d.ClosedAt != null)
                    .Select(d => d.ClosedAt).FirstOrDefaultAsync(ct);
                var expression = language ?? document.OriginalLanguage;
                var texts = await db.ParagraphTranslations.AsNoTracking().Where(t => t.VersionId == version.Id && t.Language == expression)
                    .ToDictionaryAsync(t => t.ParagraphKey, t => t.Text, ct);
                if (expression != document.OriginalLanguage && texts.Count == 0) return new TranslationMissing().ToProblem(l);
                var xml = AkomaNtoso.Export(document, version, body, closedAt ?? version.CirculatedAt, clock.GetUtcNow(), expression, texts);
                return TypedResults.Text(xml.Declaration + "\n" + xml.ToString(), "application/akn+xml", Encoding.UTF8);
            })
            .WithName("GetAkomaNtoso").Produces<string>(StatusCodes.Status200OK, "application/akn+xml")
            .WithSummary("The version as Akoma Ntoso 3.0 XML (AKN4UN identifiers); one expression per language (?language=).");

        documents.MapGet("/{id:guid}/amendments", async Task<Results<Ok<IReadOnlyList<AmendmentView>>, ProblemHttpResult>> (Guid id, DocumentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await queries.AmendmentsAsync(id, ct)).OkOr(new DocumentNotFound(), l))
            .WithName("ListAmendments").WithSummary("The amendments proposed to a document, with their state.");

        writes.MapPost("/{id:guid}/amendments", async Task<Results<Created<AmendmentView>, ProblemHttpResult>> (Guid id, ProposeAmendment.Command command, ProposeAmendment useCase, ActorAccessor actors, DocumentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct).ToHttpResultAsync(async amendment =>
                    TypedResults.Created($"/api/v1/amendments/{amendment.Id}", (await queries.AmendmentsAsync(id, ct))!.Single(a => a.Id == amendment.Id)), l))
            .WithName("ProposeAmendment")
            .WithSummary("Propose to replace, insert after or delete a paragraph (delegates and stakeholders).");

        documents.MapGet("/{id:guid}/comments", async Task<Results<Ok<IReadOnlyList<CommentView>>, ProblemHttpResult>> (Guid id, DocumentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await queries.CommentsAsync(id, ct)).OkOr(new DocumentNotFound(), l))
            .WithName("ListComments").WithSummary("The comments on a document's paragraphs.");

        writes.MapPost("/{id:guid}/comments", async Task<Results<Created<CommentView>, ProblemHttpResult>> (Guid id, CommentOnParagraph.Command command, CommentOnParagraph useCase, ActorAccessor actors, DocumentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct).ToHttpResultAsync(async comment =>
                    TypedResults.Created($"/api/v1/documents/{id}/comments", (await queries.CommentsAsync(id, ct))!.Single(c => c.Id == comment.Id)), l))
            .WithName("CommentOnParagraph")
            .WithSummary("Comment on a paragraph (delegates and stakeholders).");

        var amendments = api.MapGroup("/amendments").WithTags("Documents").RequireApiWriter();

        amendments.MapPost("/{id:guid}/decision", async Task<Results<Ok<AmendmentView>, ProblemHttpResult>> (Guid id, DecideAmendment.Command command, DecideAmendment useCase, ActorAccessor actors, DocumentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct).ToHttpResultAsync(async amendment =>
                    TypedResults.Ok((await queries.AmendmentsAsync(amendment.DocumentId, ct))!.Single(a => a.Id == id)), l))
            .WithName("DecideAmendment")
            .WithSummary("Accept, reject or merge an amendment, with a reason (secretariat).");
        return api;
    }

}
