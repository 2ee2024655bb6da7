using Ecp.Common;
using Ecp.Features.Registry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ecp.Features.Assessments;

public sealed class AssessmentPageModel(AssessmentQueries queries, ActorAccessor actors, MemberStateCatalog states) : PageModel
{
    [BindProperty] public RateDimension.Command Rate { get; set; } = new();

    public AssessmentView Round { get; private set; } = null!;
    public AssessmentResultsView Results { get; private set; } = null!;
    public TrendView Trend { get; private set; } = null!;
    public bool CanRate { get; private set; }
    public bool IsLoggedIn { get; private set; }
    public bool IsSecretariat { get; private set; }
    /// <summary>The State a delegate rates for.</summary>
    public string? StateName { get; private set; }
    /// <summary>The viewer's standing rating (their State's, for a delegate) by dimension.</summary>
    public IReadOnlyDictionary<string, RatingView> Mine { get; private set; } = new Dictionary<string, RatingView>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRateAsync(Guid id, [FromServices] RateDimension useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, Rate, ct),
            "Assessment.Rated", $"/assessments/{id}#rate", () => LoadAsync(id, ct), f => $"{f}-{Rate.Dimension}");

    public async Task<IActionResult> OnPostCloseAsync(Guid id, [FromServices] CloseAssessmentRound useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, ct),
            "Assessment.ClosedDone", $"/assessments/{id}", () => LoadAsync(id, ct));

    public string StateNameOf(string code) => states.Find(code)?.Name ?? code;

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } round) return false;
        Round = round;
        Results = (await queries.ResultsAsync(id, ct))!;
        Trend = await queries.TrendAsync(ct);
        var actor = await actors.GetAsync(ct);
        IsLoggedIn = actor.IsAuthenticated;
        IsSecretariat = actor.IsSecretariat;
        CanRate = actor.ParticipantGroup is not null;
        var state = actor.ParticipantGroup == StakeholderGroup.Government ? actor.MemberStateCode : null;
        StateName = state is null ? null : StateNameOf(state);
        Mine = round.Ratings.Where(r => state is not null ? r.MemberState == state : r.MemberState is null && r.RaterId == actor.PersonId)
            .ToDictionary(r => r.Dimension);
        return true;
    }
}
