namespace Ecp.Features.Decisions;

public enum PositionKind
{
    Support,
    NoObjection,
    /// <summary>Joins the consensus with a statement that travels with the outcome.</summary>
    Reservation,
    /// <summary>Blocks consensus while it stands.</summary>
    Objection,
}

/// <summary>A Member State's formal position; superseded when the State states another.</summary>
public sealed class FormalPosition
{
    private FormalPosition()
    {
        MemberStateCode = null!;
        DelegateName = null!;
    }

    internal FormalPosition(Guid decisionId, string memberStateCode, Guid delegateId, string delegateName, PositionKind kind, string? statement, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        DecisionId = decisionId;
        MemberStateCode = memberStateCode;
        DelegateId = delegateId;
        DelegateName = delegateName;
        Kind = kind;
        Statement = statement;
        StatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid DecisionId { get; private set; }

    public string MemberStateCode { get; private set; }

    public Guid DelegateId { get; private set; }

    public string DelegateName { get; private set; }

    public PositionKind Kind { get; private set; }

    public string? Statement { get; private set; }

    public DateTimeOffset StatedAt { get; private set; }

    public DateTimeOffset? SupersededAt { get; private set; }

    internal void Supersede(DateTimeOffset now) => SupersededAt = now;
}
