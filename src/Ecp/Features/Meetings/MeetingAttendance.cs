using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Ecp.Features.Registry;
using Microsoft.AspNetCore.Html;

namespace Ecp.Features.Meetings;

/// <summary>
/// Who attended (a seat held or confirmed), counted by stakeholder group and, for the Member
/// States, by UN regional group; and the same as a server-drawn SVG bar chart (role="img", the
/// table beside it is the accessible alternative; mirrored for a right-to-left page).
/// </summary>
public static class MeetingAttendance
{
    private const int Width = 640;
    private const int LabelWidth = 260;
    private const int Row = 30;
    private const int ScaleWidth = 300;
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IReadOnlyList<(StakeholderGroup Group, int Count)> ByGroup(MeetingView m)
        => StakeholderGroups.All.Select(g => (g, m.Registrations.Count(r => Attended(r) && r.Group == g.ToCode()))).ToList();

    public static IReadOnlyList<(RegionalGroup Group, int Count)> ByRegion(MeetingView m, MemberStateCatalog states)
        => RegionalGroups.All.Select(g => (g, m.Registrations.Count(r => Attended(r) && states.Find(r.MemberState)?.RegionalGroup == g))).ToList();

    /// <summary>One bar per row, its count written beside it; the longest bar is the largest count.</summary>
    public static IHtmlContent Chart(IReadOnlyList<(string Label, int Count)> rows, string ariaLabel, bool rtl)
    {
        var height = rows.Count * Row + 16;
        var max = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Count));
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" role=\"img\" aria-label=\"{Encoder.Encode(ariaLabel)}\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" font-size=\"14\"{(rtl ? " direction=\"rtl\"" : "")}>");
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, count) = rows[i];
            var y = i * Row + 8;
            var length = count * ScaleWidth / (double)max;
            Label(svg, X(LabelWidth - 8, rtl), y + 19, "end", label, rtl);
            if (length > 0) svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(rtl ? Width - LabelWidth - length : LabelWidth)}\" y=\"{y + 4}\" width=\"{N(length)}\" height=\"{Row - 10}\" fill=\"#1a4fa0\"/>");
            Label(svg, X(LabelWidth + length + 6, rtl), y + 19, "start", count.ToString(CultureInfo.InvariantCulture), rtl);
        }
        return new HtmlString(svg.Append("</svg>").ToString());
    }

    private static bool Attended(RegistrationView r) => r.Status is "seated" or "confirmed";

    private static void Label(StringBuilder svg, double x, double y, string anchor, string text, bool rtl)
        => svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" fill=\"#1b1b1b\"{(rtl ? " direction=\"rtl\"" : "")}>{Encoder.Encode(text)}</text>");

    private static double X(double x, bool rtl) => rtl ? Width - x : x;

    private static string N(double x) => x.ToString("0.#", CultureInfo.InvariantCulture);
}
