using System.Collections.Concurrent;
using System.Text.Json;

namespace Ecp.Common;

/// <summary>
/// The one way an enum value is written in the API, the record and a URL: its name in lower
/// kebab case (<c>StakeholderGroup.PrivateSector</c> is <c>private-sector</c>), the same
/// naming policy as the record's canonical JSON (<see cref="Features.Record.CanonicalJson"/>),
/// so a code read from a payload and a code read from an endpoint always match.
/// </summary>
public static class Codes
{
    private static readonly ConcurrentDictionary<Enum, string> ToCodes = new();

    public static string ToCode<TEnum>(this TEnum value) where TEnum : struct, Enum
        => ToCodes.GetOrAdd(value, v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));

    /// <summary>The value whose code is <paramref name="code"/> (exactly), or null.</summary>
    public static TEnum? Parse<TEnum>(string? code) where TEnum : struct, Enum
    {
        if (code is null) return null;
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (value.ToCode() == code) return value;
        }
        return null;
    }
}
