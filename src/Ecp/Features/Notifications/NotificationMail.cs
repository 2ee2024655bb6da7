using Ecp.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Ecp.Features.Notifications;

/// <summary>What a notice is about.</summary>
public sealed record ConsultationFacts(Guid Id, string Topic, Guid BodyId, string BodyName);

/// <summary>
/// The words of each notice, from the UI resources, in the language of the person it goes to
/// (<see cref="Accounts.Account.Language"/>).
/// </summary>
public sealed class NotificationMail(IStringLocalizer<SharedResource> l, IOptions<NotificationOptions> options)
{
    public const string DefaultLanguage = Languages.Default;

    public (string Subject, string Body) Opened(ConsultationFacts c, DateTimeOffset closesAt, bool followsBody, string language = DefaultLanguage)
        => MailLanguage.In(language, () => (
            l["Notification.Opened.Subject", c.Topic].Value,
            Compose(c, followsBody, l["Notification.Opened.Body", c.Topic, c.BodyName, MailLanguage.Time(closesAt)].Value)));

    public (string Subject, string Body) Extended(ConsultationFacts c, DateTimeOffset previousClosesAt, DateTimeOffset closesAt, string reason, bool followsBody, string language = DefaultLanguage)
        => MailLanguage.In(language, () => (
            l["Notification.Extended.Subject", c.Topic].Value,
            Compose(c, followsBody, l["Notification.Extended.Body", c.Topic, c.BodyName, MailLanguage.Time(closesAt), MailLanguage.Time(previousClosesAt), reason].Value)));

    public (string Subject, string Body) Reminder(ConsultationFacts c, DateTimeOffset closesAt, bool followsBody, string language = DefaultLanguage)
        => MailLanguage.In(language, () => (
            l["Notification.Reminder.Subject", c.Topic].Value,
            Compose(c, followsBody, l["Notification.Reminder.Body", c.Topic, c.BodyName, MailLanguage.Time(closesAt)].Value)));

    /// <summary>An invitation from the secretariat; <paramref name="role"/> is worded in the mail's language.</summary>
    public (string Subject, string Body) Invited(string name, Func<string> role, string link, DateTimeOffset expiresAt, string language = DefaultLanguage)
        => MailLanguage.In(language, () => (
            l["Invitation.Mail.Subject"].Value,
            l["Invitation.Mail.Body", name, role(), link, MailLanguage.Time(expiresAt)].Value + "\n"));

    private string Compose(ConsultationFacts c, bool followsBody, string lead)
    {
        var site = options.Value.SiteUrl.TrimEnd('/');
        return string.Join("\n\n",
            lead,
            l["Notification.Link", $"{site}/consultations/{c.Id}"].Value,
            followsBody ? l["Notification.WhyBody", c.BodyName].Value : l["Notification.WhyConsultation"].Value,
            l["Notification.Unfollow", $"{site}/follows"].Value) + "\n";
    }
}
