using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Notifications;

/// <summary>A person's follows, named.</summary>
public sealed class FollowQueries(AppDbContext db)
{
    /// <summary>Newest first (a person follows a handful of things: sorted here, not in SQL).</summary>
    public async Task<List<FollowView>> MineAsync(Guid personId, CancellationToken ct = default)
        => (await Views(db.Set<Follow>().AsNoTracking().Where(f => f.PersonId == personId)).ToListAsync(ct))
            .OrderByDescending(f => f.CreatedAt)
            .ThenByDescending(f => f.Id)
            .ToList();

    public Task<FollowView?> FindAsync(Guid personId, FollowTarget.Command target, CancellationToken ct = default)
        => Views(db.Set<Follow>().AsNoTracking().Where(f => f.PersonId == personId
                && (target.BodyId != null ? f.BodyId == target.BodyId : f.ConsultationId == target.ConsultationId)))
            .FirstOrDefaultAsync(ct);

    private IQueryable<FollowView> Views(IQueryable<Follow> follows)
        => from f in follows
           from b in db.Bodies.Where(b => b.Id == f.BodyId).DefaultIfEmpty()
           from c in db.Consultations.Where(c => c.Id == f.ConsultationId).DefaultIfEmpty()
           select new FollowView(f.Id, f.BodyId, f.ConsultationId, b != null ? b.Name : c != null ? c.Topic : "", f.CreatedAt);
}
