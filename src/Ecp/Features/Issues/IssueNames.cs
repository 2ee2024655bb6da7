using System.Globalization;

namespace Ecp.Features.Issues;

/// <summary>
/// An issue's or a cluster's name in the six UN languages. English is the language of the CSTD
/// mapping and always present; another language may be missing, and then the English name is
/// shown with a note that no translation exists (never an invented one).
/// </summary>
public sealed record IssueNames
{
    public const int MaxLength = 200;

    public string En { get; init; } = "";
    public string? Fr { get; init; }
    public string? Es { get; init; }
    public string? Ru { get; init; }
    public string? Zh { get; init; }
    public string? Ar { get; init; }

    /// <summary>The name in <paramref name="language"/> (a UN code), or null when it has none.</summary>
    public string? In(string language) => language switch
    {
        "en" => En,
        "fr" => Fr,
        "es" => Es,
        "ru" => Ru,
        "zh" => Zh,
        "ar" => Ar,
        _ => null,
    };

    /// <summary>The name in the current UI language, else in English.</summary>
    public NameView Current()
    {
        var language = Languages.ToUnLanguage(CultureInfo.CurrentUICulture);
        return In(language) is { Length: > 0 } name ? new NameView(name, language) : new NameView(En, "en");
    }

    /// <summary>These names with the given ones replacing theirs (a null leaves a language as it was,
    /// an empty text removes a translation; English cannot be removed).</summary>
    public IssueNames With(IReadOnlyDictionary<string, string?> names)
    {
        string? Pick(string language, string? current) => names.TryGetValue(language, out var n) && n is not null
            ? (n.Trim() is { Length: > 0 } t ? t : null)
            : current;
        return new IssueNames
        {
            En = Pick("en", En) ?? En,
            Fr = Pick("fr", Fr),
            Es = Pick("es", Es),
            Ru = Pick("ru", Ru),
            Zh = Pick("zh", Zh),
            Ar = Pick("ar", Ar),
        };
    }

    public IReadOnlyDictionary<string, string> ToDictionary()
        => Languages.All.Where(l => In(l) is { Length: > 0 }).ToDictionary(l => l, l => In(l)!);

    public static IssueNames From(IReadOnlyDictionary<string, string> names) => new IssueNames { En = names.GetValueOrDefault("en") ?? "" }.With(names!);
}
