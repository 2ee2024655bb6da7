using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Consultations;

/// <summary>
/// Admits the submissions of one batch of <see cref="ContributionWriter"/>, inside its transaction
/// and under the record's write lock: each submission is asked of the entities (the consultation
/// accepts its author now, its answers and files are valid), numbered, and appended to the record.
/// What the batch reads once (the authors, each consultation, its last number, each organization)
/// it keeps for the next submission.
/// </summary>
internal sealed class ContributionAdmission(AppDbContext db, PublicRecord record)
{
    private readonly Dictionary<Guid, Consultation?> consultations = [];
    private readonly Dictionary<Guid, int> lastNumbers = [];
    private readonly Dictionary<Guid, Organization> organizations = [];
    private readonly List<Contribution> admitted = [];
    private readonly List<ContributionAttachment> admittedAttachments = [];
    private Dictionary<Guid, Person> peopleById = [];
    private Dictionary<string, Person> peopleByAccount = [];

    /// <summary>Reads the authors of the whole batch, and their organizations, at once.</summary>
    public async Task ReadAuthorsAsync(IEnumerable<ContributionSubmission> batch, CancellationToken ct)
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

    public async Task<Result<SubmittedContribution>> AdmitAsync(ContributionSubmission submission, CancellationToken ct)
    {
        var claimed = submission.Actor;
        var person = claimed.PersonId is { } id ? peopleById.GetValueOrDefault(id)
            : claimed.AccountId is { } account ? peopleByAccount.GetValueOrDefault(account) : null;
        if (person is null) return new UnauthenticatedError();
        var actor = Actor.Of(person);
        var consultation = await ConsultationAsync(submission.ConsultationId, ct);
        if (consultation is null) return new ConsultationNotFound();
        if (consultation.AcceptsFrom(actor, submission.At) is { } refused) return refused;
        var answers = consultation.CheckAnswers(submission.Answers, submission.Language);
        if (ContributionAttachment.TooMany(submission.Attachments.Count) is { } tooMany)
        {
            return new ValidationError([.. (answers.Error as ValidationError)?.Fields ?? [], tooMany]);
        }
        if (!answers.IsSuccess) return answers.Error!;

        var group = actor.ParticipantGroup!.Value; // AcceptsFrom admitted only eligible participants
        // The respondent's category comes from their accreditation, never from a self-declaration.
        var organization = actor.OrganizationId is { } orgId ? organizations.GetValueOrDefault(orgId) : null;
        var ecosoc = organization?.ConsultativeStatus ?? ConsultativeStatus.None;
        // Numbered under the record's write lock: no two contributions share a number.
        var number = await LastNumberAsync(consultation.Id, ct) + 1;
        var contribution = Contribution.Submit(consultation, number, actor, group, submission.Language!, submission.ConsentToCite, answers.Value, submission.At, ecosoc);
        var attachments = new List<ContributionAttachment>(submission.Attachments.Count);
        foreach (var upload in submission.Attachments)
        {
            var attachment = ContributionAttachment.From(contribution.Id, upload, submission.At);
            if (!attachment.IsSuccess) return attachment.Error!;
            attachments.Add(attachment.Value);
        }
        lastNumbers[consultation.Id] = number;
        admitted.Add(contribution);
        admittedAttachments.AddRange(attachments);
        contribution.AppendVersionTo(record, actor, ConsultationActions.ContributionSubmitted, attachments);
        return new SubmittedContribution(contribution, actor, organization, attachments);
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

    private async Task<Consultation?> ConsultationAsync(Guid id, CancellationToken ct)
    {
        if (consultations.TryGetValue(id, out var known)) return known;
        return consultations[id] = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
    }

    private async Task<int> LastNumberAsync(Guid consultationId, CancellationToken ct)
    {
        if (lastNumbers.TryGetValue(consultationId, out var last)) return last;
        return lastNumbers[consultationId] = await db.Contributions.Where(c => c.ConsultationId == consultationId).MaxAsync(c => (int?)c.Number, ct) ?? 0;
    }
}
