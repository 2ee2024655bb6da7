using Ecp.Features.Registry;

namespace Ecp.Features.Meetings;

/// <summary>As what a person attends: a member takes part (and may ask for the floor); an
/// observer follows, as the body's rules allow.</summary>
public enum AttendanceCapacity
{
    Member,
    Observer,
}

/// <summary>Where a request to attend stands. <see cref="Seated"/> holds a seat the secretariat has
/// still to confirm; <see cref="Waiting"/> waits, in the order of request time, for a seat of its group.</summary>
public enum RegistrationStatus
{
    Seated,
    Confirmed,
    Waiting,
    Withdrawn,
}

/// <summary>
/// A person's request to attend a meeting, as member or observer, for the stakeholder group they
/// are accredited in. Where the group's seats are capped and taken, the request waits; the
/// waiting list is first come, first served by <see cref="RequestedAt"/> (then id), and a
/// withdrawal seats the first who waits (<see cref="MeetingSeats"/>).
/// </summary>
public sealed class MeetingRegistration
{
    private MeetingRegistration()
    {
    }

    public Guid Id { get; private set; }

    public Guid MeetingId { get; private set; }

    public Guid PersonId { get; private set; }

    public AttendanceCapacity Capacity { get; private set; }

    public StakeholderGroup Group { get; private set; }

    public string? MemberStateCode { get; private set; }

    public Guid? OrganizationId { get; private set; }

    public RegistrationStatus Status { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Whether it holds a seat (seated or confirmed).</summary>
    public bool HoldsSeat => Status is RegistrationStatus.Seated or RegistrationStatus.Confirmed;

    public bool IsActive => Status != RegistrationStatus.Withdrawn;

    internal static MeetingRegistration Request(Guid meetingId, Guid personId, AttendanceCapacity capacity, StakeholderGroup group,
        string? memberStateCode, Guid? organizationId, bool seatFree, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        MeetingId = meetingId,
        PersonId = personId,
        Capacity = capacity,
        Group = group,
        MemberStateCode = memberStateCode,
        OrganizationId = organizationId,
        Status = seatFree ? RegistrationStatus.Seated : RegistrationStatus.Waiting,
        RequestedAt = now,
        UpdatedAt = now,
    };

    public Error? Withdraw(DateTimeOffset now)
    {
        if (Status == RegistrationStatus.Withdrawn) return new RegistrationWithdrawn();
        Status = RegistrationStatus.Withdrawn;
        UpdatedAt = now;
        return null;
    }

    public Error? Confirm(DateTimeOffset now)
    {
        if (Status != RegistrationStatus.Seated) return new RegistrationNotSeated();
        Status = RegistrationStatus.Confirmed;
        UpdatedAt = now;
        return null;
    }

    internal void TakeSeat(DateTimeOffset now)
    {
        Status = RegistrationStatus.Seated;
        UpdatedAt = now;
    }
}

/// <summary>The seats of one meeting: which group is capped, who holds a seat, who waits and in which order.</summary>
public static class MeetingSeats
{
    /// <summary>Non-government groups share the cap per group; Member States are never capped.</summary>
    public static bool IsCapped(StakeholderGroup group, int? seats) => seats is not null && group != StakeholderGroup.Government;

    /// <summary>The waiting list of a group, first come first.</summary>
    public static IEnumerable<MeetingRegistration> WaitingInOrder(IEnumerable<MeetingRegistration> registrations, StakeholderGroup group)
        => registrations.Where(r => r.Status == RegistrationStatus.Waiting && r.Group == group).OrderBy(r => r.RequestedAt).ThenBy(r => r.Id);

    /// <summary>Seats the first who wait of each group while seats are free; returns those seated.</summary>
    public static List<MeetingRegistration> FillFreeSeats(IReadOnlyList<MeetingRegistration> registrations, int? seats, DateTimeOffset now)
    {
        var moved = new List<MeetingRegistration>();
        foreach (var group in registrations.Where(r => r.Status == RegistrationStatus.Waiting).Select(r => r.Group).Distinct().ToList())
        {
            var held = registrations.Count(r => r.Group == group && r.HoldsSeat);
            foreach (var next in WaitingInOrder(registrations, group).ToList())
            {
                if (IsCapped(group, seats) && held >= seats) break;
                next.TakeSeat(now);
                moved.Add(next);
                held++;
            }
        }
        return moved;
    }
}
