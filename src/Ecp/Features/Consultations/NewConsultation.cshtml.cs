using Ecp.Common;
using Ecp.Data;
using Ecp.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Consultations;

[Authorize]
public sealed partial class NewConsultationModel(AppDbContext db, ActorAccessor actors, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public DraftConsultation.Command Input { get; set; } = new();

    /// <summary>One question per line.</summary>
    [BindProperty] public string? QuestionText { get; set; }

    public IReadOnlyList<(string, string)> BodyOptions { get; private set; } = [];

    public IReadOnlyList<(string, string)> EligibilityOptions =>
        new[] { "all-stakeholders", "member-states-only" }.Select(e => (e, l["Eligibility." + e].Value)).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await actors.GetAsync(ct)).IsSecretariat) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] DraftConsultation useCase, CancellationToken ct)
    {
        var questions = (QuestionText ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(QuestionFromLine);
        // The form's date-times are UTC, as the page says.
        static DateTimeOffset? Utc(DateTimeOffset? t) => t is { } v ? new DateTimeOffset(v.DateTime, TimeSpan.Zero) : null;
        var drafted = useCase.HandleAsync(await actors.GetAsync(ct), Input with
        {
            Questions = [.. questions],
            OpensAt = Utc(Input.OpensAt),
            ClosesAt = Utc(Input.ClosesAt),
        }, ct);
        // No message after drafting: the new consultation's page is the acknowledgement.
        return await this.ActAsync(drafted, done: null, consultation => $"/consultations/{consultation.Id}", async () =>
        {
            await LoadAsync(ct);
            return true;
        }, field => field == "Questions" ? nameof(QuestionText) : $"Input.{field}");
    }

    /// <summary>
    /// One line, one question: plain text is a free-text question; a line ending in
    /// "[scale]", "[single-choice: A; B]" or "[multiple-choice: A; B; C]" is typed, with the
    /// options separated by semicolons. The API takes the same shape as JSON, under the same rules.
    /// </summary>
    internal static DraftConsultation.QuestionInput QuestionFromLine(string line)
    {
        var typed = TypedLine().Match(line);
        if (!typed.Success) return line;
        return new DraftConsultation.QuestionInput
        {
            Text = typed.Groups["text"].Value,
            Type = typed.Groups["type"].Value,
            Options = typed.Groups["options"].Success ? typed.Groups["options"].Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null,
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<text>.*?)\s*\[(?<type>free-text|single-choice|multiple-choice|scale)(?:\s*:(?<options>[^\]]*))?\]$")]
    private static partial System.Text.RegularExpressions.Regex TypedLine();

    private async Task LoadAsync(CancellationToken ct)
    {
        var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(ct);
        BodyOptions = [("", l["Common.Choose"]), .. bodies.Select(b => (b.Id.ToString(), b.Name))];
    }
}
