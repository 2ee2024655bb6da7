using System.Globalization;
using System.Text.Encodings.Web;
using Ecp.Resources;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Ecp.Common;

/// <summary>
/// How pages show what users wrote (names, titles, topics, paragraphs, contributions, comments,
/// reasons): always isolated in a <c>&lt;bdi&gt;</c>, so an Arabic name in an English list (or the
/// reverse) keeps its own direction and the punctuation around it stays where it belongs, and
/// with the <c>lang</c> of its language when the data knows it (WCAG 3.1.2). Pages write
/// <c>@Html.UserText(x)</c>, or <c>@Html.Localized("Key", Html.UserText(x))</c> when the text sits
/// inside a sentence of the interface; <see cref="Isolate"/> serves where no markup is allowed (the
/// page's &lt;title&gt;).
/// </summary>
public static class UserTextHtml
{
    /// <summary>Unicode's own isolation, for plain text: FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE.</summary>
    public static string Isolate(string text) => $"\u2068{text}\u2069";

    /// <summary><c>&lt;bdi lang="…"&gt;text&lt;/bdi&gt;</c>; nothing for no text. <paramref name="lang"/> is a UN
    /// language code (the contribution's, the language version's) or null when unknown.</summary>
    public static IHtmlContent UserText(this IHtmlHelper html, string? text, string? lang = null) => Bdi(text, lang);

    public static IHtmlContent Bdi(string? text, string? lang = null)
    {
        if (string.IsNullOrEmpty(text)) return HtmlString.Empty;
        var bdi = new TagBuilder("bdi");
        if (!string.IsNullOrEmpty(lang)) bdi.Attributes["lang"] = lang;
        bdi.InnerHtml.Append(text);
        return bdi;
    }

    /// <summary>A sentence of the interface with user text inside it: the sentence is encoded, the
    /// arguments that are already markup (<see cref="UserText(IHtmlHelper, string?, string?)"/>) are kept as they are.</summary>
    public static IHtmlContent Localized(this IHtmlHelper html, string key, params object?[] args)
    {
        var l = html.ViewContext.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var encoder = html.ViewContext.HttpContext.RequestServices.GetService<HtmlEncoder>() ?? HtmlEncoder.Default;
        var template = encoder.Encode(l[key].Value);
        var parts = args.Select(a => a switch
        {
            IHtmlContent content => Write(content, encoder),
            IFormattable f => encoder.Encode(f.ToString(null, CultureInfo.CurrentCulture)),
            _ => encoder.Encode(a?.ToString() ?? ""),
        }).ToArray<object>();
        return new HtmlString(string.Format(CultureInfo.CurrentCulture, template, parts));
    }

    private static string Write(IHtmlContent content, HtmlEncoder encoder)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        content.WriteTo(writer, encoder);
        return writer.ToString();
    }
}
