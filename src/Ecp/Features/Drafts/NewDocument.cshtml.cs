using Ecp.Common;
using Ecp.Data;
using Ecp.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Drafts;

[Authorize]
public sealed class NewDocumentModel(AppDbContext db, ActorAccessor actors, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public DraftDocument.Command Input { get; set; } = new();

    /// <summary>Paragraphs, one block each, separated by a blank line (see <see cref="ParagraphText"/>).</summary>
    [BindProperty] public string? Text { get; set; }

    public IReadOnlyList<(string, string)> KindOptions =>
        [("", l["Common.Choose"]), .. new[] { "opinion", "recommendation", "report", "resolution" }.Select(k => (k, l["DocumentKind." + k].Value))];

    public IReadOnlyList<(string, string)> LanguageOptions => Languages.All.Select(c => (c, Languages.NativeName(c))).ToList();

    public IReadOnlyList<(string, string)> BodyOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await actors.GetAsync(ct)).IsSecretariat) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] DraftDocument useCase, CancellationToken ct)
    {
        var drafted = useCase.HandleAsync(await actors.GetAsync(ct), Input with { Paragraphs = ParagraphText.Parse(Text) }, ct);
        return await this.ActAsync(drafted, done: null, document => $"/documents/{document.Id}", async () =>
        {
            await LoadAsync(ct);
            return true;
        },
        // Paragraph errors belong to the one text box they were typed in.
        f => f.StartsWith("Paragraphs", StringComparison.Ordinal) ? "Text" : $"Input.{f}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(ct);
        BodyOptions = [("", l["Common.None"]), .. bodies.Select(b => (b.Id.ToString(), b.Name))];
    }
}
