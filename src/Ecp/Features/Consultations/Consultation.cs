using Ecp.Common;
using Ecp.Features.Registry;

namespace Ecp.Features.Consultations;

/// <summary>Who may contribute.</summary>
public enum Eligibility
{
    AllStakeholders,
    MemberStatesOnly,
    ChosenGroups,
}

/// <summary>How a question is answered (questionnaire mode, the WGEC-1 model).</summary>
public enum QuestionType
{
    FreeText,
    SingleChoice,
    MultipleChoice,
    /// <summary>1 (lowest) to 5 (highest).</summary>
    Scale,
}

/// <summary>A question as the secretariat defines it.</summary>
public sealed record QuestionDefinition(string Text, QuestionType Type = QuestionType.FreeText, IReadOnlyList<string>? Options = null);

/// <summary>The stored phase; "closed" is also reached by the clock alone (see <see cref="Consultation.PhaseAt"/>).</summary>
public enum ConsultationPhase
{
    Draft,
    Open,
    Closed,
    Synthesized,
    Presented,
}

/// <summary>
/// An open consultation of a body (the CWG-Internet cycle): a topic, a few numbered questions,
/// who may answer, and an opening and closing instant in UTC. It is closed exactly at its
/// closing instant — <see cref="PhaseAt"/> reads the clock, so no background job has to run
/// for a late submission to be refused.
/// </summary>
public sealed class Consultation
{
    public const int TopicMaxLength = 300;
    public const int TextMaxLength = 4000;
    public const int MaxQuestions = 20;

    private readonly List<ConsultationQuestion> questions = [];
    private readonly List<ConsultationExtension> extensions = [];

    private Consultation()
    {
        Topic = null!;
        Description = null!;
        EligibleGroups = null!;
    }

    public Guid Id { get; private set; }

    public Guid BodyId { get; private set; }

    public string Topic { get; private set; }

    public string Description { get; private set; }

    public Eligibility Eligibility { get; private set; }

    /// <summary>For <see cref="Eligibility.ChosenGroups"/>: the stakeholder groups that may answer.</summary>
    public IReadOnlyList<StakeholderGroup> EligibleGroups { get; private set; }

    public DateTimeOffset OpensAt { get; private set; }

    public DateTimeOffset ClosesAt { get; private set; }

    /// <summary>The phase as last changed by a person; the clock may have moved it on (PhaseAt).</summary>
    public ConsultationPhase Phase { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<ConsultationQuestion> Questions => questions;

    public IReadOnlyList<ConsultationExtension> Extensions => extensions;

    /// <summary>A questionnaire has questions answered by choice or on a scale; results are tallied by respondent category.</summary>
    public bool IsQuestionnaire => questions.Any(q => q.Type != QuestionType.FreeText);

    public const int MinOptions = 2;
    public const int MaxOptions = 20;

    /// <summary>A consultation of free-text questions, under the same rules.</summary>
    public static Result<Consultation> Draft(Guid bodyId, string topic, string description, IReadOnlyList<string> questionTexts, Eligibility eligibility,
        IReadOnlyList<StakeholderGroup> groups, DateTimeOffset opensAt, DateTimeOffset closesAt, DateTimeOffset now)
        => Draft(bodyId, topic, description, questionTexts.Select(q => new QuestionDefinition(q)).ToList(), eligibility,
            groups.Select(g => (StakeholderGroup?)g).ToList(), opensAt, closesAt, now);

    /// <summary>
    /// The rules of a consultation's terms, all checked at once (each failure beside its field): a topic
    /// and a description, a known body (null if none or unknown), 1 to <see cref="MaxQuestions"/>
    /// questions each with a text and a type, <see cref="MinOptions"/> to <see cref="MaxOptions"/>
    /// options for a choice and none otherwise, an eligibility (chosen groups name at least one, every
    /// one known: null stands for an unknown code), and a closing instant after the opening and the present.
    /// </summary>
    public static Result<Consultation> Draft(Guid? bodyId, string? topic, string? description, IReadOnlyList<QuestionDefinition> questions, Eligibility? eligibility,
        IReadOnlyList<StakeholderGroup?> groups, DateTimeOffset? opensAt, DateTimeOffset? closesAt, DateTimeOffset now)
    {
        var check = new Validation()
            .RequiredText("Topic", topic, TopicMaxLength)
            .RequiredText("Description", description, TextMaxLength);
        if (bodyId is null) check.Add("BodyId", "Document.BodyUnknown");
        if (questions.Count is 0 or > MaxQuestions) check.Add("Questions", "Consultation.QuestionsCount", MaxQuestions);
        else if (questions.Any(q => q.Text.Length == 0)) check.Add("Questions", "Validation.Required");
        else if (questions.Any(q => q.Text.Length > TextMaxLength)) check.Add("Questions", "Validation.TooLong", TextMaxLength);
        else if (questions.Any(q => !Enum.IsDefined(q.Type))) check.Add("Questions", "Questionnaire.TypeInvalid");
        else if (questions.Any(q => q.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice && q.Options is not { Count: >= MinOptions and <= MaxOptions }))
        {
            check.Add("Questions", "Questionnaire.OptionsCount");
        }
        else if (questions.Any(q => q.Type is QuestionType.FreeText or QuestionType.Scale && q.Options is { Count: > 0 }))
        {
            // Silently dropping them would turn a client's 1-10 scale into 1-5 unnoticed.
            check.Add("Questions", "Questionnaire.OptionsOnlyForChoices");
        }
        if (eligibility is null) check.Add("Eligibility", "Consultation.EligibilityInvalid");
        if (groups.Any(g => g is null) || (eligibility == Eligibility.ChosenGroups && groups.Count == 0)) check.Add("Groups", "Consultation.GroupsInvalid");
        if (opensAt is null) check.Add("OpensAt", "Validation.Required");
        if (closesAt is null) check.Add("ClosesAt", "Validation.Required");
        else if (opensAt is { } o && closesAt <= o) check.Add("ClosesAt", "Consultation.ClosesBeforeOpening");
        else if (closesAt <= now) check.Add("ClosesAt", "Consultation.ClosesInPast");
        if (!check.IsValid) return check.ToError();

        var consultation = new Consultation
        {
            Id = Guid.CreateVersion7(now),
            BodyId = bodyId!.Value,
            Topic = topic!.Trim(),
            Description = description!.Trim(),
            Eligibility = eligibility!.Value,
            EligibleGroups = eligibility == Eligibility.ChosenGroups ? groups.Select(g => g!.Value).Distinct().Order().ToList() : [],
            OpensAt = Utc(opensAt!.Value),
            ClosesAt = Utc(closesAt!.Value),
            Phase = ConsultationPhase.Draft,
            CreatedAt = now,
        };
        consultation.questions.AddRange(questions.Select((q, i) => new ConsultationQuestion(consultation.Id, i + 1, q.Text.Trim(), q.Type,
            q.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice ? (q.Options ?? []).Select(o => o.Trim()).ToList() : [])));
        return consultation;
    }

    /// <summary>The phase at an instant: an open consultation is closed from its closing instant on.</summary>
    public ConsultationPhase PhaseAt(DateTimeOffset now)
        => Phase == ConsultationPhase.Open && now >= ClosesAt ? ConsultationPhase.Closed : Phase;

    /// <summary>Open and between its opening and closing instants.</summary>
    public bool AcceptsContributionsAt(DateTimeOffset now) => PhaseAt(now) == ConsultationPhase.Open && now >= OpensAt;

    /// <summary>Whether <paramref name="actor"/> may contribute at <paramref name="at"/>: the consultation is
    /// open (else closed, or not yet open) and their standing is eligible. Null when they may.</summary>
    public Error? AcceptsFrom(Actor actor, DateTimeOffset at)
    {
        if (!AcceptsContributionsAt(at)) return at >= ClosesAt ? Closed() : new ConsultationNotYetOpen();
        return IsEligible(actor) ? null : new ContributorNotEligible();
    }

    /// <summary>Whether a contribution may still change (be edited, withdrawn, given a file): until the close. Null when it may.</summary>
    public Error? AcceptsChangesAt(DateTimeOffset now) => AcceptsContributionsAt(now) ? null : Closed();

    /// <summary>
    /// Checks the answers of a contribution (as <see cref="SubmitContribution.Command.ReadAnswers"/> reads
    /// them) in one of the six languages: at least one, each to a question of this consultation, once,
    /// as its type asks, none too long. The answers by question number, or every problem at once.
    /// </summary>
    public Result<IReadOnlyList<Answer>> CheckAnswers(IReadOnlyList<Answer> answers, string? language)
    {
        var check = new Validation();
        if (!Languages.IsSupported(language)) check.Add("Language", "Contribution.LanguageInvalid");
        if (answers.Count == 0) check.Add("Answers", "Contribution.AnswerRequired");
        if (answers.Any(a => questions.All(q => q.Number != a.Question))) check.Add("Answers", "Contribution.QuestionUnknown");
        foreach (var a in answers)
        {
            if (questions.FirstOrDefault(q => q.Number == a.Question)?.Check(a) is { } problem) check.Add("Answers", problem);
        }
        if (answers.GroupBy(a => a.Question).Any(g => g.Count() > 1)) check.Add("Answers", "Contribution.QuestionTwice");
        if (answers.Any(a => a.Text.Length > Contribution.AnswerMaxLength)) check.Add("Answers", "Validation.TooLong", Contribution.AnswerMaxLength);
        if (!check.IsValid) return check.ToError();
        return answers.OrderBy(a => a.Question).ToList();
    }

    public Result<Consultation> Open(DateTimeOffset now)
    {
        if (Phase != ConsultationPhase.Draft) return new ConsultationNotDraft();
        if (ClosesAt <= now) return new ConsultationClosesInPast();
        Phase = ConsultationPhase.Open;
        return this;
    }

    /// <summary>Moves the closing instant later, with a reason; any number of times while open.</summary>
    public Result<ConsultationExtension> Extend(DateTimeOffset? newClosesAt, string? reason, DateTimeOffset now)
    {
        if (newClosesAt is null) return new Validation().Add("ClosesAt", "Validation.Required").ToError();
        if (reason is { Length: > TextMaxLength }) return new Validation().MaxLength("Reason", reason, TextMaxLength).ToError();
        if (PhaseAt(now) != ConsultationPhase.Open) return new ConsultationNotOpen();
        if (newClosesAt <= ClosesAt) return new Validation().Add("ClosesAt", "Consultation.ExtensionNotLater").ToError();
        if (string.IsNullOrWhiteSpace(reason)) return new Validation().Add("Reason", "Consultation.ExtensionReasonRequired").ToError();
        var extension = new ConsultationExtension(Id, extensions.Count + 1, ClosesAt, Utc(newClosesAt.Value), reason.Trim(), now);
        extensions.Add(extension);
        ClosesAt = extension.NewClosesAt;
        return extension;
    }

    /// <summary>
    /// Publishes the synthesis once the consultation has closed; publishing again (while
    /// synthesized or presented) is a revision: the text is replaced, the phase stays, and every
    /// earlier version stays on the record (see <see cref="Synthesis.Revise"/>).
    /// </summary>
    public Result<Synthesis> PublishSynthesis(Synthesis? current, string markdown, Guid authorId, DateTimeOffset now)
    {
        var phase = PhaseAt(now);
        if (current is not null && phase is ConsultationPhase.Synthesized or ConsultationPhase.Presented)
        {
            current.Revise(markdown, authorId, now);
            return current;
        }
        if (phase != ConsultationPhase.Closed) return new ConsultationNotClosed();
        Phase = ConsultationPhase.Synthesized;
        return Synthesis.Publish(Id, markdown, authorId, now);
    }

    public Result<Consultation> MarkPresented(DateTimeOffset now)
    {
        if (Phase != ConsultationPhase.Synthesized) return new ConsultationNotSynthesized();
        Phase = ConsultationPhase.Presented;
        return this;
    }

    /// <summary>Whether someone in this standing may contribute (the respective roles of ¶35).</summary>
    public bool IsEligible(Actor actor) => actor.ParticipantGroup switch
    {
        null => false,
        StakeholderGroup.Government => Eligibility != Eligibility.ChosenGroups || EligibleGroups.Contains(StakeholderGroup.Government),
        var g => Eligibility switch
        {
            Eligibility.AllStakeholders => true,
            Eligibility.ChosenGroups => EligibleGroups.Contains(g.Value),
            _ => false,
        },
    };

    private ConsultationClosed Closed() => new(RecordTime.Of(ClosesAt));

    private static DateTimeOffset Utc(DateTimeOffset t) => t.ToUniversalTime();
}

public sealed class ConsultationQuestion
{
    private ConsultationQuestion()
    {
        Text = null!;
    }

    internal ConsultationQuestion(Guid consultationId, int number, string text, QuestionType type, IReadOnlyList<string> options)
    {
        ConsultationId = consultationId;
        Number = number;
        Text = text;
        Type = type;
        Options = options;
    }

    public Guid ConsultationId { get; private set; }

    public int Number { get; private set; }

    public string Text { get; private set; }

    public QuestionType Type { get; private set; }

    /// <summary>The choices of a single- or multiple-choice question, numbered from 1.</summary>
    public IReadOnlyList<string> Options { get; private set; } = [];

    /// <summary>Checks one answer against the question's type: a text, valid choices, or 1 to 5.</summary>
    public string? Check(Answer answer) => Type switch
    {
        QuestionType.FreeText => string.IsNullOrWhiteSpace(answer.Text) ? "Contribution.AnswerRequired" : null,
        QuestionType.SingleChoice => answer.Choices is [var c] && c >= 1 && c <= Options.Count ? null : "Questionnaire.ChooseOne",
        QuestionType.MultipleChoice => answer.Choices is { Count: > 0 } cs && cs.All(c => c >= 1 && c <= Options.Count) && cs.Distinct().Count() == cs.Count ? null : "Questionnaire.ChooseSome",
        QuestionType.Scale => answer.Scale is >= 1 and <= 5 ? null : "Questionnaire.Scale",
        _ => "Contribution.QuestionUnknown",
    };
}

public sealed class ConsultationExtension
{
    private ConsultationExtension()
    {
        Reason = null!;
    }

    internal ConsultationExtension(Guid consultationId, int number, DateTimeOffset previousClosesAt, DateTimeOffset newClosesAt, string reason, DateTimeOffset at)
    {
        ConsultationId = consultationId;
        Number = number;
        PreviousClosesAt = previousClosesAt;
        NewClosesAt = newClosesAt;
        Reason = reason;
        ExtendedAt = at;
    }

    public Guid ConsultationId { get; private set; }

    public int Number { get; private set; }

    public DateTimeOffset PreviousClosesAt { get; private set; }

    public DateTimeOffset NewClosesAt { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset ExtendedAt { get; private set; }
}
