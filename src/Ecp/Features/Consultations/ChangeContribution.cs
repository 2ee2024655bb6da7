using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Consultations;

/// <summary>The author edits (a new version; all kept) or withdraws (kept on the record and in
/// the counts) their contribution until the consultation closes.</summary>
public sealed class ChangeContribution(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public async Task<Result<Contribution>> EditAsync(Actor actor, Guid contributionId, SubmitContribution.Command command, CancellationToken ct = default)
    {
        if (actor.PersonId is not { } personId) return new UnauthenticatedError();
        await record.BeginAsync(ct);
        var (contribution, consultation) = await LoadAsync(contributionId, ct);
        if (contribution is null) return new NotFoundError("Contribution.NotFound");
        var answers = SubmitContribution.ValidAnswers(consultation!, command.Answers, command.Language, out var check);
        if (!check.IsValid) return check.ToError();
        var edited = contribution.Edit(consultation!, personId, answers, command.Language!, command.ConsentToCite, clock.GetUtcNow());
        if (!edited.IsSuccess) return edited.Error!;
        SubmitContribution.Append(record, actor, contribution, "contribution.edited", answers);
        await record.SaveAsync(ct);
        return contribution;
    }

    public async Task<Result<Contribution>> WithdrawAsync(Actor actor, Guid contributionId, CancellationToken ct = default)
    {
        if (actor.PersonId is not { } personId) return new UnauthenticatedError();
        await record.BeginAsync(ct);
        var (contribution, consultation) = await LoadAsync(contributionId, ct);
        if (contribution is null) return new NotFoundError("Contribution.NotFound");
        var withdrawn = contribution.Withdraw(consultation!, personId, clock.GetUtcNow());
        if (!withdrawn.IsSuccess) return withdrawn;
        SubmitContribution.Append(record, actor, contribution, "contribution.withdrawn", contribution.Current.Answers);
        await record.SaveAsync(ct);
        return contribution;
    }

    private async Task<(Contribution?, Consultation?)> LoadAsync(Guid contributionId, CancellationToken ct)
    {
        var contribution = await db.Contributions.FirstOrDefaultAsync(c => c.Id == contributionId, ct);
        var consultation = contribution is null ? null : await db.Consultations.SingleAsync(c => c.Id == contribution.ConsultationId, ct);
        return (contribution, consultation);
    }
}
