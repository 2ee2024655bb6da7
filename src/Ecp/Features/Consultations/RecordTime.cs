using System.Globalization;
using Ecp.Features.Record;

namespace Ecp.Features.Consultations;

/// <summary>An instant as the record's payloads (and the "closed at" message) write it: UTC, to the millisecond.</summary>
internal static class RecordTime
{
    public static string Of(DateTimeOffset t) => t.UtcDateTime.ToString(RecordCanonicalForm.TimeFormat, CultureInfo.InvariantCulture);
}
