using Ecp.Common;
using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Notifications;

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
        if (!Follow.HasOneTarget(command.BodyId, command.ConsultationId))
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
