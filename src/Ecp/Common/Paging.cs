using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Ecp.Common;

/// <summary>Keyset paging shared by the lists ordered by a text key (a name, a symbol) or an
/// instant, and the id: the cursor is the last item's key and id, so a page stays the same while rows are added
/// elsewhere. API bodies stay plain arrays; the next page is announced in a Link header.</summary>
public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static int Take(int? limit) => Math.Clamp(limit ?? DefaultPageSize, 1, MaxPageSize);

    public static string Format(string key, Guid id) => $"{WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(key))}.{id:N}";

    public static bool TryParse(string? cursor, out string key, out Guid id)
    {
        key = "";
        id = default;
        if (cursor?.Split('.') is not [var encoded, var guid] || !Guid.TryParseExact(guid, "N", out id)) return false;
        try
        {
            key = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded));
            return true;
        }
        catch (FormatException)
        {
            id = default;
            return false;
        }
    }

    /// <summary>The cursor of a list ordered by an instant (a consultation's opening, a request's
    /// time) and the id.</summary>
    public static string FormatInstant(DateTimeOffset at, Guid id) => $"{at.UtcTicks}.{id:N}";

    public static bool TryParseInstant(string? cursor, out DateTimeOffset at, out Guid id)
    {
        at = default;
        id = default;
        if (cursor?.Split('.') is not [var ticks, var guid] || !long.TryParse(ticks, System.Globalization.CultureInfo.InvariantCulture, out var t)
            || t < DateTimeOffset.MinValue.UtcTicks || t > DateTimeOffset.MaxValue.UtcTicks || !Guid.TryParseExact(guid, "N", out id))
        {
            return false;
        }
        at = new DateTimeOffset(t, TimeSpan.Zero);
        return true;
    }

    /// <summary>Adds <c>Link: &lt;path?…&amp;after=next&gt;; rel="next"</c> when there is a next page;
    /// <paramref name="query"/> holds the list's other filters, already escaped.</summary>
    public static void LinkNext(HttpResponse response, string path, string? next, int? limit, string query = "")
    {
        if (next is null) return;
        var filters = query.Length > 0 ? query + "&" : "";
        response.Headers.Link = $"<{path}?{filters}after={Uri.EscapeDataString(next)}{(limit is null ? "" : $"&limit={Take(limit)}")}>; rel=\"next\"";
    }

    /// <summary>The page (at most <paramref name="take"/>) and the cursor of the next, from rows read with <c>Take(take + 1)</c>.</summary>
    public static (List<T> Page, string? Next) Split<T>(List<T> rows, int take, Func<T, string> cursor)
    {
        var page = rows.Take(take).ToList();
        return (page, rows.Count > take ? cursor(page[^1]) : null);
    }
}
