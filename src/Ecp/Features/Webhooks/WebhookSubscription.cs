using System.Net;
using Ecp.Common;

namespace Ecp.Features.Webhooks;

/// <summary>
/// A person asks for the events of a body, a consultation or a document to be POSTed to a URL of
/// theirs (Standard Webhooks). An account preference, not process state: it never appears on the
/// public record. The secret that signs the deliveries is kept protected (ASP.NET Core Data
/// Protection) and shown to its owner once, when the subscription is made.
/// </summary>
public sealed class WebhookSubscription
{
    public const int UrlMaxLength = 2000;
    public const int MaxActivePerPerson = 20;

    private WebhookSubscription()
    {
        Url = null!;
        ProtectedSecret = null!;
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid? BodyId { get; private set; }

    public Guid? ConsultationId { get; private set; }

    public Guid? DocumentId { get; private set; }

    public string Url { get; private set; }

    /// <summary>The signing secret ("whsec_..."), protected with Data Protection.</summary>
    public string ProtectedSecret { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When its owner removed it; a removed subscription is sent nothing more.</summary>
    public DateTimeOffset? RemovedAt { get; private set; }

    public bool IsActive => RemovedAt is null;

    /// <summary>A subscription has exactly one target: a body, a consultation or a document.</summary>
    public static bool HasOneTarget(Guid? bodyId, Guid? consultationId, Guid? documentId)
        => (bodyId is null ? 0 : 1) + (consultationId is null ? 0 : 1) + (documentId is null ? 0 : 1) == 1;

    /// <summary>The rules of a receiver's URL: absolute, https (or http(s) to a loopback address
    /// only where <paramref name="allowLoopback"/>, for tests), no user name or password in it, at
    /// most <see cref="UrlMaxLength"/> characters. Null when it may be used, else the message key.</summary>
    public static string? UrlProblem(string? url, bool allowLoopback)
    {
        if (string.IsNullOrWhiteSpace(url)) return "Validation.Required";
        if (url.Length > UrlMaxLength) return "Webhook.UrlTooLong";
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")) return "Webhook.UrlNotAllowed";
        if (uri.UserInfo.Length > 0) return "Webhook.UrlUserInfo";
        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
        if (loopback) return allowLoopback ? null : "Webhook.UrlNotAllowed";
        return uri.Scheme == "https" ? null : "Webhook.UrlNotAllowed";
    }

    /// <summary>A new subscription; the caller has checked <see cref="HasOneTarget"/>, <see cref="UrlProblem"/>
    /// and the <see cref="MaxActivePerPerson"/> limit.</summary>
    public static WebhookSubscription Of(Guid personId, Guid? bodyId, Guid? consultationId, Guid? documentId, string url, string protectedSecret, DateTimeOffset now)
    {
        if (!HasOneTarget(bodyId, consultationId, documentId))
        {
            throw new ArgumentException("A webhook has exactly one target: a body, a consultation or a document.");
        }
        return new WebhookSubscription
        {
            Id = Guid.CreateVersion7(now),
            PersonId = personId,
            BodyId = bodyId,
            ConsultationId = consultationId,
            DocumentId = documentId,
            Url = url.Trim(),
            ProtectedSecret = protectedSecret,
            CreatedAt = now,
        };
    }

    /// <summary>Checks a request for a subscription against the entity's rules.</summary>
    public static Validation Check(Guid? bodyId, Guid? consultationId, Guid? documentId, string? url, bool allowLoopback, int activeAlready)
    {
        var validation = new Validation();
        if (!HasOneTarget(bodyId, consultationId, documentId)) validation.Add("BodyId", "Webhook.OneTarget");
        if (UrlProblem(url, allowLoopback) is { } problem)
        {
            if (problem == "Webhook.UrlTooLong") validation.Add("Url", problem, UrlMaxLength);
            else validation.Add("Url", problem);
        }
        if (activeAlready >= MaxActivePerPerson) validation.Add("Url", "Webhook.TooMany", MaxActivePerPerson);
        return validation;
    }

    public void Remove(DateTimeOffset now) => RemovedAt ??= now;
}
