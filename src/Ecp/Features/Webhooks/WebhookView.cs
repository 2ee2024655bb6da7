namespace Ecp.Features.Webhooks;

/// <summary>A subscription as its owner sees it; <see cref="Target"/> is "body", "consultation" or "document".</summary>
public sealed record WebhookView(Guid Id, string Target, Guid TargetId, string TargetName, string Url, DateTimeOffset CreatedAt);

/// <summary>A new subscription and its signing secret, shown this once.</summary>
public sealed record WebhookCreated(Guid Id, string Target, Guid TargetId, string TargetName, string Url, DateTimeOffset CreatedAt, string Secret);

/// <summary>One delivery of the log: delivered, waiting for its next attempt, or given up.</summary>
public sealed record WebhookDeliveryView(Guid Id, string MessageId, long RecordSequence, string EventType, DateTimeOffset CreatedAt, int Attempts,
    DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt, int? LastStatus, string? LastError, bool Failed)
{
    /// <summary>"delivered", "failed" or "pending".</summary>
    public string State => DeliveredAt is not null ? "delivered" : Failed ? "failed" : "pending";
}

/// <summary>A subscription with a page of its delivery log, newest first; <see cref="Next"/> is the cursor of the next page.</summary>
public sealed record WebhookDetail(WebhookView Webhook, IReadOnlyList<WebhookDeliveryView> Deliveries, string? Next);
