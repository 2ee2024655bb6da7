using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Consultations;

/// <summary>The secretariat publishes the synthesis of a closed consultation, and may revise it
/// (version 2, 3 …, each on the record); every citation must resolve to a contribution of that
/// consultation.</summary>
public sealed class PublishSynthesis(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        public string? Markdown { get; init; }
    }

    /// <summary>Every published version of a consultation's synthesis, as the record keeps it.</summary>
    internal static IQueryable<RecordEntry> VersionsOnRecord(AppDbContext db, Guid consultationId)
    {
        var entityId = consultationId.ToString();
        return db.RecordEntries.Where(e => e.Entity == "consultation" && e.EntityId == entityId && e.Action == ConsultationActions.Synthesized);
    }

    public async Task<Result<Synthesis>> HandleAsync(Actor actor, Guid consultationId, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        var consultation = await db.Consultations.FirstOrDefaultAsync(c => c.Id == consultationId, ct);
        if (consultation is null) return new ConsultationNotFound();
        // Only the cited numbers are looked up, never every contribution of the consultation.
        var checkedCitations = await CitationStyle.Contributions.CheckAsync(nameof(Command.Markdown), command.Markdown, Synthesis.MaxLength, "Synthesis.UnknownCitations",
            cited => db.Contributions.AsNoTracking().IgnoreAutoIncludes()
                .Where(c => c.ConsultationId == consultationId && EF.Parameter(cited).Contains(c.Number)).Select(c => c.Number).ToListAsync(ct));
        if (!checkedCitations.IsSuccess) return checkedCitations.Error!;
        var now = clock.GetUtcNow();
        var current = await db.Set<Synthesis>().FirstOrDefaultAsync(x => x.ConsultationId == consultationId, ct);
        var published = consultation.PublishSynthesis(current, command.Markdown!, actor.PersonId!.Value, now);
        if (!published.IsSuccess) return published.Error!;

        var synthesis = published.Value;
        if (current is null) db.Set<Synthesis>().Add(synthesis);
        // Counted under the record's write lock: versions are numbered without gaps or twins.
        var version = await VersionsOnRecord(db, consultationId).CountAsync(ct) + 1;
        record.Append(actor, ConsultationActions.Synthesized, "consultation", consultationId.ToString(), new
        {
            consultationId,
            synthesisId = synthesis.Id,
            version,
            markdown = synthesis.Markdown,
            cited = synthesis.CitedNumbers,
        });
        await record.SaveAsync(ct);
        return synthesis;
    }
}
