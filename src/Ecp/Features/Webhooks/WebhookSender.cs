using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Ecp.Data;
using Ecp.Features.Notifications;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ecp.Features.Webhooks;

/// <summary>
/// POSTs the due deliveries to their subscriptions' URLs, on one node of the cluster at a time
/// (lease "webhooks.deliveries"), with the Standard Webhooks headers. A 2xx answer delivers; any
/// other answer (a redirect too: none is followed), a refused connection or a time-out is retried
/// after Ecp:Webhooks:RetrySeconds times 1, 2, 4 ..., and given up after MaxAttempts.
/// Never runs inside a request.
/// </summary>
public sealed class WebhookSender(
    IServiceScopeFactory scopes,
    IHttpClientFactory clients,
    IDataProtectionProvider protection,
    TimeProvider clock,
    IOptions<WebhookOptions> options,
    ILogger<WebhookSender> log) : BackgroundService
{
    public const string LeaseName = "webhooks.deliveries";
    public const string ClientName = "webhooks";
    internal const int BatchSize = 50;

    private readonly string holder = DatabaseLease.NewHolderName();
    private readonly SemaphoreSlim gate = new(1, 1);

    private TimeSpan LeaseDuration => TimeSpan.FromSeconds(Math.Max(120, options.Value.PollSeconds * 3 + options.Value.TimeoutSeconds * BatchSize));

    /// <summary>Sends what is due now. Returns the number delivered.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = clock.GetUtcNow();
            if (!await Due(db, now).AnyAsync(ct)) return 0; // an idle pass writes nothing, not even the lease
            if (!await DatabaseLease.TryAcquireAsync(db, LeaseName, holder, LeaseDuration, now, ct)) return 0;

            var batch = await (
                    from d in Due(db, now)
                    join s in db.Set<WebhookSubscription>() on d.SubscriptionId equals s.Id
                    orderby d.NextAttemptAt, d.RecordSequence
                    select new { Delivery = d, s.Url, s.ProtectedSecret })
                .Take(BatchSize).ToListAsync(ct);
            var protector = protection.Protector();
            var settings = options.Value;
            var delivered = 0;
            using var client = clients.CreateClient(ClientName);
            client.Timeout = TimeSpan.FromSeconds(Math.Max(1, settings.TimeoutSeconds));
            foreach (var item in batch)
            {
                var (status, error) = Unprotect(protector, item.ProtectedSecret) is { } secret
                    ? await PostAsync(client, item.Url, secret, item.Delivery, ct)
                    : (null, "The signing secret cannot be read (the Data Protection keys changed): make a new subscription.");
                var at = clock.GetUtcNow();
                if (error is null)
                {
                    item.Delivery.MarkDelivered(status!.Value, at);
                    delivered++;
                }
                else
                {
                    item.Delivery.MarkFailed(status, error, at, TimeSpan.FromSeconds(Math.Max(1, settings.RetrySeconds)), Math.Max(1, settings.MaxAttempts));
                    if (item.Delivery.Failed) log.LogWarning("Gave up webhook delivery {MessageId} after {Attempts} attempts: {Error}", item.Delivery.MessageId, item.Delivery.Attempts, error);
                }
                // Saved one by one: a crash after a POST repeats at most that one (the receiver dedupes by webhook-id).
                await db.SaveChangesAsync(CancellationToken.None);
            }
            return delivered;
        }
        finally
        {
            gate.Release();
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
        => Ticks.EveryAsync(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), clock, RunOnceAsync, log, "webhooks sender", stoppingToken);

    /// <summary>One attempt: the status, and the error when it is not a delivery.</summary>
    private async Task<(int? Status, string? Error)> PostAsync(HttpClient client, string url, string secret, WebhookDelivery delivery, CancellationToken ct)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("webhook-id", delivery.MessageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(secret, delivery.MessageId, timestamp, delivery.Body));
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var status = (int)response.StatusCode;
            return status is >= 200 and < 300 ? (status, null) : (status, $"HTTP {status}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return (null, $"{e.GetType().Name}: {e.Message}{(e.InnerException is { } inner ? " " + inner.Message : "")}");
        }
    }

    private static string? Unprotect(IDataProtector protector, string protectedSecret)
    {
        try
        {
            return protector.Unprotect(protectedSecret);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private static IQueryable<WebhookDelivery> Due(AppDbContext db, DateTimeOffset now)
        => from d in db.Set<WebhookDelivery>()
           where d.DeliveredAt == null && !d.Failed && d.NextAttemptAt <= now
           join s in db.Set<WebhookSubscription>() on d.SubscriptionId equals s.Id
           where s.RemovedAt == null
           select d;
}
