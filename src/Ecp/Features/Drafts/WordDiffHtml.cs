using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Drafts;

/// <summary>A word-by-word difference as HTML, for every page that shows one (versions of a
/// document, revisions of an annual report).</summary>
public static class WordDiffHtml
{
    /// <summary>The words with &lt;ins&gt;/&lt;del&gt;, written without any whitespace of the
    /// markup's own between them (it would read as spaces in the text); screen readers hear where
    /// an insertion or deletion starts and ends.</summary>
    public static IHtmlContent Render(IReadOnlyList<WordPieceView> words, HtmlEncoder encoder, IStringLocalizer l)
    {
        var html = new StringBuilder();
        foreach (var w in words)
        {
            var text = encoder.Encode(w.Text);
            html.Append(w.Change switch
            {
                "inserted" => $"<ins>{Hidden("Compare.InsertedStart")}{text}{Hidden("Compare.InsertedEnd")}</ins>",
                "deleted" => $"<del>{Hidden("Compare.DeletedStart")}{text}{Hidden("Compare.DeletedEnd")}</del>",
                _ => text,
            });
        }
        return new HtmlString(html.ToString());

        string Hidden(string key) => $"<span class=\"visually-hidden\">{encoder.Encode(l[key])}</span>";
    }
}
