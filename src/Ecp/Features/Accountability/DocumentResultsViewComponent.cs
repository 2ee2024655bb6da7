using Ecp.Data;
using Microsoft.AspNetCore.Mvc;

namespace Ecp.Features.Accountability;

/// <summary>The results derived from a document, as a tree linking to each; for the secretariat,
/// on an adopted document, the form to define one.</summary>
public sealed class DocumentResultsViewComponent(ResultQueries queries, AppDbContext db, Common.ActorAccessor actors) : ViewComponent
{
    public sealed record Model(Guid DocumentId, IReadOnlyList<ResultNode> Results, bool CanDefine);

    public async Task<IViewComponentResult> InvokeAsync(Guid documentId)
    {
        var ct = HttpContext.RequestAborted;
        var results = await queries.OfDocumentAsync(documentId, ct);
        var canDefine = (await actors.GetAsync(ct)).IsSecretariat && await AdoptedDocuments.FindAsync(db, documentId, ct) is not null;
        return View("/Features/Accountability/_DocumentResults.cshtml", new Model(documentId, results.Results, canDefine));
    }
}
