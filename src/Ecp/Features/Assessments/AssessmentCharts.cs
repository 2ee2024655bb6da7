using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace Ecp.Features.Assessments;

/// <summary>
/// The results' charts as inline SVG, drawn on the server (no script, nothing to download): a bar
/// per stakeholder group for a dimension's medians, and a line per group for its medians across
/// rounds. Each has role="img" and an aria-label; the table beside it is the accessible alternative.
/// For a right-to-left page the drawing is mirrored and its text runs right to left.
/// </summary>
public static class AssessmentCharts
{
    private const int Width = 640;
    private const int LabelWidth = 260;
    private const int Row = 30;
    private const int ScaleWidth = 300;

    // Distinguishable without colour too: each series of the trend has its own dash pattern.
    private static readonly string[] Colours = ["#1a4fa0", "#b3261e", "#0b6e3d", "#6b3fa0", "#8a5a00", "#1b1b1b"];
    private static readonly string[] Dashes = ["", "8 4", "2 3", "12 4 2 4", "4 4", "1 6"];

    // Names in any script as they are, not as character references (the page is UTF-8).
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>A dimension's median per group: one bar each, the value written beside it ("-" where nobody rated).</summary>
    public static IHtmlContent Medians(IReadOnlyList<(string Label, double? Median)> groups, string ariaLabel, bool rtl)
    {
        var height = groups.Count * Row + 40;
        var svg = Open(ariaLabel, height, rtl);
        Ticks(svg, groups.Count * Row + 8, rtl, i => LabelWidth + i * ScaleWidth / 5.0, height);
        for (var i = 0; i < groups.Count; i++)
        {
            var (label, median) = groups[i];
            var y = i * Row + 8;
            Text(svg, X(LabelWidth - 8, rtl), y + 19, "end", label, rtl);
            var length = (median ?? 0) * ScaleWidth / 5.0;
            if (length > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(rtl ? Width - LabelWidth - length : LabelWidth)}\" y=\"{y + 4}\" width=\"{N(length)}\" height=\"{Row - 10}\" fill=\"{Colours[0]}\"/>");
            }
            Text(svg, X(LabelWidth + length + 6, rtl), y + 19, "start", median is { } m ? Format(m) : "-", rtl);
        }
        return Close(svg);
    }

    /// <summary>A dimension's median per group in each round: a line per group, with a legend.</summary>
    public static IHtmlContent Trend(IReadOnlyList<string> rounds, IReadOnlyList<(string Label, IReadOnlyList<double?> Medians)> series, string ariaLabel, bool rtl)
    {
        const int top = 10, plot = 200;
        var legendTop = top + plot + 40;
        var height = legendTop + series.Count * 22 + 10;
        var svg = Open(ariaLabel, height, rtl);
        double PointX(int round) => rounds.Count == 1 ? LabelWidth + ScaleWidth / 2.0 : LabelWidth + round * ScaleWidth / (double)(rounds.Count - 1);
        double PointY(double median) => top + plot - (median - 1) * plot / 4.0;
        for (var v = 1; v <= 5; v++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(X(LabelWidth, rtl))}\" x2=\"{N(X(LabelWidth + ScaleWidth, rtl))}\" y1=\"{N(PointY(v))}\" y2=\"{N(PointY(v))}\" stroke=\"#b1b4b6\"/>");
            Text(svg, X(LabelWidth - 8, rtl), PointY(v) + 5, "end", v.ToString(CultureInfo.InvariantCulture), rtl);
        }
        for (var r = 0; r < rounds.Count; r++) Text(svg, X(PointX(r), rtl), top + plot + 24, "middle", rounds[r], rtl);
        for (var s = 0; s < series.Count; s++)
        {
            var (label, medians) = series[s];
            var points = medians.Select((m, r) => (m, r)).Where(p => p.m is not null).Select(p => $"{N(X(PointX(p.r), rtl))},{N(PointY(p.m!.Value))}").ToList();
            var dash = Dashes[s % Dashes.Length].Length > 0 ? $" stroke-dasharray=\"{Dashes[s % Dashes.Length]}\"" : "";
            if (points.Count > 1) svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{string.Join(' ', points)}\" fill=\"none\" stroke=\"{Colours[s % Colours.Length]}\" stroke-width=\"3\"{dash}/>");
            foreach (var p in points) svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{p.Split(',')[0]}\" cy=\"{p.Split(',')[1]}\" r=\"4\" fill=\"{Colours[s % Colours.Length]}\"/>");
            var y = legendTop + s * 22;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(X(LabelWidth, rtl))}\" x2=\"{N(X(LabelWidth + 40, rtl))}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{Colours[s % Colours.Length]}\" stroke-width=\"3\"{dash}/>");
            Text(svg, X(LabelWidth + 48, rtl), y + 5, "start", label, rtl);
        }
        return Close(svg);
    }

    /// <summary>The median as the page and the CSV write it: at most two decimals.</summary>
    public static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static StringBuilder Open(string ariaLabel, int height, bool rtl)
        => new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" role=\"img\" aria-label=\"{Encoder.Encode(ariaLabel)}\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" font-size=\"14\"{(rtl ? " direction=\"rtl\"" : "")}>");

    private static IHtmlContent Close(StringBuilder svg) => new HtmlString(svg.Append("</svg>").ToString());

    /// <summary>The scale 0-5 under the bars.</summary>
    private static void Ticks(StringBuilder svg, int y, bool rtl, Func<int, double> at, int height)
    {
        for (var i = 0; i <= 5; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(X(at(i), rtl))}\" x2=\"{N(X(at(i), rtl))}\" y1=\"4\" y2=\"{y}\" stroke=\"#b1b4b6\"/>");
            Text(svg, X(at(i), rtl), height - 12, "middle", i.ToString(CultureInfo.InvariantCulture), rtl);
        }
    }

    private static void Text(StringBuilder svg, double x, double y, string anchor, string text, bool rtl)
        => svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" fill=\"#1b1b1b\"{(rtl ? " direction=\"rtl\"" : "")}>{Encoder.Encode(text)}</text>");

    /// <summary>A left-to-right x, mirrored for a right-to-left page.</summary>
    private static double X(double x, bool rtl) => rtl ? Width - x : x;

    private static string N(double x) => x.ToString("0.#", CultureInfo.InvariantCulture);
}
