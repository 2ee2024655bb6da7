namespace Ecp.Features.Notifications;

/// <summary>
/// A person follows a body (all its consultations) or one consultation, to get its notices by
/// e-mail. An account preference, not process state: it never appears on the public record.
/// </summary>
public sealed class Follow
{
    private Follow()
    {
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid? BodyId { get; private set; }

    public Guid? ConsultationId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A follow has exactly one target: a body or a consultation.</summary>
    public static bool HasOneTarget(Guid? bodyId, Guid? consultationId) => (bodyId is null) != (consultationId is null);

    /// <summary>Exactly one of the two targets.</summary>
    public static Follow Of(Guid personId, Guid? bodyId, Guid? consultationId, DateTimeOffset now)
    {
        if (!HasOneTarget(bodyId, consultationId))
        {
            throw new ArgumentException("A follow has exactly one target: a body or a consultation.");
        }
        return new Follow
        {
            Id = Guid.CreateVersion7(now),
            PersonId = personId,
            BodyId = bodyId,
            ConsultationId = consultationId,
            CreatedAt = now,
        };
    }
}
