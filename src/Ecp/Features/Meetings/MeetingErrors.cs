using Ecp.Common;

namespace Ecp.Features.Meetings;

// The expected failures of meetings: one record each, with the code and message key the API and
// the pages show.

public sealed record MeetingNotFound() : NotFoundError("Meeting.NotFound");

public sealed record RegistrationNotFound() : NotFoundError("Meeting.RegistrationNotFound");

public sealed record MeetingCancelled() : ConflictError("meeting-cancelled", "Meeting.Cancelled");

/// <summary>Only a Member State of the body sits as a member of a Member-States-only session.</summary>
public sealed record MembersOnlySession() : ForbiddenError("Meeting.MembersOnly");

/// <summary>The body's rules give no observer seats to non-government stakeholders in this session.</summary>
public sealed record NoObserverSeats() : ForbiddenError("Meeting.NoObserverSeats");

/// <summary>Attending needs an accreditation that names a stakeholder group.</summary>
public sealed record NotAccreditedToAttend() : ForbiddenError("Meeting.NotAccredited");

public sealed record AlreadyRegistered() : ConflictError("already-registered", "Meeting.AlreadyRegistered");

public sealed record RegistrationWithdrawn() : ConflictError("registration-withdrawn", "Meeting.RegistrationWithdrawn");

public sealed record RegistrationNotSeated() : ConflictError("registration-not-seated", "Meeting.RegistrationNotSeated");

public sealed record NotYourRegistration() : ForbiddenError("Meeting.NotYourRegistration");

public sealed record MeetingBodyNotFound() : NotFoundError("Meeting.BodyUnknown");

public sealed record FloorRequestNotFound() : NotFoundError("Meeting.FloorRequestNotFound");

/// <summary>Only a participant holding a seat at the meeting asks for the floor.</summary>
public sealed record NotSeatedAtMeeting() : ForbiddenError("Meeting.NotSeated");

public sealed record AlreadyAskedForFloor() : ConflictError("already-asked-for-floor", "Meeting.AlreadyAskedForFloor");

public sealed record FloorNotWaiting() : ConflictError("floor-not-waiting", "Meeting.FloorNotWaiting");

public sealed record FloorNotSpeaking() : ConflictError("floor-not-speaking", "Meeting.FloorNotSpeaking");

/// <summary>One speaker at a time: the Chair closes the floor before giving it again.</summary>
public sealed record FloorTaken() : ConflictError("floor-taken", "Meeting.FloorTaken");
