using System.Globalization;

namespace Ecp.Features.Notifications;

/// <summary>What every e-mail of the platform shares: the recipient's language for the resource
/// lookup, and instants written the same way in every language.</summary>
internal static class MailLanguage
{
    /// <summary>An instant as "yyyy-MM-dd HH:mm UTC", the same in every language.</summary>
    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>Background work has no request culture: set the mail's language for the lookup.</summary>
    public static T In<T>(string language, Func<T> compose)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Languages.IsSupported(language) ? language : Languages.Default);
            return compose();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
