namespace Ecp.Features.Webhooks;

/// <summary>
/// One event of the record for one subscription: queued by <see cref="WebhookProjection"/> in the
/// same transaction as its checkpoint, POSTed by <see cref="WebhookSender"/> until the receiver
/// answers 2xx, with exponential back-off, and given up after the configured number of attempts.
/// Every attempt carries the same <see cref="MessageId"/> (the webhook-id), so a receiver can
/// tell a retry from a new event.
/// </summary>
public sealed class WebhookDelivery
{
    public const int ErrorMaxLength = 1000;
    public const int MessageIdMaxLength = 100;
    public const int EventTypeMaxLength = 100;

    private WebhookDelivery()
    {
        MessageId = null!;
        EventType = null!;
        Body = null!;
    }

    public Guid Id { get; private set; }

    public Guid SubscriptionId { get; private set; }

    /// <summary>"msg_{recordSequence}_{subscriptionId:N}": the webhook-id header.</summary>
    public string MessageId { get; private set; }

    public long RecordSequence { get; private set; }

    /// <summary>The record action, e.g. "consultation.opened".</summary>
    public string EventType { get; private set; }

    /// <summary>The JSON sent: the record entry as the public API shows it.</summary>
    public string Body { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>The receiver's last HTTP status; null when no answer came (refused, timed out).</summary>
    public int? LastStatus { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>Given up after the last attempt failed.</summary>
    public bool Failed { get; private set; }

    public static string MessageIdOf(long sequence, Guid subscriptionId) => $"msg_{sequence}_{subscriptionId:N}";

    public static WebhookDelivery Queue(Guid subscriptionId, long sequence, string eventType, string body, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        SubscriptionId = subscriptionId,
        MessageId = MessageIdOf(sequence, subscriptionId),
        RecordSequence = sequence,
        EventType = eventType.Length <= EventTypeMaxLength ? eventType : eventType[..EventTypeMaxLength],
        Body = body,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public void MarkDelivered(int status, DateTimeOffset now)
    {
        Attempts++;
        DeliveredAt = now;
        LastStatus = status;
        LastError = null;
    }

    /// <summary>Waits <paramref name="firstRetry"/> times 1, 2, 4 ... before the next attempt; after
    /// <paramref name="maxAttempts"/> it is given up, keeping its last answer for its owner to see.</summary>
    public void MarkFailed(int? status, string error, DateTimeOffset now, TimeSpan firstRetry, int maxAttempts)
    {
        Attempts++;
        LastStatus = status;
        LastError = error.Length <= ErrorMaxLength ? error : error[..ErrorMaxLength];
        if (Attempts >= maxAttempts)
        {
            Failed = true;
            return;
        }
        NextAttemptAt = now + firstRetry * Math.Pow(2, Attempts - 1);
    }
}
