using Ecp.Common;

namespace Ecp.Features.Notifications;

// The notifications' expected failures: one record each, its code and message key written once.

public sealed record FollowNotFound() : NotFoundError("Follow.NotFound");

/// <summary>A feed of a body, consultation or document that does not exist.</summary>
public sealed record FeedSubjectNotFound() : NotFoundError("Feeds.NotFound");
