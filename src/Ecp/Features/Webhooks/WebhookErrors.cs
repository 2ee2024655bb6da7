using Ecp.Common;

namespace Ecp.Features.Webhooks;

// The webhooks' expected failures: one record each, its code and message key written once.

/// <summary>A subscription that does not exist, was removed, or is someone else's (who
/// subscribes to what is not for others to probe).</summary>
public sealed record WebhookNotFound() : NotFoundError("Webhook.NotFound");
