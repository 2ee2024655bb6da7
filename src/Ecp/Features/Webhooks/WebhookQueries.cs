using System.Globalization;
using Ecp.Common;
using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Webhooks;

/// <summary>A person's webhook subscriptions, named, and the delivery log of one.</summary>
public sealed class WebhookQueries(AppDbContext db)
{
    /// <summary>The active subscriptions, newest first (at most <see cref="WebhookSubscription.MaxActivePerPerson"/>: sorted here).</summary>
    public async Task<List<WebhookView>> MineAsync(Guid personId, CancellationToken ct = default)
        => (await Views(db.Set<WebhookSubscription>().AsNoTracking().Where(s => s.PersonId == personId && s.RemovedAt == null)).ToListAsync(ct))
            .OrderByDescending(s => s.CreatedAt)
            .ThenByDescending(s => s.Id)
            .ToList();

    public Task<WebhookView?> FindAsync(Guid personId, Guid id, CancellationToken ct = default)
        => Views(db.Set<WebhookSubscription>().AsNoTracking().Where(s => s.Id == id && s.PersonId == personId && s.RemovedAt == null)).FirstOrDefaultAsync(ct);

    /// <summary>One of the person's subscriptions with a page of its deliveries, newest first; the
    /// cursor <paramref name="after"/> is the record sequence of the last one seen. Null when it is
    /// not theirs or not there.</summary>
    public async Task<WebhookDetail?> DetailAsync(Guid personId, Guid id, string? after, int? limit, CancellationToken ct = default)
    {
        if (await FindAsync(personId, id, ct) is not { } webhook) return null;
        var take = Paging.Take(limit);
        var deliveries = db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.SubscriptionId == id);
        if (long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var before)) deliveries = deliveries.Where(d => d.RecordSequence < before);
        var rows = await deliveries.OrderByDescending(d => d.RecordSequence).Take(take + 1)
            .Select(d => new WebhookDeliveryView(d.Id, d.MessageId, d.RecordSequence, d.EventType, d.CreatedAt, d.Attempts,
                d.DeliveredAt == null && !d.Failed ? d.NextAttemptAt : null, d.DeliveredAt, d.LastStatus, d.LastError, d.Failed))
            .ToListAsync(ct);
        var (page, next) = Paging.Split(rows, take, d => d.RecordSequence.ToString(CultureInfo.InvariantCulture));
        return new WebhookDetail(webhook, page, next);
    }

    private IQueryable<WebhookView> Views(IQueryable<WebhookSubscription> subscriptions)
        => from s in subscriptions
           from b in db.Bodies.Where(b => b.Id == s.BodyId).DefaultIfEmpty()
           from c in db.Consultations.Where(c => c.Id == s.ConsultationId).DefaultIfEmpty()
           from d in db.Documents.Where(d => d.Id == s.DocumentId).DefaultIfEmpty()
           select new WebhookView(s.Id,
               s.BodyId != null ? "body" : s.ConsultationId != null ? "consultation" : "document",
               (s.BodyId ?? s.ConsultationId ?? s.DocumentId)!.Value,
               b != null ? b.Name : c != null ? c.Topic : d != null ? d.Title : "",
               s.Url, s.CreatedAt);
}
