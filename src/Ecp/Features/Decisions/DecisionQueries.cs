using Ecp.Data;
using Ecp.Features.Bodies;
using Ecp.Features.Drafts;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Decisions;
/// <summary>The decision as the public sees it: positions State by State (never a tally), advisory
/// views apart, by stakeholder group.</summary>
public sealed class DecisionQueries(AppDbContext db, MemberStateCatalog states)
{
    public async Task<DecisionView?> GetAsync(Guid id, CancellationToken ct)
    {
        var decision = await db.Decisions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (decision is null) return null;
        var document = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == decision.DocumentId, ct);
        var body = await db.Bodies.AsNoTracking().SingleAsync(b => b.Id == decision.BodyId, ct);

        var standing = decision.Positions.Select(ToView).ToList();
        var members = body.MembershipRule == MembershipRule.AllMemberStates
            ? states.All.Select(s => s.Code).ToHashSet()
            : body.Members.Select(m => m.MemberStateCode).ToHashSet();
        var byGroup = RegionalGroups.All.Select(g =>
        {
            var inGroup = states.Sorted().Where(s => s.RegionalGroup == g).ToList();
            var codes = inGroup.Select(s => s.Code).ToHashSet();
            var positions = standing.Where(p => codes.Contains(p.MemberState)).OrderBy(p => p.MemberStateName).ToList();
            var silent = body.MembershipRule == MembershipRule.ListedMemberStates
                ? inGroup.Where(s => members.Contains(s.Code) && positions.All(p => p.MemberState != s.Code)).Select(s => s.Name).ToList()
                : [];
            return new RegionalPositions(g.ToCode(), positions, silent);
        }).Where(g => g.Positions.Count > 0 || g.MembersWithoutPosition.Count > 0).ToList();

        return new DecisionView(decision.Id, document.Id, document.Symbol, document.Title, decision.VersionNumber,
            new BodyRef(body.Id, body.Name, body.Acronym),
            body.MembershipRule.ToCode(),
            decision.OpenedAt, decision.ClosedAt, decision.Outcome is { } o ? o.ToCode() : null,
            byGroup,
            decision.Reservations.Select(ToView).ToList(),
            decision.Objections.Select(ToView).ToList(),
            decision.AllPositions.OrderBy(p => p.StatedAt).Select(ToView).ToList(),
            StakeholderGroups.All.Where(g => g != StakeholderGroup.Government)
                .Select(g => new GroupViews(g.ToCode(), decision.AdvisoryViews.Where(v => v.Group == g).OrderBy(v => v.StatedAt)
                    .Select(v => new AdvisoryViewView(v.Id, v.AuthorId, v.AuthorName, g.ToCode(), v.Stance.ToCode(), v.Text, v.StatedAt)).ToList()))
                .Where(g => g.Views.Count > 0).ToList());
    }

    private PositionView ToView(FormalPosition p) => new(p.Id, p.MemberStateCode, states.Find(p.MemberStateCode)?.Name ?? p.MemberStateCode,
        p.Kind.ToCode(), p.Statement, p.DelegateId, p.DelegateName, p.StatedAt, p.SupersededAt);
}
