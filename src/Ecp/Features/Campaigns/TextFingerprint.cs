using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace Ecp.Features.Campaigns;

/// <summary>
/// What a comment's text is, for grouping: its normalized form (Unicode NFKC, case folded, every run
/// of punctuation and spaces one space), an exact key (XxHash3 of that form), and a MinHash signature
/// of its character shingles, five characters (three where the text is mostly Chinese, Japanese or
/// Korean, written without spaces). Two texts' Jaccard similarity is estimated from the share of
/// equal signature values; the signature is cut into <see cref="Bands"/> bands of
/// <see cref="RowsPerBand"/> values whose hashes find the candidates (LSH banding). Every hash is
/// System.IO.Hashing's XxHash3: one per shingle, then one seeded per MinHash function.
/// </summary>
public sealed class TextFingerprint
{
    public const int Functions = 128;
    public const int Bands = 32;
    public const int RowsPerBand = Functions / Bands;
    /// <summary>Estimated Jaccard similarity from which two texts are one campaign.</summary>
    public const double Threshold = 0.5;

    private TextFingerprint(string normalized, long exactKey, uint[] signature)
    {
        Normalized = normalized;
        ExactKey = exactKey;
        Signature = signature;
    }

    public string Normalized { get; }

    public long ExactKey { get; }

    public IReadOnlyList<uint> Signature { get; }

    public static TextFingerprint Of(string text)
    {
        var normalized = Normalize(text);
        var exact = unchecked((long)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(normalized.AsSpan())));
        var signature = new uint[Functions];
        Array.Fill(signature, uint.MaxValue);
        var width = MostlyIdeographic(normalized) ? 3 : 5;
        var shingles = Shingles(normalized, width);
        Span<byte> buffer = stackalloc byte[8];
        foreach (var shingle in shingles)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(buffer, shingle);
            for (var i = 0; i < Functions; i++)
            {
                var value = unchecked((uint)XxHash3.HashToUInt64(buffer, i));
                if (value < signature[i]) signature[i] = value;
            }
        }
        return new TextFingerprint(normalized, exact, signature);
    }

    /// <summary>The signature as bytes (little-endian), as stored.</summary>
    public byte[] SignatureBytes()
    {
        var bytes = new byte[Functions * 4];
        for (var i = 0; i < Functions; i++) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), Signature[i]);
        return bytes;
    }

    /// <summary>The hash of each band (the band's number folded in, so one column finds them all).</summary>
    public long[] BandHashes()
    {
        var hashes = new long[Bands];
        Span<byte> band = stackalloc byte[4 + RowsPerBand * 4];
        for (var b = 0; b < Bands; b++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(band, b);
            for (var r = 0; r < RowsPerBand; r++) BinaryPrimitives.WriteUInt32LittleEndian(band[(4 + r * 4)..], Signature[b * RowsPerBand + r]);
            hashes[b] = unchecked((long)XxHash3.HashToUInt64(band));
        }
        return hashes;
    }

    /// <summary>The share of equal values of two stored signatures: an estimate of the texts' Jaccard similarity.</summary>
    public double SimilarityTo(byte[] other)
    {
        var equal = 0;
        for (var i = 0; i < Functions; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(other.AsSpan(i * 4)) == Signature[i]) equal++;
        }
        return (double)equal / Functions;
    }

    /// <summary>NFKC, case folded (invariant), combining marks and Arabic tatweel dropped, every run of
    /// anything but letters and digits one space, trimmed.</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark || c == '\u0640') continue;
            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0) sb.Append(' ');
                space = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                space = true;
            }
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    private static bool MostlyIdeographic(string normalized)
    {
        int ideographic = 0, letters = 0;
        foreach (var c in normalized)
        {
            if (c == ' ') continue;
            letters++;
            if (c is >= '\u3040' and <= '\u30ff' or >= '\u3400' and <= '\u9fff' or >= '\uac00' and <= '\ud7af' or >= '\uf900' and <= '\ufaff') ideographic++;
        }
        return letters > 0 && ideographic * 2 > letters;
    }

    /// <summary>The distinct hashes of every run of <paramref name="width"/> characters (the whole text when shorter).</summary>
    private static HashSet<ulong> Shingles(string normalized, int width)
    {
        var set = new HashSet<ulong>();
        var span = normalized.AsSpan();
        if (span.Length <= width)
        {
            if (span.Length > 0) set.Add(XxHash3.HashToUInt64(MemoryMarshal.AsBytes(span)));
            return set;
        }
        for (var i = 0; i + width <= span.Length; i++) set.Add(XxHash3.HashToUInt64(MemoryMarshal.AsBytes(span.Slice(i, width))));
        return set;
    }
}
