using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Decisions;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Drafts;

/// <summary>The Chair circulates the next version, taking in the accepted and merged amendments.</summary>
public sealed class CirculateVersion(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        [Name] public string? Label { get; init; }
    }

    public async Task<Result<DocumentVersion>> HandleAsync(Actor actor, Guid documentId, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        var check = new Validation().RequiredText(nameof(Command.Label), command.Label, 100);
        if (!check.IsValid) return check.ToError();
        var document = await db.Documents.Include(d => d.Versions).FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null) return new DocumentNotFound();
        if (Decision.UnlessNoneOpen(await db.Decisions.AnyAsync(Decision.OpenOn(documentId), ct)) is { } open) return open;
        var amendments = await db.Amendments.Where(a => a.DocumentId == documentId && a.IncorporatedInVersion == null).ToListAsync(ct);

        var citations = await AmendmentCitations.OnRecordAsync(db, amendments.Select(a => a.Id).ToList(), ct);
        var next = document.CirculateNextVersion(command.Label!, amendments, clock.GetUtcNow(), citations);
        if (!next.IsSuccess) return next;
        record.Append(actor, DocumentActions.VersionCirculated, "document", document.Id.ToString(), new
        {
            documentId = document.Id,
            version = DocumentPayloads.Version(next.Value),
        });
        await record.SaveAsync(ct);
        return next;
    }
}
