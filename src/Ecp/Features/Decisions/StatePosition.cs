using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Decisions;

/// <summary>A delegate states their Member State's formal position on an open decision.</summary>
public sealed class StatePosition(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        /// <summary>"support", "no-objection", "reservation" or "objection".</summary>
        public string? Position { get; init; }
        public string? Statement { get; init; }
    }

    public async Task<Result<FormalPosition>> HandleAsync(Actor actor, Guid decisionId, Command command, CancellationToken ct = default)
    {
        if (!actor.IsAuthenticated) return new UnauthenticatedError();
        await record.BeginAsync(ct);
        var decision = await db.Decisions.FirstOrDefaultAsync(d => d.Id == decisionId, ct);
        if (decision is null) return new DecisionNotFound();
        var kind = Codes.Parse<PositionKind>(command.Position);
        if (kind is null) return new ValidationError([new FieldError(nameof(Command.Position), "Decision.PositionInvalid")]);
        var body = await db.Bodies.SingleAsync(b => b.Id == decision.BodyId, ct);

        var previous = decision.Positions.FirstOrDefault(p => p.MemberStateCode == actor.MemberStateCode);
        var stated = decision.RecordPosition(body, actor, kind.Value, command.Statement, clock.GetUtcNow());
        if (!stated.IsSuccess) return stated;
        record.Append(actor, DecisionActions.PositionStated, "decision", decision.Id.ToString(), new
        {
            decisionId = decision.Id,
            positionId = stated.Value.Id,
            memberState = stated.Value.MemberStateCode,
            position = stated.Value.Kind.ToCode(),
            statement = stated.Value.Statement,
            replaces = previous?.Id,
        });
        await record.SaveAsync(ct);
        return stated;
    }
}

