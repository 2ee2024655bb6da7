using System.Text;
using Ecp.Data;
using Ecp.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

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

        MapTransparencyLog(record);
        return api;
    }

    /// <summary>The Merkle tree over the record (RFC 9162) and its signed checkpoints (C2SP), so that
    /// anyone can check an entry is in the record and that the record only ever grew.</summary>
    private static void MapTransparencyLog(RouteGroupBuilder record)
    {
        record.MapGet("/key", (RecordSigningKey key) => TypedResults.Ok(new SigningKeyView(key.Name, "Ed25519", key.KeyId, key.VerifierKey, Convert.ToBase64String(key.PublicKey))))
            .WithName("GetRecordSigningKey")
            .WithSummary("The public key that signs the record's checkpoints, as a signed-note verifier key (name+keyid+key).");

        record.MapGet("/checkpoint", async Task<Results<Ok<CheckpointView>, ProblemHttpResult>> (RecordCheckpoints checkpoints, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await checkpoints.LatestAsync(ct) is { } latest ? ToView(latest) : null).OkOr(new NoCheckpointYet(), l))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetLatestRecordCheckpoint")
            .WithSummary("The latest signed checkpoint: tree size, root hash, time, and the C2SP signed note.");

        record.MapGet("/checkpoints/{size:long}", async Task<Results<Ok<CheckpointView>, ProblemHttpResult>> (long size, RecordCheckpoints checkpoints, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await checkpoints.OfSizeAsync(size, ct) is { } found ? ToView(found) : null).OkOr(new CheckpointNotFound(size), l))
            .WithName("GetRecordCheckpoint")
            .WithSummary("The checkpoint signed at that tree size; every checkpoint is kept.");

        record.MapGet("/proof/inclusion", async Task<Results<Ok<InclusionProofView>, ProblemHttpResult>> (long entry, long size, RecordProofs proofs, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await proofs.InclusionAsync(entry, size, ct)).ToHttpResult(TypedResults.Ok, l))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("GetRecordInclusionProof")
            .WithSummary("RFC 9162 inclusion proof (audit path) of entry N (its seq) in the tree of the first S entries.");

        record.MapGet("/proof/consistency", async Task<Results<Ok<ConsistencyProofView>, ProblemHttpResult>> (long from, long to, RecordProofs proofs, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await proofs.ConsistencyAsync(from, to, ct)).ToHttpResult(TypedResults.Ok, l))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("GetRecordConsistencyProof")
            .WithSummary("RFC 9162 consistency proof that the tree of the first A entries is a prefix of the tree of the first B.");

        record.MapGroup("").RequireApiWriter()
            .MapPost("/checkpoints", async Task<Results<Created<CheckpointView>, ProblemHttpResult>> (SignCheckpoint useCase, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await useCase.HandleAsync(await actors.GetAsync(ct), ct)).ToHttpResult(c => TypedResults.Created($"/api/v1/record/checkpoints/{c.Size}", ToView(c)), l))
            .WithName("SignRecordCheckpoint")
            .WithSummary("Sign a checkpoint of the record as it stands now (secretariat); answers the existing one when nothing was added since.");
    }

    private static CheckpointView ToView(RecordCheckpoint c) => new(c.Size, Convert.ToBase64String(c.RootHash), c.Time, c.Note);

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
