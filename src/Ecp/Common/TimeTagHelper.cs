using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Ecp.Common;

/// <summary>
/// <c>&lt;time ecp-at="@instant" ecp-show="minute"&gt;&lt;/time&gt;</c>: the machine-readable instant in
/// the form HTML accepts (UTC, at most milliseconds: <c>2026-12-01T10:00:00Z</c>) and the visible
/// date, or date and time, in the page's culture, in UTC.
/// </summary>
[HtmlTargetElement("time", Attributes = AtAttribute)]
public sealed partial class TimeTagHelper : TagHelper
{
    private const string AtAttribute = "ecp-at";

    [HtmlAttributeName(AtAttribute)]
    public DateTimeOffset At { get; set; }

    /// <summary>"date", "minute" (the default) or "second".</summary>
    [HtmlAttributeName("ecp-show")]
    public string Show { get; set; } = "minute";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.SetAttribute("datetime", MachineReadable(At));
        output.Content.SetContent(Visible(At, Show, CultureInfo.CurrentCulture));
    }

    /// <summary>A valid HTML global date and time: UTC, no more than three fractional digits.</summary>
    public static string MachineReadable(DateTimeOffset at)
        => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFF'Z'", CultureInfo.InvariantCulture);

    public static string Visible(DateTimeOffset at, string show, CultureInfo culture)
    {
        var utc = at.UtcDateTime;
        var format = culture.DateTimeFormat;
        // The long date without its weekday ("1 December 2026", "2026年12月1日").
        var date = utc.ToString(Weekday().Replace(format.LongDatePattern, "").Trim(' ', ',', '،'), culture);
        return show switch
        {
            "date" => date,
            "second" => $"{date} {utc.ToString(format.LongTimePattern, culture)} UTC",
            _ => $"{date} {utc.ToString(format.ShortTimePattern, culture)} UTC",
        };
    }

    [GeneratedRegex(@"dddd[,،]?\s*")]
    private static partial Regex Weekday();
}
