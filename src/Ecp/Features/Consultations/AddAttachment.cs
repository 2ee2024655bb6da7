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
        var contribution = await db.Contributions.FirstOrDefaultAsync(c => c.Id == contributionId, ct);
        if (contribution is null) return new ContributionNotFound();
        if (contribution.AuthorId != personId) return new ContributionNotYours();
        if (contribution.Status == ContributionStatus.Withdrawn) return new ContributionWithdrawn();
        var consultation = await db.Consultations.SingleAsync(c => c.Id == contribution.ConsultationId, ct);
        var now = clock.GetUtcNow();
        if (!consultation.AcceptsContributionsAt(now)) return new ConsultationClosed(DraftConsultation.RecordTime(consultation.ClosesAt));
        if (await db.Set<ContributionAttachment>().CountAsync(a => a.ContributionId == contributionId, ct) >= ContributionAttachment.MaxPerContribution)
        {
            return new ValidationError([new FieldError("Attachments", "Attachment.TooMany", ContributionAttachment.MaxPerContribution)]);
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
        PublicAttribution.AppendToRecord(record, actor, contribution, ConsultationActions.AttachmentAdded, payload);
        await record.SaveAsync(ct);
        return attachment;
    }
}
