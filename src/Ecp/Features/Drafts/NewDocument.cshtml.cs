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
        var result = await useCase.HandleAsync(await actors.GetAsync(ct), Input with { Paragraphs = ParagraphText.Parse(Text) }, ct);
        if (result.IsSuccess) return Redirect($"/documents/{result.Value.Id}");
        if (result.Error is ForbiddenError) return Forbid();
        if (result.Error is ValidationError v)
        {
            // Paragraph errors belong to the one text box they were typed in.
            foreach (var f in v.Fields)
            {
                ModelState.AddModelError(f.Field.StartsWith("Paragraphs", StringComparison.Ordinal) ? "Text" : $"Input.{f.Field}", l[f.MessageKey, f.Args]);
            }
        }
        else
        {
            result.Error!.AddTo(ModelState, l);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(ct);
        BodyOptions = [("", l["Common.None"]), .. bodies.Select(b => (b.Id.ToString(), b.Name))];
    }
}

/// <summary>
/// The plain-text form of a draft: paragraphs separated by a blank line; a paragraph starting
/// with "P:" is preambular, one starting with "-" is a sub-item of the paragraph before it; a last
/// line "cites: SYMBOL#N, SYMBOL#M" lists the paragraphs it cites.
/// </summary>
public static class ParagraphText
{
    public static IReadOnlyList<DraftDocument.ParagraphInput> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var blocks = text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return blocks.Select(block =>
        {
            var lines = block.Split('\n').ToList();
            var cites = new List<string>();
            if (lines.Count > 1 && lines[^1].TrimStart().StartsWith("cites:", StringComparison.OrdinalIgnoreCase))
            {
                cites = lines[^1].Trim()[6..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                lines.RemoveAt(lines.Count - 1);
            }
            var body = string.Join(' ', lines.Select(x => x.Trim()));
            var kind = "operative";
            var level = 0;
            if (body.StartsWith("P:", StringComparison.Ordinal)) { kind = "preambular"; body = body[2..].Trim(); }
            else if (body.StartsWith('-')) { level = 1; body = body[1..].Trim(); }
            return new DraftDocument.ParagraphInput { Kind = kind, Level = level, Text = body, Cites = cites };
        }).ToList();
    }
}
