namespace Ecp.Features.Meetings;

/// <summary>The record's action names for meetings, as "entity.verb": written by the use cases,
/// read by the projections (the mail of registrations and changes, the home page's activity).
/// Every entry's entity is the meeting, so its history reads in one list.</summary>
public static class MeetingActions
{
    public const string Scheduled = "meeting.scheduled";
    public const string Changed = "meeting.changed";
    public const string Cancelled = "meeting.cancelled";
    public const string RegistrationRequested = "meeting.registration-requested";
    public const string RegistrationConfirmed = "meeting.registration-confirmed";
    public const string RegistrationWithdrawn = "meeting.registration-withdrawn";
    /// <summary>A seat came free and the first who waited took it.</summary>
    public const string MovedUp = "meeting.moved-up";
    public const string MinutesRecorded = "meeting.minutes-recorded";

    public const string FloorRequested = "meeting.floor-requested";
    public const string SpeakersOrdered = "meeting.speakers-ordered";
    public const string FloorGiven = "meeting.floor-given";
    public const string FloorClosed = "meeting.floor-closed";

    public const string Entity = "meeting";
}
