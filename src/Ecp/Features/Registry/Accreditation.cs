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

    public static Accreditation ForDelegate(Guid personId, string memberStateCode, string motivation, DateTimeOffset now)
        => New(personId, AccreditationKind.Delegate, memberStateCode, null, StakeholderGroup.Government, motivation, now);

    public static Accreditation ForStakeholder(Guid personId, StakeholderGroup group, Guid? organizationId, string motivation, DateTimeOffset now)
    {
        if (group == StakeholderGroup.Government)
        {
            throw new ArgumentException("Government participants are delegates of a Member State.", nameof(group));
        }
        return New(personId, AccreditationKind.Stakeholder, null, organizationId, group, motivation, now);
    }

    public static Accreditation ForReporter(Guid personId, Organization organization, string motivation, DateTimeOffset now)
    {
        if (!organization.IsRelevantOrganization)
        {
            throw new ArgumentException("Only relevant organizations file annual performance reports.", nameof(organization));
        }
        return New(personId, AccreditationKind.Reporter, null, organization.Id, organization.StakeholderGroup, motivation, now);
    }

    public Result<Accreditation> Approve(Guid secretariatPersonId, string? note, DateTimeOffset now)
    {
        if (Status != AccreditationStatus.Pending)
        {
            return new ConflictError("accreditation-decided", "Accreditation.AlreadyDecided");
        }
        Status = AccreditationStatus.Approved;
        Decide(secretariatPersonId, note, now);
        return this;
    }

    public Result<Accreditation> Reject(Guid secretariatPersonId, string reason, DateTimeOffset now)
    {
        if (Status != AccreditationStatus.Pending)
        {
            return new ConflictError("accreditation-decided", "Accreditation.AlreadyDecided");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new ValidationError([new FieldError("Reason", "Accreditation.ReasonRequired")]);
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

    private static Accreditation New(Guid personId, AccreditationKind kind, string? state, Guid? organizationId,
        StakeholderGroup group, string motivation, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PersonId = personId,
        Kind = kind,
        MemberStateCode = state,
        OrganizationId = organizationId,
        StakeholderGroup = group,
        Motivation = motivation.Trim(),
        Status = AccreditationStatus.Pending,
        RequestedAt = now,
    };
}
