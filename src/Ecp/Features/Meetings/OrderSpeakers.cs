using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Meetings;

/// <summary>The Chair (the secretariat) orders an agenda item's waiting speakers: every waiting request, once each; on the record.</summary>
public sealed class OrderSpeakers(AppDbContext db, PublicRecord record)
{
    public sealed record Command
    {
        public int? AgendaItem { get; init; }
        /// <summary>Every waiting request of the item, in the new order.</summary>
        public IReadOnlyList<Guid>? Order { get; init; }
    }

    public async Task<Result<IReadOnlyList<FloorRequest>>> HandleAsync(Actor actor, Guid meetingId, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId, ct)) return new MeetingNotFound();
        var waiting = await db.FloorRequests.Where(f => f.MeetingId == meetingId && f.AgendaNumber == command.AgendaItem && f.Status == FloorStatus.Waiting).ToListAsync(ct);
        var order = command.Order ?? [];
        if (order.Count != waiting.Count || order.Distinct().Count() != order.Count || !order.All(id => waiting.Any(w => w.Id == id)))
        {
            return new ValidationError([new FieldError(nameof(Command.Order), "Meeting.OrderIncomplete")]);
        }
        // Waiting requests follow whatever has already been heard on the item.
        var start = await db.FloorRequests.Where(f => f.MeetingId == meetingId && f.AgendaNumber == command.AgendaItem && f.Status != FloorStatus.Waiting)
            .Select(f => (int?)f.Order).MaxAsync(ct) ?? 0;
        var ordered = order.Select(id => waiting.Single(w => w.Id == id)).ToList();
        for (var i = 0; i < ordered.Count; i++) ordered[i].Reorder(start + i + 1);
        record.Append(actor, MeetingActions.SpeakersOrdered, MeetingActions.Entity, meetingId.ToString(),
            new { meetingId, agendaItem = command.AgendaItem, order = ordered.Select(f => f.Id).ToList() });
        await record.SaveAsync(ct);
        return ordered;
    }
}
