using System.Text;
using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Record;

public static class RecordApi
{
    public static RouteGroupBuilder MapRecordApi(this RouteGroupBuilder api)
    {
        var record = api.MapGroup("/record").WithTags("Record");

        record.MapGet("/", async (string? entity, string? entityId, string? actor, long? before, int? limit, RecordQuery query, CancellationToken ct) =>
                TypedResults.Ok(await query.PageAsync(new RecordFilter(entity, entityId, actor, before, limit ?? 50), ct)))
            .WithName("ListRecordEntries").WithSummary("The public record, newest first; page with ?before=nextBefore.");

        record.MapGet("/verify", async (IncrementalRecordVerifier verifier, CancellationToken ct) => TypedResults.Ok(await verifier.VerifyAsync(ct)))
            .WithName("VerifyRecord").WithSummary("Recompute the hash chain from this node's last checkpoint (the whole chain at most every 10 minutes) and name the first broken entry, if any.");

        record.MapGet("/download", (AppDbContext db, HttpContext http, CancellationToken ct) => DownloadAsync(db, http, ct))
            .WithName("DownloadRecord").Produces<Stream>(StatusCodes.Status200OK, "application/x-ndjson")
            .WithSummary("The whole record as NDJSON, oldest first; see docs/record.md to verify it yourself.");
        return api;
    }

    private static async Task DownloadAsync(AppDbContext db, HttpContext http, CancellationToken ct)
    {
        http.Response.ContentType = "application/x-ndjson; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"ecp-record.ndjson\"";
        // Streams: memory stays flat however long the record grows.
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), 64 * 1024);
        await foreach (var entry in db.RecordEntries.AsNoTracking().OrderBy(e => e.Sequence).AsSingleQuery().AsAsyncEnumerable().WithCancellation(ct))
        {
            await writer.WriteAsync(RecordCanonicalForm.ToDownloadLine(entry));
            await writer.WriteAsync('\n');
        }
    }
}
