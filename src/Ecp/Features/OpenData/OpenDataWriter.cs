using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;

namespace Ecp.Features.OpenData;

/// <summary>Writes a dataset's rows as JSON Lines (one object per line, the dictionary's field
/// names) or CSV (RFC 4180, a header row), optionally gzip-compressed. Rows are formatted straight
/// into a pipe's buffers as UTF-8 and handed to the response every <see cref="FlushBytes"/>, so a
/// dump of any size takes the same few buffers, and a row costs no flush and no string of its own.</summary>
public static class OpenDataWriter
{
    private const int FlushBytes = 64 * 1024;

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public enum Format
    {
        JsonLines,
        Csv,
    }

    /// <summary>"organizations.csv.gz" is (organizations, Csv, gzip); null for any other name.</summary>
    public static (OpenDataset Dataset, Format Format, bool Gzip)? Parse(string file)
    {
        var gzip = file.EndsWith(".gz", StringComparison.Ordinal);
        var name = gzip ? file[..^3] : file;
        Format? format = name.EndsWith(".jsonl", StringComparison.Ordinal) ? Format.JsonLines : name.EndsWith(".csv", StringComparison.Ordinal) ? Format.Csv : null;
        if (format is null) return null;
        var dataset = OpenDataCatalog.Find(name[..name.LastIndexOf('.')]);
        return dataset is null ? null : (dataset, format.Value, gzip);
    }

    public static string FileName(OpenDataset dataset, Format format, bool gzip)
        => $"{dataset.Name}.{(format == Format.Csv ? "csv" : "jsonl")}{(gzip ? ".gz" : "")}";

    public static string MediaType(Format format, bool gzip)
        => gzip ? "application/gzip" : format == Format.Csv ? "text/csv; charset=utf-8" : "application/jsonl; charset=utf-8";

    /// <summary>Writes to a response's body: straight into its own pipe, or through gzip.</summary>
    public static async Task WriteAsync(HttpResponse response, OpenDataset dataset, IAsyncEnumerable<object?[]> rows, Format format, bool gzip, CancellationToken ct)
    {
        if (gzip) await WriteAsync(response.Body, dataset, rows, format, gzip, ct);
        else await WriteAsync(response.BodyWriter, dataset, rows, format, ct);
    }

    public static async Task WriteAsync(Stream body, OpenDataset dataset, IAsyncEnumerable<object?[]> rows, Format format, bool gzip, CancellationToken ct)
    {
        await using var compressed = gzip ? new GZipStream(body, CompressionLevel.Fastest, leaveOpen: true) : null;
        var pipe = PipeWriter.Create((Stream?)compressed ?? body, new StreamPipeWriterOptions(minimumBufferSize: FlushBytes, leaveOpen: true));
        await WriteAsync(pipe, dataset, rows, format, ct);
        await pipe.CompleteAsync();
    }

    private static async Task WriteAsync(PipeWriter pipe, OpenDataset dataset, IAsyncEnumerable<object?[]> rows, Format format, CancellationToken ct)
    {
        if (format == Format.JsonLines) await WriteJsonLinesAsync(pipe, dataset, rows, ct);
        else await WriteCsvAsync(pipe, dataset, rows, ct);
    }

    private static async Task WriteJsonLinesAsync(PipeWriter pipe, OpenDataset dataset, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        var names = dataset.Fields.Select(f => JsonEncodedText.Encode(f.Name)).ToArray();
        await using var json = new Utf8JsonWriter(pipe, JsonOptions);
        await foreach (var row in rows.WithCancellation(ct))
        {
            json.WriteStartObject();
            for (var i = 0; i < names.Length; i++)
            {
                json.WritePropertyName(names[i]);
                WriteValue(json, row[i]);
            }
            json.WriteEndObject();
            // Hands the object to the pipe (no I/O), then starts the next line as a new JSON value.
            json.Flush();
            json.Reset();
            Write(pipe, "\n"u8);
            await FlushSometimesAsync(pipe, ct);
        }
        await pipe.FlushAsync(ct);
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case bool b: json.WriteBooleanValue(b); break;
            case int n: json.WriteNumberValue(n); break;
            case long n: json.WriteNumberValue(n); break;
            case Guid g: json.WriteStringValue(g); break;
            case DateTimeOffset t:
                Span<byte> text = stackalloc byte[TimestampMaxBytes];
                json.WriteStringValue(text[..Timestamp(t, text)]);
                break;
            default: json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    private static async Task WriteCsvAsync(PipeWriter pipe, OpenDataset dataset, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        WriteCsvRow(pipe, dataset.Fields.Select(f => (object?)f.Name).ToArray());
        await foreach (var row in rows.WithCancellation(ct))
        {
            WriteCsvRow(pipe, row);
            await FlushSometimesAsync(pipe, ct);
        }
        await pipe.FlushAsync(ct);
    }

    private static void WriteCsvRow(PipeWriter pipe, object?[] row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            if (i > 0) Write(pipe, ","u8);
            WriteCsvValue(pipe, row[i]);
        }
        Write(pipe, "\r\n"u8);
    }

    private static void WriteCsvValue(PipeWriter pipe, object? value)
    {
        switch (value)
        {
            case null: break;
            case string s: WriteCsvText(pipe, s); break;
            case bool b: Write(pipe, b ? "true"u8 : "false"u8); break;
            case int n: WriteFormatted(pipe, n); break;
            case long n: WriteFormatted(pipe, n); break;
            case Guid g: WriteFormatted(pipe, g); break;
            case DateTimeOffset t: pipe.Advance(Timestamp(t, pipe.GetSpan(TimestampMaxBytes))); break;
            default: WriteCsvText(pipe, Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""); break;
        }
    }

    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    /// <summary>RFC 4180: a field with a comma, a quote or a line break, or with a space at either end,
    /// is quoted, its quotes doubled.</summary>
    private static void WriteCsvText(PipeWriter pipe, string s)
    {
        if (s.Length == 0) return;
        if (s.AsSpan().IndexOfAny(NeedsQuotes) < 0 && s[0] != ' ' && s[^1] != ' ')
        {
            WriteUtf8(pipe, s);
            return;
        }
        Write(pipe, "\""u8);
        WriteUtf8(pipe, s.Contains('"') ? s.Replace("\"", "\"\"", StringComparison.Ordinal) : s);
        Write(pipe, "\""u8);
    }

    private static void WriteUtf8(PipeWriter pipe, string s)
        => pipe.Advance(Encoding.UTF8.GetBytes(s, pipe.GetSpan(Encoding.UTF8.GetMaxByteCount(s.Length))));

    private static void WriteFormatted<T>(PipeWriter pipe, T value) where T : IUtf8SpanFormattable
    {
        var span = pipe.GetSpan(64);
        if (!value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture)) throw new InvalidOperationException($"{value} did not fit its buffer.");
        pipe.Advance(written);
    }

    private static void Write(PipeWriter pipe, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(pipe.GetSpan(bytes.Length));
        pipe.Advance(bytes.Length);
    }

    private static async ValueTask FlushSometimesAsync(PipeWriter pipe, CancellationToken ct)
    {
        if (pipe.UnflushedBytes >= FlushBytes) await pipe.FlushAsync(ct);
    }

    private const int TimestampMaxBytes = 40;

    /// <summary>RFC 3339 in UTC, to the second's fraction the database keeps, as UTF-8 into text; returns its length.</summary>
    private static int Timestamp(DateTimeOffset t, Span<byte> text)
        => t.UtcDateTime.TryFormat(text, out var written, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
            ? written
            : throw new InvalidOperationException("A timestamp did not fit its buffer.");
}
