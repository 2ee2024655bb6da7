using Ecp.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ecp.Features.Assessments;

public sealed class AssessmentsModel(AssessmentQueries queries, ActorAccessor actors) : PageModel
{
    /// <summary>The secretariat's form: the dimensions one name a line (none for the default set).</summary>
    public sealed record OpenInput
    {
        public string? Title { get; init; }
        public DateTime? ClosesAt { get; init; }
        public string? Dimensions { get; init; }
    }

    [BindProperty] public OpenInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public IReadOnlyList<AssessmentSummary> Items { get; private set; } = [];
    public string? Next { get; private set; }
    public bool CanOpen { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostOpenAsync([FromServices] OpenAssessmentRound useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), new OpenAssessmentRound.Command
            {
                Title = Input.Title,
                ClosesAt = Input.ClosesAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null,
                Dimensions = DimensionsOf(Input.Dimensions),
            }, ct),
            "Assessment.OpenedDone", round => $"/assessments/{round.Id}", async () => { await LoadAsync(ct); return true; },
            f => f.StartsWith("Dimensions", StringComparison.Ordinal) ? "Input.Dimensions" : $"Input.{f}");

    /// <summary>One dimension a line; its code from the name's Latin letters and digits ("Open data" is
    /// "open-data"), or "dimension-N" for a name in another script.</summary>
    public static IReadOnlyList<AssessmentRound.DimensionInput>? DimensionsOf(string? lines)
    {
        var names = (lines ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (names.Count == 0) return null;
        return names.Select((name, i) =>
        {
            var words = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray())
                .Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var code = string.Join('-', words);
            return new AssessmentRound.DimensionInput(code.Length is > 0 and <= AssessmentRound.CodeMaxLength ? code : $"dimension-{i + 1}", name);
        }).ToList();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var list = await queries.ListAsync(After, null, ct);
        (Items, Next) = (list.Items, list.Next);
        CanOpen = (await actors.GetAsync(ct)).IsSecretariat;
    }
}
