using Ecp.Common;
using Ecp.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ecp.Features.Webhooks;

/// <summary>
/// Any person with an account subscribes a URL of theirs to the events of a body (its
/// consultations and documents too), a consultation or a document. A preference of the account:
/// nothing goes on the record. Answers the signing secret, this once; only its protected form is kept.
/// </summary>
public sealed class CreateWebhook(AppDbContext db, WebhookQueries queries, IDataProtectionProvider protection, IOptions<WebhookOptions> options, TimeProvider clock)
{
    /// <summary>Exactly one of the three targets, and the receiver's URL.</summary>
    public sealed record Command
    {
        public Guid? BodyId { get; init; }
        public Guid? ConsultationId { get; init; }
        public Guid? DocumentId { get; init; }
        public string? Url { get; init; }
    }

    public async Task<Result<WebhookCreated>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
    {
        if (actor.PersonId is not { } personId) return new UnauthenticatedError();
        var active = await db.Set<WebhookSubscription>().CountAsync(s => s.PersonId == personId && s.RemovedAt == null, ct);
        var validation = WebhookSubscription.Check(command.BodyId, command.ConsultationId, command.DocumentId, command.Url, options.Value.AllowLoopback, active);
        if (!validation.IsValid) return validation.ToError();
        if (command.BodyId is { } bodyId && !await db.Bodies.AnyAsync(b => b.Id == bodyId, ct))
        {
            return new ValidationError([new FieldError(nameof(Command.BodyId), "Document.BodyUnknown")]);
        }
        if (command.ConsultationId is { } consultationId && !await db.Consultations.AnyAsync(c => c.Id == consultationId, ct))
        {
            return new ValidationError([new FieldError(nameof(Command.ConsultationId), "Consultation.NotFound")]);
        }
        if (command.DocumentId is { } documentId && !await db.Documents.AnyAsync(d => d.Id == documentId, ct))
        {
            return new ValidationError([new FieldError(nameof(Command.DocumentId), "Webhook.DocumentUnknown")]);
        }

        var secret = WebhookSignature.NewSecret();
        var subscription = WebhookSubscription.Of(personId, command.BodyId, command.ConsultationId, command.DocumentId, command.Url!,
            protection.Protector().Protect(secret), clock.GetUtcNow());
        db.Add(subscription);
        await db.SaveChangesAsync(ct);
        var view = (await queries.FindAsync(personId, subscription.Id, ct))!;
        return new WebhookCreated(view.Id, view.Target, view.TargetId, view.TargetName, view.Url, view.CreatedAt, secret);
    }
}
