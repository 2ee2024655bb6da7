using Ecp.Common;

namespace Ecp.Features.Registry;

public enum AccreditationKind
{
    /// <summary>Acts for one Member State; the delegation speaks with one voice.</summary>
    Delegate,

    /// <summary>Takes part for an organization, or as an individual of a stakeholder group.</summary>
    Stakeholder,

    /// <summary>Files a relevant organization's annual performance reports.</summary>
    Reporter,
}

public enum AccreditationStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>A person's request to take part in a role, decided by the secretariat.</summary>
public sealed class Accreditation
{
    public const int TextMaxLength = 2000;

    private Accreditation()
    {
        Motivation = null!;
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public AccreditationKind Kind { get; private set; }

    public string? MemberStateCode { get; private set; }

    public Guid? OrganizationId { get; private set; }

    public StakeholderGroup StakeholderGroup { get; private set; }

    public string Motivation { get; private set; }

    public AccreditationStatus Status { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Why it was rejected (required) or any note on the approval.</summary>
    public string? Reason { get; private set; }

    /// <summary>A pending request for a target its rules allowed (<see cref="AccreditationTarget"/>).</summary>
    public static Accreditation Request(Guid personId, AccreditationTarget target, string motivation, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PersonId = personId,
        Kind = target.Kind,
        MemberStateCode = target.MemberStateCode,
        OrganizationId = target.Organization?.Id,
        StakeholderGroup = target.Group,
        Motivation = motivation.Trim(),
        Status = AccreditationStatus.Pending,
        RequestedAt = now,
    };

    public Result<Accreditation> Approve(Guid secretariatPersonId, string? note, DateTimeOffset now)
    {
        if (Status != AccreditationStatus.Pending)
        {
            return new AccreditationAlreadyDecided();
        }
        Status = AccreditationStatus.Approved;
        Decide(secretariatPersonId, note, now);
        return this;
    }

    public Result<Accreditation> Reject(Guid secretariatPersonId, string reason, DateTimeOffset now)
    {
        if (Status != AccreditationStatus.Pending)
        {
            return new AccreditationAlreadyDecided();
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new Validation().Add(nameof(Reason), "Accreditation.ReasonRequired").ToError();
        }
        Status = AccreditationStatus.Rejected;
        Decide(secretariatPersonId, reason, now);
        return this;
    }

    private void Decide(Guid by, string? reason, DateTimeOffset now)
    {
        DecidedBy = by;
        DecidedAt = now;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }
}
