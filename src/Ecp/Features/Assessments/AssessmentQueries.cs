using System.Linq.Expressions;
using Ecp.Common;
using Ecp.Data;
using Ecp.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Assessments;

/// <summary>Assessment rounds as the public sees them: the list (open rounds first), one round with its
/// ratings, its results by stakeholder group and the trend across rounds. Dimension names are given in
/// the reader's language (the default dimensions' from the resources, a custom one as the secretariat wrote it).</summary>
public sealed class AssessmentQueries(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    public async Task<AssessmentList> ListAsync(string? after, int? limit, CancellationToken ct)
    {
        var take = Paging.Take(limit);
        var now = clock.GetUtcNow();
        var query = db.AssessmentRounds.AsNoTracking().IgnoreAutoIncludes();
        // Open rounds first, then closed ones; newest first within each. The cursor is the last
        // row's (closed? 1 : 0) and number.
        var open = AssessmentRound.OpenAt(now);
        var round = open.Parameters[0];
        var closedLast = Expression.Lambda<Func<AssessmentRound, int>>(Expression.Condition(open.Body, Expression.Constant(0), Expression.Constant(1)), round);
        if (Paging.TryParse(after, out var key, out _) && key.Split(':') is [var f, var n]
            && int.TryParse(f, System.Globalization.CultureInfo.InvariantCulture, out var closed) && closed is 0 or 1
            && int.TryParse(n, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            // After an open round: every closed one and the open ones numbered lower; after a closed one: the closed ones numbered lower.
            var lower = Expression.LessThan(Expression.Property(round, nameof(AssessmentRound.Number)), Expression.Constant(number));
            var notOpen = Expression.Not(open.Body);
            query = query.Where(Expression.Lambda<Func<AssessmentRound, bool>>(closed == 0 ? Expression.OrElse(notOpen, lower) : Expression.AndAlso(notOpen, lower), round));
        }
        var rows = await query.OrderBy(closedLast).ThenByDescending(r => r.Number).Take(take + 1)
            .Select(r => new { Round = r, Ratings = r.AllRatings.Count(x => x.SupersededAt == null) })
            .ToListAsync(ct);
        var summaries = rows.Select(x => new AssessmentSummary(x.Round.Id, x.Round.Number, x.Round.Title, x.Round.OpenedAt, x.Round.ClosesAt,
            x.Round.ClosedAt, x.Round.IsOpenAt(now), x.Ratings)).ToList();
        var (page, next) = Paging.Split(summaries, take, r => Paging.Format($"{(r.IsOpen ? 0 : 1)}:{r.Number}", r.Id));
        return new AssessmentList(page, next);
    }

    public async Task<AssessmentView?> GetAsync(Guid id, CancellationToken ct)
    {
        var round = await db.AssessmentRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return null;
        return new AssessmentView(round.Id, round.Number, round.Title, round.OpenedAt, round.ClosesAt, round.ClosedAt, round.IsOpenAt(clock.GetUtcNow()),
            round.Dimensions.OrderBy(d => d.Position).Select(d => new DimensionView(d.Code, d.Position, NameOf(d))).ToList(),
            round.Ratings.OrderBy(r => r.RatedAt).ThenBy(r => r.Id).Select(ToView).ToList(),
            round.AllRatings.OrderBy(r => r.RatedAt).ThenBy(r => r.Id).Select(ToView).ToList());
    }

    public async Task<AssessmentResultsView?> ResultsAsync(Guid id, CancellationToken ct)
    {
        var round = await db.AssessmentRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return round is null ? null : new AssessmentResultsView(round.Id, round.Number, round.Title, round.IsOpenAt(clock.GetUtcNow()),
            AssessmentResults.DivergenceName, l["Assessment.DivergenceDefinition"], ResultsOf(round));
    }

    /// <summary>Every round, in order, with each group's median per dimension.</summary>
    public async Task<TrendView> TrendAsync(CancellationToken ct)
    {
        var rounds = await db.AssessmentRounds.AsNoTracking().OrderBy(r => r.Number).ToListAsync(ct);
        return AssessmentResults.Trend(rounds.Select(r => (new RoundRef(r.Id, r.Number, r.Title, r.IsOpenAt(clock.GetUtcNow())), ResultsOf(r))).ToList());
    }

    private IReadOnlyList<DimensionResult> ResultsOf(AssessmentRound round)
        => AssessmentResults.Compute(round.Dimensions.OrderBy(d => d.Position).Select(d => (d.Code, (string?)NameOf(d))),
            round.Ratings.Select(r => new Score(r.DimensionCode, r.StakeholderGroup, r.Score)));

    private string NameOf(AssessmentDimension d) => d.Name ?? l["AssessmentDimension." + d.Code].Value;

    private static RatingView ToView(Rating r) => new(r.Id, r.DimensionCode, r.Score, r.Comment, r.RaterId, r.RaterName,
        r.StakeholderGroup.ToCode(), r.MemberStateCode, r.RatedAt, r.SupersededAt);
}
