using Ecp.Common;
using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Notifications;

/// <summary>What a person follows, with the target's name.</summary>
public sealed record FollowView(Guid Id, Guid? BodyId, Guid? ConsultationId, string TargetName, DateTimeOffset CreatedAt);

/// <summary>
/// Any person with an account follows a body or a consultation to be told by e-mail when it opens,
/// is extended, or is about to close. A preference of the account: nothing goes on the record.
/// Following again what one follows already changes nothing and answers the same follow.
/// </summary>
public sealed class FollowTarget(AppDbContext db, FollowQueries queries, TimeProvider clock)
{
    /// <summary>Exactly one of the two. Also the model of the follow button (_FollowButton.cshtml).</summary>
    public sealed record Command
    {
        public Guid? BodyId { get; init; }
        public Guid? ConsultationId { get; init; }

        public static Command Body(Guid id) => new() { BodyId = id };

        public static Command Consultation(Guid id) => new() { ConsultationId = id };
    }

    /// <summary>The follow, and whether this call made it.</summary>
    public sealed record Followed(FollowView Follow, bool Created);

    public async Task<Result<Followed>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
    {
        if (actor.PersonId is not { } personId) return new UnauthenticatedError();
        if ((command.BodyId is null) == (command.ConsultationId is null))
        {
            return new ValidationError([new FieldError(nameof(Command.ConsultationId), "Follow.OneTarget")]);
        }
        if (command.BodyId is { } bodyId && !await db.Bodies.AnyAsync(b => b.Id == bodyId, ct))
        {
            return new ValidationError([new FieldError(nameof(Command.BodyId), "Document.BodyUnknown")]);
        }
        if (command.ConsultationId is { } consultationId && !await db.Consultations.AnyAsync(c => c.Id == consultationId, ct))
        {
            return new ValidationError([new FieldError(nameof(Command.ConsultationId), "Consultation.NotFound")]);
        }

        if (await queries.FindAsync(personId, command, ct) is { } existing) return new Followed(existing, false);
        var follow = Follow.Of(personId, command.BodyId, command.ConsultationId, clock.GetUtcNow());
        db.Add(follow);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person following twice at once (a double click): one follow, both succeed.
            db.ChangeTracker.Clear();
            if (await queries.FindAsync(personId, command, ct) is { } raced) return new Followed(raced, false);
            throw;
        }
        return new Followed((await queries.FindAsync(personId, command, ct))!, true);
    }
}

/// <summary>Stops a follow; only its owner may.</summary>
public sealed class UnfollowTarget(AppDbContext db)
{
    public async Task<Result<Guid>> HandleAsync(Actor actor, Guid followId, CancellationToken ct = default)
    {
        if (actor.PersonId is not { } personId) return new UnauthenticatedError();
        // Someone else's follow is as good as absent: who follows what is not for others to probe.
        var deleted = await db.Set<Follow>().Where(f => f.Id == followId && f.PersonId == personId).ExecuteDeleteAsync(ct);
        return deleted == 1 ? followId : new NotFoundError("Follow.NotFound");
    }
}

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
