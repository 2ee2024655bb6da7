using Ecp.Common;
using Ecp.Features.Assessments;

using static Ecp.Features.Cli.DemoExpect;

namespace Ecp.Features.Cli;

/// <summary>
/// Two assessment rounds through the real use cases: the first closed, the second open, each rated
/// by every stakeholder group (governments through several delegates, two of them Brazil's, the
/// second replacing the first's rating). Governments of the South rate equal footing low and the
/// technical community rates it high, so the groups diverge; most groups move up a little in round 2.
/// The figures are invented for the demo.
/// </summary>
public sealed class DemoAssessments(OpenAssessmentRound open, RateDimension rate, CloseAssessmentRound close, TimeProvider clock)
{
    // Scores in the order of the default dimensions: all stakeholders in their roles, equal footing,
    // responsiveness to innovation, speed, reporting.
    private static readonly (string Who, int[] First, int[] Second)[] Scores =
    [
        ("brazil", [2, 1, 2, 1, 2], [3, 2, 3, 2, 3]),
        ("india", [2, 1, 3, 2, 2], [3, 2, 3, 2, 3]),
        ("kenya", [2, 2, 2, 1, 3], [3, 3, 3, 2, 3]),
        ("france", [4, 4, 3, 3, 3], [4, 4, 4, 3, 4]),
        ("united-states", [4, 5, 4, 3, 4], [4, 4, 4, 4, 4]),
        ("civil-society", [2, 2, 3, 2, 2], [3, 2, 3, 3, 3]),
        ("private-sector", [4, 4, 4, 3, 3], [4, 4, 4, 4, 4]),
        ("technical", [5, 4, 5, 4, 3], [5, 4, 5, 4, 4]),
        ("intergovernmental", [3, 3, 3, 2, 4], [3, 3, 4, 3, 4]),
        ("international-organization", [3, 3, 3, 2, 4], [4, 3, 4, 3, 5]),
    ];

    public async Task LoadAsync(DemoDrafts.Cast cast, CancellationToken ct)
    {
        var actors = new Dictionary<string, Actor>
        {
            ["brazil"] = cast.Brazil, ["india"] = cast.India, ["kenya"] = cast.Kenya, ["france"] = cast.France, ["united-states"] = cast.UnitedStates,
            ["civil-society"] = cast.CivilSociety, ["private-sector"] = cast.PrivateSector, ["technical"] = cast.Technical,
            ["intergovernmental"] = cast.Intergovernmental, ["international-organization"] = cast.InternationalOrganization,
        };
        var first = Expect(await open.HandleAsync(cast.Chair, new() { Title = "Implementation of enhanced cooperation, 2024" }, ct));
        await RateAllAsync(first.Id, actors, s => s.First, ct);
        // Brazil's second delegate gives the State's rating anew: it replaces the first delegate's.
        await RateAsync(cast.Brazil2, first.Id, "equal-footing", 2, "Developing countries still cannot take part on an equal footing in most fora.", ct);
        await RateAsync(cast.CivilSociety, first.Id, "all-stakeholders-in-roles", 2, "Civil society is consulted, rarely heard.", ct);
        await RateAsync(cast.Technical, first.Id, "responsiveness", 5, "Open standards processes adapt fast.", ct);
        Expect(await close.HandleAsync(cast.Chair, first.Id, ct));

        var second = Expect(await open.HandleAsync(cast.Chair, new()
        {
            Title = "Implementation of enhanced cooperation, 2025",
            ClosesAt = clock.GetUtcNow().AddDays(60),
        }, ct));
        await RateAllAsync(second.Id, actors, s => s.Second, ct);
        await RateAsync(cast.Brazil2, second.Id, "speed", 3, "The Working Group's recommendations are finally being taken up.", ct);
        await RateAsync(cast.PrivateSector, second.Id, "reporting", 4, "More organizations report, with a common template.", ct);
    }

    private async Task RateAllAsync(Guid roundId, IReadOnlyDictionary<string, Actor> actors, Func<(string Who, int[] First, int[] Second), int[]> round, CancellationToken ct)
    {
        foreach (var s in Scores)
        {
            var scores = round(s);
            for (var d = 0; d < AssessmentRound.DefaultDimensions.Count; d++)
            {
                await RateAsync(actors[s.Who], roundId, AssessmentRound.DefaultDimensions[d], scores[d], null, ct);
            }
        }
    }

    private async Task RateAsync(Actor who, Guid roundId, string dimension, int score, string? comment, CancellationToken ct)
        => Expect(await rate.HandleAsync(who, roundId, new() { Dimension = dimension, Score = score, Comment = comment }, ct));
}
