using Microsoft.AspNetCore.Mvc;

namespace Ecp.Features.Issues;

/// <summary>The issues a consultation or document is tagged with, linking to them; for the
/// secretariat, the forms to tag it with another issue or remove a tag.</summary>
public sealed class IssueLinksViewComponent(IssueQueries queries, Common.ActorAccessor actors) : ViewComponent
{
    public sealed record Model(TagSubject Subject, Guid SubjectId, IReadOnlyList<IssueLink> Links, IReadOnlyList<IssueLink>? Choices);

    public async Task<IViewComponentResult> InvokeAsync(TagSubject subject, Guid subjectId)
    {
        var ct = HttpContext.RequestAborted;
        var links = await queries.IssuesOfAsync(subjectId, ct);
        var choices = (await actors.GetAsync(ct)).IsSecretariat
            ? (await queries.ActiveAsync(ct)).Where(i => links.All(l => l.Code != i.Code)).ToList()
            : null;
        return View("/Features/Issues/_IssueLinks.cshtml", new Model(subject, subjectId, links, choices));
    }
}
