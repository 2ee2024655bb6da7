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
        public string? Topic { get; init; }
        public string? Description { get; init; }
        public IReadOnlyList<string>? Questions { get; init; }
        /// <summary>Questionnaire mode: typed questions; used instead of <see cref="Questions"/> when given.</summary>
        public IReadOnlyList<QuestionInput>? QuestionDefinitions { get; init; }
        /// <summary>"all-stakeholders", "member-states-only" or "chosen-groups".</summary>
        public string? Eligibility { get; init; }
        public IReadOnlyList<string>? Groups { get; init; }
        public DateTimeOffset? OpensAt { get; init; }
        public DateTimeOffset? ClosesAt { get; init; }
    }

    public sealed record QuestionInput
    {
        public string? Text { get; init; }
        /// <summary>"free-text", "single-choice", "multiple-choice" or "scale".</summary>
        public string? Type { get; init; }
        public IReadOnlyList<string>? Options { get; init; }
    }

    public async Task<Result<Consultation>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        var check = new Validation()
            .RequiredText(nameof(Command.Topic), command.Topic, Consultation.TopicMaxLength)
            .RequiredText(nameof(Command.Description), command.Description, Consultation.TextMaxLength);
        if (command.BodyId is not { } bodyId || !await db.Bodies.AnyAsync(b => b.Id == bodyId, ct)) check.Add(nameof(Command.BodyId), "Document.BodyUnknown");
        var questions = command.QuestionDefinitions is { Count: > 0 } typed
            ? typed.Where(q => q is not null).Select(q => new QuestionDefinition(q.Text?.Trim() ?? "", ConsultationCodes.QuestionTypeFrom(q.Type) ?? (QuestionType)(-1),
                (q.Options ?? []).Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim()).ToList())).ToList()
            : (command.Questions ?? []).Where(q => !string.IsNullOrWhiteSpace(q)).Select(q => new QuestionDefinition(q.Trim())).ToList();
        if (questions.Count is 0 or > Consultation.MaxQuestions) check.Add(nameof(Command.Questions), "Consultation.QuestionsCount", Consultation.MaxQuestions);
        else if (questions.Any(q => q.Text.Length is 0 or > Consultation.TextMaxLength)) check.Add(nameof(Command.Questions), "Validation.TooLong", Consultation.TextMaxLength);
        else if (questions.Any(q => !Enum.IsDefined(q.Type))) check.Add(nameof(Command.Questions), "Questionnaire.TypeInvalid");
        else if (questions.Any(q => q.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice && q.Options is not { Count: >= 2 and <= 20 }))
        {
            check.Add(nameof(Command.Questions), "Questionnaire.OptionsCount");
        }
        var eligibility = ConsultationCodes.EligibilityFrom(command.Eligibility);
        if (eligibility is null) check.Add(nameof(Command.Eligibility), "Consultation.EligibilityInvalid");
        var groups = (command.Groups ?? []).Select(StakeholderGroups.FromCode).ToList();
        if (groups.Any(g => g is null) || (eligibility == Consultations.Eligibility.ChosenGroups && groups.Count == 0))
        {
            check.Add(nameof(Command.Groups), "Consultation.GroupsInvalid");
        }
        var now = clock.GetUtcNow();
        if (command.OpensAt is null) check.Add(nameof(Command.OpensAt), "Validation.Required");
        if (command.ClosesAt is null) check.Add(nameof(Command.ClosesAt), "Validation.Required");
        else if (command.OpensAt is { } o && command.ClosesAt <= o) check.Add(nameof(Command.ClosesAt), "Consultation.ClosesBeforeOpening");
        else if (command.ClosesAt <= now) check.Add(nameof(Command.ClosesAt), "Consultation.ClosesInPast");
        if (!check.IsValid) return check.ToError();

        var consultation = Consultation.Draft(command.BodyId!.Value, command.Topic!, command.Description!, questions, eligibility!.Value,
            groups.Select(g => g!.Value).ToList(), command.OpensAt!.Value, command.ClosesAt!.Value, now);
        db.Consultations.Add(consultation);
        record.Append(actor, "consultation.drafted", "consultation", consultation.Id.ToString(), new
        {
            consultationId = consultation.Id,
            bodyId = consultation.BodyId,
            topic = consultation.Topic,
            description = consultation.Description,
            questions = consultation.Questions.Select(q => new { number = q.Number, text = q.Text, type = ConsultationCodes.ToCode(q.Type), options = q.Options }).ToArray(),
            eligibility = ConsultationCodes.ToCode(consultation.Eligibility),
            groups = consultation.EligibleGroups.Select(g => g.ToCode()).ToArray(),
            opensAt = RecordTime(consultation.OpensAt),
            closesAt = RecordTime(consultation.ClosesAt),
        });
        await record.SaveAsync(ct);
        return consultation;
    }

    internal static string RecordTime(DateTimeOffset t) => t.UtcDateTime.ToString(RecordCanonicalForm.TimeFormat, System.Globalization.CultureInfo.InvariantCulture);
}

public static class ConsultationCodes
{
    public static string ToCode(Eligibility e) => e switch
    {
        Eligibility.AllStakeholders => "all-stakeholders",
        Eligibility.MemberStatesOnly => "member-states-only",
        Eligibility.ChosenGroups => "chosen-groups",
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    public static Eligibility? EligibilityFrom(string? code)
        => Enum.GetValues<Eligibility>().Cast<Eligibility?>().FirstOrDefault(e => ToCode(e!.Value) == code);

    public static string ToCode(ConsultationPhase p) => p.ToString().ToLowerInvariant();

    public static string ToCode(QuestionType t) => t switch
    {
        QuestionType.FreeText => "free-text",
        QuestionType.SingleChoice => "single-choice",
        QuestionType.MultipleChoice => "multiple-choice",
        QuestionType.Scale => "scale",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    public static QuestionType? QuestionTypeFrom(string? code)
        => code is null ? QuestionType.FreeText : Enum.GetValues<QuestionType>().Cast<QuestionType?>().FirstOrDefault(t => ToCode(t!.Value) == code);

    public static string ToCode(ModerationReason r) => r switch
    {
        ModerationReason.OffTopic => "off-topic",
        _ => r.ToString().ToLowerInvariant(),
    };

    public static ModerationReason? ReasonFrom(string? code)
        => Enum.GetValues<ModerationReason>().Cast<ModerationReason?>().FirstOrDefault(r => ToCode(r!.Value) == code);
}
