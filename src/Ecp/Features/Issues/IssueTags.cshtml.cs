using Ecp.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ecp.Features.Issues;

/// <summary>Where the tagging forms of consultation and document pages post; on success it goes
/// back to the tagged page, on a refusal it shows why with a link back.</summary>
public sealed class IssueTagsModel(ActorAccessor actors) : PageModel
{
    [BindProperty] public string? Issue { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public Guid? SubjectId { get; set; }
    [BindProperty] public Guid TagId { get; set; }

    public string? Back { get; private set; }

    public IActionResult OnGet() => RedirectPermanent("/issues");

    public async Task<IActionResult> OnPostAddAsync([FromServices] TagWithIssue useCase, CancellationToken ct)
    {
        Back = PageOf(Codes.Parse<TagSubject>(Subject), SubjectId);
        return await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), Issue ?? "", new TagWithIssue.Command { Subject = Subject, SubjectId = SubjectId }, ct),
            "Issues.TagAdded", t => PageOf(t.Subject, t.SubjectId)!, () => Task.FromResult(true), f => f == "SubjectId" ? "" : f);
    }

    public async Task<IActionResult> OnPostRemoveAsync([FromServices] UntagIssue useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), Issue ?? "", TagId, ct),
            "Issues.TagRemoved", t => PageOf(t.Subject, t.SubjectId)!, () => Task.FromResult(true));

    private static string? PageOf(TagSubject? subject, Guid? id) => (subject, id) switch
    {
        (TagSubject.Consultation, { } c) => $"/consultations/{c}",
        (TagSubject.Document, { } d) => $"/documents/{d}",
        _ => null,
    };
}
