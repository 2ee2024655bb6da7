namespace Ecp.Features.Notifications;

/// <summary>What a person follows, with the target's name.</summary>
public sealed record FollowView(Guid Id, Guid? BodyId, Guid? ConsultationId, string TargetName, DateTimeOffset CreatedAt);
