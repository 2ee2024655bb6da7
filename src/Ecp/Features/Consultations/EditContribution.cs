using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;

namespace Ecp.Features.Consultations;

/// <summary>The author edits their contribution until the consultation closes: a new version,
/// every earlier one kept and visible.</summary>
public sealed class EditContribution(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public async Task<Result<Contribution>> HandleAsync(Actor actor, Guid contributionId, SubmitContribution.Command command, CancellationToken ct = default)
    {
        if (actor.PersonId is not { } personId) return new UnauthenticatedError();
        await record.BeginAsync(ct);
        var (contribution, consultation) = await db.ContributionWithConsultationAsync(contributionId, ct);
        if (contribution is null) return new ContributionNotFound();
        var answers = consultation!.CheckAnswers(command.ReadAnswers(), command.Language);
        if (!answers.IsSuccess) return answers.Error!;
        var edited = contribution.Edit(consultation, personId, answers.Value, command.Language!, command.ConsentToCite, clock.GetUtcNow());
        if (!edited.IsSuccess) return edited.Error!;
        contribution.AppendVersionTo(record, actor, ConsultationActions.ContributionEdited);
        await record.SaveAsync(ct);
        return contribution;
    }
}
