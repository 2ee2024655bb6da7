using Ecp.Features.Registry;

namespace Ecp.Features.Meetings;

public enum FloorStatus
{
    Waiting,
    Speaking,
    Spoke,
}

/// <summary>
/// A participant's request for the floor on one agenda item: waiting in the Chair's order
/// (<see cref="Order"/>), then speaking from <see cref="GivenAt"/>, then done at
/// <see cref="ClosedAt"/>. Shown with the speaker's stakeholder group (and Member State), so the
/// list tells who was heard, in what order and for how long.
/// </summary>
public sealed class FloorRequest
{
    private FloorRequest()
    {
    }

    public Guid Id { get; private set; }

    public Guid MeetingId { get; private set; }

    public int AgendaNumber { get; private set; }

    public Guid RegistrationId { get; private set; }

    public Guid PersonId { get; private set; }

    public StakeholderGroup Group { get; private set; }

    public string? MemberStateCode { get; private set; }

    /// <summary>Place in the queue of its item, as the Chair set it (1 first).</summary>
    public int Order { get; private set; }

    public FloorStatus Status { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset? GivenAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    internal static FloorRequest Request(MeetingRegistration registration, int agendaNumber, int order, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        MeetingId = registration.MeetingId,
        AgendaNumber = agendaNumber,
        RegistrationId = registration.Id,
        PersonId = registration.PersonId,
        Group = registration.Group,
        MemberStateCode = registration.MemberStateCode,
        Order = order,
        Status = FloorStatus.Waiting,
        RequestedAt = now,
    };

    internal void Reorder(int order) => Order = order;

    public Error? Give(bool someoneSpeaking, DateTimeOffset now)
    {
        if (Status != FloorStatus.Waiting) return new FloorNotWaiting();
        if (someoneSpeaking) return new FloorTaken();
        Status = FloorStatus.Speaking;
        GivenAt = now;
        return null;
    }

    public Error? Close(DateTimeOffset now)
    {
        if (Status != FloorStatus.Speaking) return new FloorNotSpeaking();
        Status = FloorStatus.Spoke;
        ClosedAt = now;
        return null;
    }
}
