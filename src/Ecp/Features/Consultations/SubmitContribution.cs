using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Consultations;

/// <summary>An eligible participant answers an open consultation, by web form or API.</summary>
public sealed class SubmitContribution(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record AnswerInput
    {
        public int Question { get; init; }
        public string? Text { get; init; }
    }

    public sealed record Command
    {
        public IReadOnlyList<AnswerInput>? Answers { get; init; }
        public string? Language { get; init; }
        /// <summary>May the views be cited individually? If not, the public sees only the group.</summary>
        public bool ConsentToCite { get; init; }
    }

    public async Task<Result<Contribution>> HandleAsync(Actor actor, Guid consultationId, Command command, CancellationToken ct = default)
    {
        if (!actor.IsAuthenticated) return new UnauthenticatedError();
        await record.BeginAsync(ct);
        var consultation = await db.Consultations.FirstOrDefaultAsync(c => c.Id == consultationId, ct);
        if (consultation is null) return new NotFoundError("Consultation.NotFound");
        // The clock decides, at the instant of the request: one second late is late.
        var now = clock.GetUtcNow();
        if (!consultation.AcceptsContributionsAt(now))
        {
            return now >= consultation.ClosesAt
                ? new ConflictError("consultation-closed", "Contribution.ConsultationClosed", DraftConsultation.RecordTime(consultation.ClosesAt))
                : new ConflictError("consultation-not-open", "Contribution.ConsultationNotOpen");
        }
        if (!consultation.IsEligible(actor)) return new ForbiddenError("Contribution.NotEligible");
        var answers = ValidAnswers(consultation, command.Answers, command.Language, out var check);
        if (!check.IsValid) return check.ToError();

        var group = actor.Role == Role.Delegate ? StakeholderGroup.Government : actor.Group!.Value;
        var contribution = Contribution.Submit(consultation, actor, group, command.Language!, command.ConsentToCite, answers, now);
        db.Contributions.Add(contribution);
        Append(record, actor, contribution, "contribution.submitted", answers);
        await record.SaveAsync(ct);
        return contribution;
    }

    internal static List<Answer> ValidAnswers(Consultation consultation, IReadOnlyList<AnswerInput>? input, string? language, out Validation check)
    {
        check = new Validation();
        if (!Languages.IsSupported(language)) check.Add("Language", "Contribution.LanguageInvalid");
        var answers = (input ?? []).Where(a => !string.IsNullOrWhiteSpace(a.Text)).Select(a => new Answer(a.Question, a.Text!.Trim())).ToList();
        if (answers.Count == 0) check.Add("Answers", "Contribution.AnswerRequired");
        if (answers.Any(a => consultation.Questions.All(q => q.Number != a.Question))) check.Add("Answers", "Contribution.QuestionUnknown");
        if (answers.GroupBy(a => a.Question).Any(g => g.Count() > 1)) check.Add("Answers", "Contribution.QuestionTwice");
        if (answers.Any(a => a.Text.Length > Contribution.AnswerMaxLength)) check.Add("Answers", "Validation.TooLong", Contribution.AnswerMaxLength);
        return answers.OrderBy(a => a.Question).ToList();
    }

    /// <summary>What the record keeps of a contribution: its attribution (by consent) and a hash of
    /// its text, so the record stays publishable even before moderation.</summary>
    internal static void Append(PublicRecord record, Actor actor, Contribution c, string action, IReadOnlyList<Answer> answers)
    {
        var payload = new
        {
            contributionId = c.Id,
            consultationId = c.ConsultationId,
            version = c.Versions.Count,
            stakeholderGroup = c.Group.ToCode(),
            memberState = c.MemberStateCode,
            language = c.Language,
            consentToCite = c.ConsentToCite,
            words = c.WordCount,
            answersSha256 = Contribution.HashOf(answers),
        };
        if (c.ConsentToCite) record.Append(actor, action, "contribution", c.Id.ToString(), payload);
        else record.AppendWithoutIdentity(actor, c.IdentityCommitment, action, "contribution", c.Id.ToString(), payload);
    }
}
