using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Consultations;

/// <summary>The secretariat prepares a consultation of a body: topic, questions, who may answer, when.</summary>
public sealed class DraftConsultation(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        public Guid? BodyId { get; init; }
        [Name] public string? Topic { get; init; }
        public string? Description { get; init; }
        /// <summary>Each a plain string (a free-text question) or, for a questionnaire, an object
        /// {text, type, options} — the shape GET returns, so a consultation's questions round-trip.</summary>
        [System.ComponentModel.Description("Each question is a string (free text) or {\"text\", \"type\": \"free-text\" | \"single-choice\" | \"multiple-choice\" | \"scale\", \"options\"}: 2 to 20 options for a choice, none otherwise; a scale runs from 1 to 5.")]
        public IReadOnlyList<QuestionInput>? Questions { get; init; }
        /// <summary>The earlier name of typed <see cref="Questions"/>, still accepted; used instead of it when given.</summary>
        public IReadOnlyList<QuestionInput>? QuestionDefinitions { get; init; }
        /// <summary>"all-stakeholders", "member-states-only" or "chosen-groups".</summary>
        public string? Eligibility { get; init; }
        public IReadOnlyList<string>? Groups { get; init; }
        public DateTimeOffset? OpensAt { get; init; }
        public DateTimeOffset? ClosesAt { get; init; }
    }

    /// <summary>A question as a request gives it. A JSON string stands for a free-text question.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(QuestionInputJson))]
    public sealed record QuestionInput
    {
        public string? Text { get; init; }
        /// <summary>"free-text", "single-choice", "multiple-choice" or "scale".</summary>
        public string? Type { get; init; }
        [Name] public IReadOnlyList<string>? Options { get; init; }

        /// <summary>A plain text is a free-text question, as in the original form of the request.</summary>
        public static implicit operator QuestionInput(string text) => new() { Text = text };
    }

    public async Task<Result<Consultation>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        var bodyId = command.BodyId is { } id && await db.Bodies.AnyAsync(b => b.Id == id, ct) ? id : (Guid?)null;
        var questions = (command.QuestionDefinitions is { Count: > 0 } typed ? typed : command.Questions ?? [])
            // A blank untyped line (the page's textarea) is no question.
            .Where(q => q is not null && (q.Type is not null || q.Options is not null || !string.IsNullOrWhiteSpace(q.Text)))
            .Select(q => new QuestionDefinition(q.Text?.Trim() ?? "", (q.Type is null ? QuestionType.FreeText : Codes.Parse<QuestionType>(q.Type)) ?? (QuestionType)(-1),
                (q.Options ?? []).Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim()).ToList())).ToList();
        var groups = (command.Groups ?? []).Select(Codes.Parse<StakeholderGroup>).ToList();
        var drafted = Consultation.Draft(bodyId, command.Topic, command.Description, questions, Codes.Parse<Eligibility>(command.Eligibility),
            groups, command.OpensAt, command.ClosesAt, clock.GetUtcNow());
        if (!drafted.IsSuccess) return drafted;
        var consultation = drafted.Value;
        db.Consultations.Add(consultation);
        record.Append(actor, ConsultationActions.Drafted, "consultation", consultation.Id.ToString(), new
        {
            consultationId = consultation.Id,
            bodyId = consultation.BodyId,
            topic = consultation.Topic,
            description = consultation.Description,
            questions = consultation.Questions.Select(q => new { number = q.Number, text = q.Text, type = q.Type.ToCode(), options = q.Options }).ToArray(),
            eligibility = consultation.Eligibility.ToCode(),
            groups = consultation.EligibleGroups.Select(g => g.ToCode()).ToArray(),
            opensAt = RecordTime.Of(consultation.OpensAt),
            closesAt = RecordTime.Of(consultation.ClosesAt),
        });
        await record.SaveAsync(ct);
        return consultation;
    }
}
