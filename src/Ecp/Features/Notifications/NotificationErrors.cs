using Ecp.Common;

namespace Ecp.Features.Notifications;

// The notifications' expected failures: one record each, its code and message key written once.

public sealed record FollowNotFound() : NotFoundError("Follow.NotFound");
