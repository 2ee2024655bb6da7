using System.Buffers;
using System.Text;

namespace Ecp.Common;

/// <summary>
/// Where a "return to" link may send the browser: a path on this site, nothing else. Stricter than
/// <c>Url.IsLocalUrl</c>: browsers read "/\evil.example" and "/&#9;/evil.example" as another host, and
/// a control character or a non-ASCII character in a Location header is a server error, so those
/// are refused (to "/") or percent-encoded.
/// </summary>
public static class ReturnUrl
{
    public const string Home = "/";

    /// <summary>The path to redirect to: <paramref name="url"/> made safe, or <paramref name="fallback"/>.</summary>
    public static string Safe(string? url, string fallback = Home)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/') return fallback;
        if (url.Length > 1 && url[1] is '/' or '\\') return fallback;
        var safe = new StringBuilder(url.Length);
        var rest = url.AsSpan();
        Span<byte> utf8 = stackalloc byte[4];
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != OperationStatus.Done) return fallback; // a lone surrogate
            rest = rest[used..];
            if (rune.Value == '\\' || Rune.IsControl(rune) || rune.Value is 0x2028 or 0x2029) return fallback;
            if (rune.Value is > ' ' and < 0x7F)
            {
                safe.Append((char)rune.Value);
                continue;
            }
            // A space or a non-ASCII character: its UTF-8 bytes, percent-encoded (what a browser sends).
            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length]) safe.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return safe.ToString();
    }
}
