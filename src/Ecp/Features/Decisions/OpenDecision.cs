using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Drafts;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Decisions;

/// <summary>The Chair puts the current version of a document to a body for decision.</summary>
public sealed class OpenDecision(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        public Guid? DocumentId { get; init; }
        public Guid? BodyId { get; init; }
    }

    public async Task<Result<Decision>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        var document = command.DocumentId is { } docId ? await db.Documents.Include(d => d.Versions).FirstOrDefaultAsync(d => d.Id == docId, ct) : null;
        var bodyId = command.BodyId ?? document?.BodyId;
        var body = bodyId is { } id ? await db.Bodies.FirstOrDefaultAsync(b => b.Id == id, ct) : null;
        var check = new Validation();
        if (document is null) check.Add(nameof(Command.DocumentId), "Document.NotFound");
        if (body is null) check.Add(nameof(Command.BodyId), "Document.BodyUnknown");
        if (!check.IsValid) return check.ToError();
        var opened = Decision.Open(document!, body!, await db.Decisions.AnyAsync(Decision.OpenOn(document!.Id), ct), clock.GetUtcNow());
        if (!opened.IsSuccess) return opened;
        var decision = opened.Value;
        db.Decisions.Add(decision);
        record.Append(actor, DecisionActions.Opened, "decision", decision.Id.ToString(), new
        {
            decisionId = decision.Id,
            documentId = document.Id,
            symbol = document.Symbol,
            version = decision.VersionNumber,
            bodyId = body!.Id,
            decisionRule = body.DecisionRule,
        });
        await record.SaveAsync(ct);
        return decision;
    }
}
