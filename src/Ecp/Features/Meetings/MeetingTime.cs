using System.Globalization;

namespace Ecp.Features.Meetings;

/// <summary>A meeting's instants in its IANA zone: the zone is checked against the system's time
/// zone database (ICU/tzdata, the same on every node), and local times are written one way.</summary>
public static class MeetingTime
{
    public static bool IsZone(string id) => id.Contains('/', StringComparison.Ordinal) || id == "UTC"
        ? TimeZoneInfo.TryFindSystemTimeZoneById(id, out _)
        : false;

    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The local wall-clock time in the zone, "2013-06-05 10:00".</summary>
    public static string Local(DateTimeOffset at, string zone)
        => TimeZoneInfo.ConvertTime(at, Zone(zone)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The offset of the zone at that instant, "+02:00".</summary>
    public static string Offset(DateTimeOffset at, string zone)
        => TimeZoneInfo.ConvertTime(at, Zone(zone)).ToString("zzz", CultureInfo.InvariantCulture);

    /// <summary>A wall-clock time typed in a form (datetime-local) read in the zone; null if either is unusable.</summary>
    public static DateTimeOffset? FromLocal(DateTime? local, string? zone)
    {
        if (local is not { } l || string.IsNullOrWhiteSpace(zone) || !IsZone(zone.Trim())) return null;
        var tz = Zone(zone.Trim());
        var unspecified = DateTime.SpecifyKind(l, DateTimeKind.Unspecified);
        // A time skipped by a daylight-saving change is read as the moment after the gap.
        if (tz.IsInvalidTime(unspecified)) unspecified = unspecified.AddHours(1);
        return new DateTimeOffset(unspecified, tz.GetUtcOffset(unspecified)).ToUniversalTime();
    }
}
