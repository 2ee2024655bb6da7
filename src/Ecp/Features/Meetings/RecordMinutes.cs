using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Meetings;

/// <summary>The secretariat records a meeting's minutes: the outcome documents (by symbol) that hold
/// its summary and its transcript. Their language versions are the documents' own, so the meeting
/// page shows which of the six languages each exists in and which are missing.</summary>
public sealed class RecordMinutes(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        /// <summary>The symbol of the document holding the summary record, e.g. "E/CN.16/2014/CRP.3".</summary>
        public string? Summary { get; init; }

        /// <summary>The symbol of the document holding the transcript.</summary>
        public string? Transcript { get; init; }
    }

    public async Task<Result<Meeting>> HandleAsync(Actor actor, Guid meetingId, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        if (await db.Meetings.Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == meetingId, ct) is not { } meeting) return new MeetingNotFound();
        var check = new Validation();
        async Task<Guid?> FindAsync(string field, string? symbol)
        {
            if (string.IsNullOrWhiteSpace(symbol)) return null;
            var trimmed = symbol.Trim();
            var id = await db.Documents.Where(d => d.Symbol == trimmed).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
            if (id is null) check.Add(field, "Meeting.MinutesDocumentUnknown", trimmed);
            return id;
        }
        var summary = await FindAsync(nameof(Command.Summary), command.Summary);
        var transcript = await FindAsync(nameof(Command.Transcript), command.Transcript);
        if (!check.IsValid) return check.ToError();
        if (meeting.RecordMinutes(summary, transcript, clock.GetUtcNow()) is { } invalid) return invalid;
        record.Append(actor, MeetingActions.MinutesRecorded, MeetingActions.Entity, meeting.Id.ToString(), new
        {
            meetingId = meeting.Id,
            bodyId = meeting.BodyId,
            summaryDocumentId = meeting.SummaryDocumentId,
            transcriptDocumentId = meeting.TranscriptDocumentId,
        });
        await record.SaveAsync(ct);
        return meeting;
    }
}
