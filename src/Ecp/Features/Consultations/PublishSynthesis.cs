using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Consultations;

/// <summary>The secretariat publishes the synthesis of a closed consultation; every citation must
/// resolve to a contribution of that consultation.</summary>
public sealed class PublishSynthesis(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        public string? Markdown { get; init; }
    }

    public async Task<Result<Synthesis>> HandleAsync(Actor actor, Guid consultationId, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        var consultation = await db.Consultations.FirstOrDefaultAsync(c => c.Id == consultationId, ct);
        if (consultation is null) return new NotFoundError("Consultation.NotFound");
        var check = new Validation().RequiredText(nameof(Command.Markdown), command.Markdown, Synthesis.MaxLength);
        if (!check.IsValid) return check.ToError();
        var cited = Synthesis.CitationsIn(command.Markdown!);
        var numbers = await db.Contributions.Where(c => c.ConsultationId == consultationId).Select(c => c.Number).ToListAsync(ct);
        var unknown = cited.Where(n => !numbers.Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            return new ValidationError([new FieldError(nameof(Command.Markdown), "Synthesis.UnknownCitations", string.Join(", ", unknown.Select(n => $"[C-{n}]")))]);
        }
        var now = clock.GetUtcNow();
        var synthesized = consultation.MarkSynthesized(now);
        if (!synthesized.IsSuccess) return synthesized.Error!;

        var synthesis = Synthesis.Publish(consultationId, command.Markdown!, actor.PersonId!.Value, now);
        db.Set<Synthesis>().Add(synthesis);
        record.Append(actor, "consultation.synthesized", "consultation", consultationId.ToString(), new
        {
            consultationId,
            synthesisId = synthesis.Id,
            markdown = synthesis.Markdown,
            cited = synthesis.CitedNumbers,
        });
        await record.SaveAsync(ct);
        return synthesis;
    }
}
