using Ecp.Common;

namespace Ecp.Features.Meetings;

/// <summary>What the record keeps of a request for the floor at each step of the speakers list.</summary>
internal static class FloorPayload
{
    public static object Of(FloorRequest f) => new
    {
        meetingId = f.MeetingId,
        floorRequestId = f.Id,
        agendaItem = f.AgendaNumber,
        personId = f.PersonId,
        group = f.Group.ToCode(),
        memberState = f.MemberStateCode,
        order = f.Order,
        status = f.Status.ToCode(),
        requestedAt = f.RequestedAt,
        givenAt = f.GivenAt,
        closedAt = f.ClosedAt,
    };
}
