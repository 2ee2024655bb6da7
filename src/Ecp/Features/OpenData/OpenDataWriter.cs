using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace Ecp.Features.OpenData;

/// <summary>Writes a dataset's rows as JSON Lines (one object per line, the dictionary's field
/// names) or CSV (RFC 4180, a header row), optionally gzip-compressed, flushing as it goes.</summary>
public static class OpenDataWriter
{
    private const int FlushEvery = 1000;

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

    public static async Task WriteAsync(Stream body, OpenDataset dataset, IAsyncEnumerable<object?[]> rows, Format format, bool gzip, CancellationToken ct)
    {
        await using var compressed = gzip ? new GZipStream(body, CompressionLevel.Fastest, leaveOpen: true) : null;
        var output = (Stream?)compressed ?? body;
        if (format == Format.JsonLines) await WriteJsonLinesAsync(output, dataset, rows, ct);
        else await WriteCsvAsync(output, dataset, rows, ct);
    }

    private static async Task WriteJsonLinesAsync(Stream output, OpenDataset dataset, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        var names = dataset.Fields.Select(f => JsonEncodedText.Encode(f.Name)).ToArray();
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            json.WriteStartObject();
            for (var i = 0; i < names.Length; i++)
            {
                json.WritePropertyName(names[i]);
                WriteValue(json, row[i]);
            }
            json.WriteEndObject();
            json.Flush();
            json.Reset();
            output.WriteByte((byte)'\n');
            if (++count % FlushEvery == 0) await output.FlushAsync(ct);
        }
        await output.FlushAsync(ct);
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
            case DateTimeOffset t: json.WriteStringValue(Timestamp(t)); break;
            default: json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    private static async Task WriteCsvAsync(Stream output, OpenDataset dataset, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        // Written with the async calls: the response body refuses synchronous writes.
        await using var csv = CsvWriter.Create(output, new CsvWriterOptions(), true);
        await csv.WriteRecordAsync(dataset.Fields.Select(f => f.Name).ToArray(), ct);
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            await csv.WriteRecordAsync(row.Select(value => value switch
            {
                null => "",
                bool b => b ? "true" : "false",
                DateTimeOffset t => Timestamp(t),
                Guid g => g.ToString(),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
            }).ToArray(), ct);
            if (++count % FlushEvery == 0) await csv.FlushAsync(ct);
        }
        await csv.FlushAsync(ct);
    }

    /// <summary>RFC 3339 in UTC, to the second's fraction the database keeps.</summary>
    private static string Timestamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
