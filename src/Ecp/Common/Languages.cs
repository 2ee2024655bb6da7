using System.Globalization;

namespace Ecp;

/// <summary>The six official UN languages, the only ones the UI speaks.</summary>
public static class Languages
{
    public const string Default = "en";

    /// <summary>Codes in UN order (alphabetical in English): Arabic, Chinese, English, French, Russian, Spanish.</summary>
    public static IReadOnlyList<string> All { get; } = ["ar", "zh", "en", "fr", "ru", "es"];

    public static bool IsSupported(string? code) => code is not null && All.Contains(code);

    public static bool IsRightToLeft(CultureInfo culture) => culture.TextInfo.IsRightToLeft;

    /// <summary>Maps a culture such as zh-Hans or fr-CH to its UN language code.</summary>
    public static string ToUnLanguage(CultureInfo culture)
    {
        for (var c = culture; c != CultureInfo.InvariantCulture; c = c.Parent)
        {
            if (All.Contains(c.Name)) return c.Name;
        }
        return Default;
    }

    /// <summary>The language's own name, shown in the language switcher whatever the UI language.</summary>
    public static string NativeName(string code) => code switch
    {
        "ar" => "العربية",
        "zh" => "中文",
        "en" => "English",
        "fr" => "Français",
        "ru" => "Русский",
        "es" => "Español",
        _ => code,
    };
}
