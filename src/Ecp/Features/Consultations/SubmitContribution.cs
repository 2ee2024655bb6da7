using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Consultations;

/// <summary>
/// An eligible participant answers an open consultation, by web form or API. Submissions are
/// written in batches by <see cref="ContributionWriter"/> (group commit); the rules are in
/// <see cref="Admission"/>.
/// </summary>
public sealed class SubmitContribution(ContributionWriter writer, TimeProvider clock)
{
    public sealed record AnswerInput
    {
        public int Question { get; init; }
        public string? Text { get; init; }
        /// <summary>Chosen options, numbered from 1 (single- and multiple-choice questions).</summary>
        public IReadOnlyList<int>? Choices { get; init; }
        /// <summary>1 to 5 (scale questions).</summary>
        public int? Scale { get; init; }
    }

    public sealed record Command
    {
        public IReadOnlyList<AnswerInput>? Answers { get; init; }
        public string? Language { get; init; }
        /// <summary>May the views be cited individually? If not, the public sees only the group.</summary>
        public bool ConsentToCite { get; init; }

        /// <summary>Files from the web form (the API adds them one by one, see AddAttachment).</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public IReadOnlyList<AttachmentUpload>? Attachments { get; init; }
    }

    /// <summary>A contribution as stored, with what its acknowledgement shows: its author as
    /// read under the record's lock, their organization and the attachments.</summary>
    public sealed record Submitted(Contribution Contribution, Actor Author, Organization? Organization, IReadOnlyList<ContributionAttachment> Attachments);

    /// <param name="actor">Who submits. Only who they are counts (their person, or for an API call
    /// the account of the token): their role, group and accreditation are read afresh under the
    /// record's lock when the submission is admitted.</param>
    public async Task<Result<Submitted>> HandleAsync(Actor actor, Guid consultationId, Command command, CancellationToken ct = default)
    {
        if (!actor.IsAuthenticated && actor.PersonId is null) return new UnauthenticatedError();
        // The clock decides at the instant of the request: one second late is late, however
        // long the submission then waits for its batch.
        return await writer.WriteAsync(new ContributionWriter.Submission(actor, consultationId, command, clock.GetUtcNow()), ct);
    }

    /// <summary>
    /// The rules, applied by <see cref="ContributionWriter"/> to each submission of a batch, inside
    /// its transaction and under the record's write lock. What the batch reads once (the authors,
    /// each consultation, its last number, each organization) it keeps for the next submission.
    /// </summary>
    internal sealed class Admission(AppDbContext db, PublicRecord record)
    {
        private readonly Dictionary<Guid, Consultation?> consultations = [];
        private readonly Dictionary<Guid, int> lastNumbers = [];
        private readonly Dictionary<Guid, Organization> organizations = [];
        private readonly List<Contribution> admitted = [];
        private readonly List<ContributionAttachment> admittedAttachments = [];
        private Dictionary<Guid, Person> peopleById = [];
        private Dictionary<string, Person> peopleByAccount = [];

        /// <summary>Reads the authors of the whole batch, and their organizations, at once.</summary>
        public async Task ReadAuthorsAsync(IEnumerable<ContributionWriter.Submission> batch, CancellationToken ct)
        {
            var actors = batch.Select(s => s.Actor).ToList();
            var ids = actors.Where(a => a.PersonId is not null).Select(a => a.PersonId!.Value).Distinct().ToList();
            var accounts = actors.Where(a => a.PersonId is null && a.AccountId is not null).Select(a => a.AccountId!).Distinct().ToList();
            var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) || (p.AccountId != null && accounts.Contains(p.AccountId))).ToListAsync(ct);
            peopleById = people.ToDictionary(p => p.Id);
            peopleByAccount = people.Where(p => p.AccountId is not null).GroupBy(p => p.AccountId!).ToDictionary(g => g.Key, g => g.First());
            var organizationIds = people.Where(p => p.OrganizationId is not null).Select(p => p.OrganizationId!.Value).Distinct().ToList();
            foreach (var organization in await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id)).ToListAsync(ct))
            {
                organizations[organization.Id] = organization;
            }
        }

        public async Task<Result<Submitted>> AdmitAsync(ContributionWriter.Submission submission, CancellationToken ct)
        {
            var (claimed, consultationId, command, now) = submission;
            var person = claimed.PersonId is { } id ? peopleById.GetValueOrDefault(id)
                : claimed.AccountId is { } account ? peopleByAccount.GetValueOrDefault(account) : null;
            if (person is null) return new UnauthenticatedError();
            var actor = Actor.Of(person);
            if (!consultations.TryGetValue(consultationId, out var consultation))
            {
                consultations[consultationId] = consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == consultationId, ct);
            }
            if (consultation is null) return new ConsultationNotFound();
            if (!consultation.AcceptsContributionsAt(now))
            {
                return now >= consultation.ClosesAt
                    ? new ConsultationClosed(DraftConsultation.RecordTime(consultation.ClosesAt))
                    : new ConsultationNotYetOpen();
            }
            if (!consultation.IsEligible(actor)) return new ContributorNotEligible();
            var answers = ValidAnswers(consultation, command.Answers, command.Language, out var check);
            var uploads = command.Attachments ?? [];
            if (uploads.Count > ContributionAttachment.MaxPerContribution) check.Add("Attachments", "Attachment.TooMany", ContributionAttachment.MaxPerContribution);
            if (!check.IsValid) return check.ToError();

            var group = actor.ParticipantGroup!.Value; // IsEligible admitted only participants
            // The respondent's category comes from their accreditation, never from a self-declaration.
            var organization = actor.OrganizationId is { } orgId ? organizations.GetValueOrDefault(orgId) : null;
            var ecosoc = organization?.ConsultativeStatus ?? ConsultativeStatus.None;
            // Numbered under the record's write lock: no two contributions share a number.
            var number = await LastNumberAsync(consultation.Id, ct) + 1;
            var contribution = Contribution.Submit(consultation, number, actor, group, command.Language!, command.ConsentToCite, answers, now, ecosoc);
            var attachments = new List<ContributionAttachment>(uploads.Count);
            foreach (var upload in uploads)
            {
                var attachment = ContributionAttachment.From(contribution.Id, upload, now);
                if (!attachment.IsSuccess) return attachment.Error!;
                attachments.Add(attachment.Value);
            }
            lastNumbers[consultation.Id] = number;
            admitted.Add(contribution);
            admittedAttachments.AddRange(attachments);
            Append(record, actor, contribution, ConsultationActions.ContributionSubmitted, answers, attachments);
            return new Submitted(contribution, actor, organization, attachments);
        }

        /// <summary>Writes what was admitted, with its record entries, in one commit.</summary>
        public async Task SaveAsync(CancellationToken ct)
        {
            if (admitted.Count == 0) return;
            await RowInserter.InsertAsync(db, admitted, ct);
            await RowInserter.InsertAsync(db, admitted.SelectMany(c => c.Versions).ToList(), ct);
            await RowInserter.InsertAsync(db, admittedAttachments, ct);
            await record.SaveInsertedAsync(ct);
        }

        private async Task<int> LastNumberAsync(Guid consultationId, CancellationToken ct)
        {
            if (lastNumbers.TryGetValue(consultationId, out var last)) return last;
            return lastNumbers[consultationId] = await db.Contributions.Where(c => c.ConsultationId == consultationId).MaxAsync(c => (int?)c.Number, ct) ?? 0;
        }
    }

    internal static List<Answer> ValidAnswers(Consultation consultation, IReadOnlyList<AnswerInput>? input, string? language, out Validation check)
    {
        check = new Validation();
        if (!Languages.IsSupported(language)) check.Add("Language", "Contribution.LanguageInvalid");
        var answers = (input ?? [])
            .Where(a => a is not null && (!string.IsNullOrWhiteSpace(a.Text) || a.Choices is { Count: > 0 } || a.Scale is not null))
            .Select(a => new Answer(a.Question, a.Text?.Trim() ?? "", a.Choices is { Count: > 0 } c ? c.Order().ToList() : null, a.Scale))
            .ToList();
        if (answers.Count == 0) check.Add("Answers", "Contribution.AnswerRequired");
        if (answers.Any(a => consultation.Questions.All(q => q.Number != a.Question))) check.Add("Answers", "Contribution.QuestionUnknown");
        foreach (var a in answers)
        {
            if (consultation.Questions.FirstOrDefault(q => q.Number == a.Question)?.Check(a) is { } problem) check.Add("Answers", problem);
        }
        if (answers.GroupBy(a => a.Question).Any(g => g.Count() > 1)) check.Add("Answers", "Contribution.QuestionTwice");
        if (answers.Any(a => a.Text.Length > Contribution.AnswerMaxLength)) check.Add("Answers", "Validation.TooLong", Contribution.AnswerMaxLength);
        return answers.OrderBy(a => a.Question).ToList();
    }

    /// <summary>What the record keeps of a contribution: its attribution (by consent) and a hash of
    /// its text, so the record stays publishable even before moderation.</summary>
    internal static void Append(PublicRecord record, Actor actor, Contribution c, string action, IReadOnlyList<Answer> answers,
        IReadOnlyList<ContributionAttachment>? attachments = null)
    {
        var payload = new
        {
            contributionId = c.Id,
            consultationId = c.ConsultationId,
            number = c.Number,
            attachments = (attachments ?? []).Select(a => new { attachmentId = a.Id, fileName = a.FileName, mediaType = a.MediaType, size = a.Size, sha256 = a.Sha256 }).ToArray(),
            version = c.Versions.Count,
            stakeholderGroup = c.Group.ToCode(),
            memberState = c.MemberStateCode,
            language = c.Language,
            consentToCite = c.ConsentToCite,
            words = c.WordCount,
            answersSha256 = Contribution.HashOf(answers),
        };
        PublicAttribution.AppendToRecord(record, actor, c, action, payload);
    }
}
