using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ecp.Features.Registry;

/// <summary>A UN Member State: reference data, not process state, so it lives in the binary.</summary>
public sealed record MemberState(string Code, string Alpha2, RegionalGroup RegionalGroup, IReadOnlyDictionary<string, string> Names)
{
    /// <summary>The short name in the current UI language (the six UN languages are all present).</summary>
    public string Name => NameIn(CultureInfo.CurrentUICulture);

    public string NameIn(CultureInfo culture)
        => Names.TryGetValue(Languages.ToUnLanguage(culture), out var name) ? name : Names["en"];
}
