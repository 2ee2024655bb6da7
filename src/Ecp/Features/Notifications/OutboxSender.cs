using Ecp.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Ecp.Features.Notifications;

/// <summary>
/// Sends the queued mail through SMTP (MailKit), on one node of the cluster at a time: each pass
/// first takes the "notifications.outbox" lease in the database. A failed send is retried with
/// exponential back-off and given up after <see cref="OutboxMessage.MaxAttempts"/> attempts,
/// keeping its last error. Never runs inside a request.
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptionsMonitor<SmtpOptions> smtp,
    IOptions<NotificationOptions> options,
    ILogger<OutboxSender> log) : BackgroundService
{
    public const string LeaseName = "notifications.outbox";
    internal const int BatchSize = 50;

    private readonly string holder = DatabaseLease.NewHolderName();
    private readonly SemaphoreSlim gate = new(1, 1);
    private int disabledLogged;

    private TimeSpan LeaseDuration => TimeSpan.FromSeconds(Math.Max(120, options.Value.PollSeconds * 3));

    /// <summary>Sends what is due now. Returns the number of mails sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var settings = smtp.CurrentValue;
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            if (Interlocked.Exchange(ref disabledLogged, 1) == 0)
            {
                log.LogWarning("Ecp:Smtp:Host is not set: notification e-mails are queued, not sent.");
            }
            return 0;
        }
        await gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = clock.GetUtcNow();
            if (!await Due(db, now).AnyAsync(ct)) return 0; // an idle pass writes nothing, not even the lease
            if (!await DatabaseLease.TryAcquireAsync(db, LeaseName, holder, LeaseDuration, now, ct)) return 0;

            var batch = await Due(db, now).OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Take(BatchSize).ToListAsync(ct);
            return await SendBatchAsync(db, batch, settings, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Sends a batch over one connection; each mail is marked sent or failed (to be retried) as it goes.</summary>
    private async Task<int> SendBatchAsync(AppDbContext db, List<OutboxMessage> batch, SmtpOptions settings, CancellationToken ct)
    {
        var firstRetry = TimeSpan.FromSeconds(Math.Max(1, options.Value.RetrySeconds));
        var sent = 0;
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(Math.Max(1, settings.TimeoutSeconds)).TotalMilliseconds };
        Exception? unreachable = null;
        foreach (var message in batch)
        {
            Exception? error;
            if (unreachable is not null)
            {
                // A server that cannot be reached fails the whole batch at once, not after one
                // time-out per mail.
                error = unreachable;
            }
            else if (!client.IsConnected && await ConnectAsync(client, settings, ct) is { } connectError)
            {
                error = unreachable = connectError;
            }
            else
            {
                error = await SendAsync(client, message, settings, ct);
            }

            if (error is null)
            {
                message.MarkSent(clock.GetUtcNow());
                sent++;
            }
            else
            {
                message.MarkFailed($"{error.GetType().Name}: {error.Message}", clock.GetUtcNow(), firstRetry);
                if (message.GaveUp) log.LogError("Gave up sending notification {Id} after {Attempts} attempts: {Error}", message.Id, message.Attempts, error.Message);
                else log.LogWarning("Sending notification {Id} failed (attempt {Attempts}): {Error}", message.Id, message.Attempts, error.Message);
            }
            // Saved one by one: a crash after a send repeats at most that one mail.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        if (client.IsConnected) await client.DisconnectAsync(quit: true, CancellationToken.None);
        return sent;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
        => Ticks.EveryAsync(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), clock, RunOnceAsync, log, "outbox", stoppingToken);

    /// <summary>The failures of a mail server are expected values here, not bugs.</summary>
    private static async Task<Exception?> ConnectAsync(SmtpClient client, SmtpOptions settings, CancellationToken ct)
    {
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, Security(settings.Security), ct);
            if (!string.IsNullOrEmpty(settings.UserName)) await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return e;
        }
    }

    private static async Task<Exception?> SendAsync(SmtpClient client, OutboxMessage message, SmtpOptions settings, CancellationToken ct)
    {
        try
        {
            await client.SendAsync(ToMime(message, settings), ct);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return e;
        }
    }

    private static IQueryable<OutboxMessage> Due(AppDbContext db, DateTimeOffset now)
        => db.Set<OutboxMessage>().Where(m => m.SentAt == null && m.Attempts < OutboxMessage.MaxAttempts && m.NextAttemptAt <= now);

    private static MimeMessage ToMime(OutboxMessage message, SmtpOptions settings)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(settings.From));
        mime.To.Add(MailboxAddress.Parse(message.Email));
        mime.Subject = message.Subject;
        // The outbox id is the Message-Id: a receiving server can tell a resend from a new mail.
        mime.MessageId = $"{message.Id:N}@{MailboxAddress.Parse(settings.From).Domain}";
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = message.Body };
        return mime;
    }

    private static SecureSocketOptions Security(string setting) => setting.ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "sslonconnect" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}
