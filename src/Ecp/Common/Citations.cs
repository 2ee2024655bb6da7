using System.Globalization;
using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;

namespace Ecp.Common;

/// <summary>
/// How a secretariat's synthesis cites numbered items, as "[C-12]" (a consultation's contributions)
/// or "[R-3]" (a reporting cycle's reports): one parser, one renderer and one check for both. A text
/// cannot be published while a citation does not resolve: the error names every bad citation.
/// </summary>
public sealed class CitationStyle
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAdvancedExtensions().Build();
    private static readonly HtmlSanitizer Sanitizer = new();

    private readonly Regex pattern;

    /// <param name="prefix">The letter before the number: "C" gives [C-12].</param>
    public CitationStyle(string prefix)
    {
        Prefix = prefix;
        pattern = new Regex(@"\[" + Regex.Escape(prefix) + @"-(\d{1,6})\]", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public static CitationStyle Contributions { get; } = new("C");

    public static CitationStyle Reports { get; } = new("R");

    public string Prefix { get; }

    public string Format(int number) => $"[{Prefix}-{number.ToString(CultureInfo.InvariantCulture)}]";

    /// <summary>The numbers a text cites, in order of first citation.</summary>
    public IReadOnlyList<int> In(string text)
        => pattern.Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().ToList();

    /// <summary>Markdown to sanitized HTML (Markdig, raw HTML disabled; HtmlSanitizer), each citation a link.</summary>
    public string Render(string markdown, Func<int, string> href)
    {
        var html = Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
        return pattern.Replace(html, m => $"<a href=\"{href(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))}\">{m.Value}</a>");
    }

    /// <summary>
    /// The check before publishing: the text is required and within <paramref name="maxLength"/>, and
    /// every number it cites is among those <paramref name="resolve"/> finds (it is given only the cited
    /// numbers, never asked for every item). The error, on <paramref name="field"/>, names the
    /// unresolved citations with <paramref name="messageKey"/> ({0}: the list).
    /// </summary>
    public async Task<Result<List<int>>> CheckAsync(string field, string? markdown, int maxLength, string messageKey,
        Func<List<int>, Task<List<int>>> resolve)
    {
        var check = new Validation().RequiredText(field, markdown, maxLength);
        if (!check.IsValid) return check.ToError();
        var cited = In(markdown!).ToList();
        var found = cited.Count == 0 ? [] : await resolve(cited);
        var unknown = cited.Where(n => !found.Contains(n)).ToList();
        if (unknown.Count > 0) return new Validation().Add(field, messageKey, string.Join(", ", unknown.Select(Format))).ToError();
        return cited;
    }
}
