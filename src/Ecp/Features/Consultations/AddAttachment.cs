using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Consultations;

/// <summary>The author adds a document to their contribution while the consultation is open.</summary>
public sealed class AddAttachment(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public async Task<Result<ContributionAttachment>> HandleAsync(Actor actor, Guid contributionId, AttachmentUpload upload, CancellationToken ct = default)
    {
        if (actor.PersonId is not { } personId) return new UnauthenticatedError();
        await record.BeginAsync(ct);
        var (contribution, consultation) = await db.ContributionWithConsultationAsync(contributionId, ct);
        if (contribution is null) return new ContributionNotFound();
        var now = clock.GetUtcNow();
        if (contribution.ChangeableBy(personId, consultation!, now) is { } refused) return refused;
        if (ContributionAttachment.TooMany(await db.Set<ContributionAttachment>().CountAsync(a => a.ContributionId == contributionId, ct) + 1) is { } tooMany)
        {
            return new ValidationError([tooMany]);
        }
        var attachment = ContributionAttachment.From(contributionId, upload, now);
        if (!attachment.IsSuccess) return attachment;
        db.Set<ContributionAttachment>().Add(attachment.Value);
        var payload = new
        {
            contributionId,
            consultationId = contribution.ConsultationId,
            attachmentId = attachment.Value.Id,
            fileName = attachment.Value.FileName,
            mediaType = attachment.Value.MediaType,
            size = attachment.Value.Size,
            sha256 = attachment.Value.Sha256,
        };
        contribution.AppendTo(record, actor, ConsultationActions.AttachmentAdded, payload);
        await record.SaveAsync(ct);
        return attachment;
    }
}
