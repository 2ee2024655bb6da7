namespace Ecp.Features.Notifications;

/// <summary>
/// An e-mail waiting to be sent (table NotificationOutbox). Written in the same transaction as
/// the projection's checkpoint, sent later by <see cref="OutboxSender"/> on whichever node holds
/// the lease; requests never wait for a mail server.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxAttempts = 8;
    public const int SubjectMaxLength = 400;
    public const int BodyMaxLength = 8000;
    public const int ErrorMaxLength = 1000;

    private OutboxMessage()
    {
        Kind = null!;
        IdempotencyKey = null!;
        Email = null!;
        Subject = null!;
        Body = null!;
    }

    public Guid Id { get; private set; }

    /// <summary>What caused it: "consultation.opened", "consultation.extended", "consultation.reminder",
    /// "report.requested", "report.reminder", "report.overdue".</summary>
    public string Kind { get; private set; }

    /// <summary>Unique: the same cause never queues the same person's mail twice
    /// ("record:{sequence}:{person}", "reminder:{consultation}:{person}:{days}d:{closes}",
    /// "report-reminder:{organization}:{person}:{days}d:{deadline}", "report-overdue:{organization}:{person}:{deadline}").</summary>
    public string IdempotencyKey { get; private set; }

    public Guid PersonId { get; private set; }

    public string Email { get; private set; }

    public string Subject { get; private set; }

    public string Body { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? LastError { get; private set; }

    public bool GaveUp => SentAt is null && Attempts >= MaxAttempts;

    public static OutboxMessage Queue(string kind, string idempotencyKey, Guid personId, string email, string subject, string body, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Kind = kind,
        IdempotencyKey = idempotencyKey,
        PersonId = personId,
        Email = email,
        Subject = Truncate(subject, SubjectMaxLength),
        Body = Truncate(body, BodyMaxLength),
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public void MarkSent(DateTimeOffset now)
    {
        Attempts++;
        SentAt = now;
        LastError = null;
    }

    /// <summary>Backs off exponentially (1, 2, 4 ... times <paramref name="firstRetry"/>); after
    /// <see cref="MaxAttempts"/> it stays unsent with its last error, for an operator to see.</summary>
    public void MarkFailed(string error, DateTimeOffset now, TimeSpan firstRetry)
    {
        Attempts++;
        LastError = Truncate(error, ErrorMaxLength);
        NextAttemptAt = now + firstRetry * Math.Pow(2, Attempts - 1);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
