using Ecp.Features.Notifications;
using Ecp.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Ecp.Features.Meetings;

/// <summary>The words of the meetings' e-mails, from the UI resources, in the recipient's language;
/// each names the meeting's times in its zone and in UTC, and links its page and its .ics.</summary>
public sealed class MeetingMail(IStringLocalizer<SharedResource> l, IOptions<NotificationOptions> options)
{
    public (string Subject, string Body) Confirmed(Meeting m, string language)
        => MailLanguage.In(language, () => (l["MeetingMail.Confirmed.Subject", m.Title].Value, Compose(m, l["MeetingMail.Confirmed.Body", m.Title].Value)));

    public (string Subject, string Body) MovedUp(Meeting m, string language)
        => MailLanguage.In(language, () => (l["MeetingMail.MovedUp.Subject", m.Title].Value, Compose(m, l["MeetingMail.MovedUp.Body", m.Title].Value)));

    public (string Subject, string Body) Changed(Meeting m, bool cancelled, string language)
        => MailLanguage.In(language, () => cancelled
            ? (l["MeetingMail.Cancelled.Subject", m.Title].Value, Compose(m, l["MeetingMail.Cancelled.Body", m.Title].Value))
            : (l["MeetingMail.Changed.Subject", m.Title].Value, Compose(m, l["MeetingMail.Changed.Body", m.Title].Value)));

    private string Compose(Meeting m, string lead)
    {
        var site = options.Value.SiteUrl.TrimEnd('/');
        return string.Join("\n\n",
            lead,
            l["MeetingMail.When", $"{MeetingTime.Local(m.StartsAt, m.TimeZone)} ({m.TimeZone})", MailLanguage.Time(m.StartsAt)].Value,
            l["MeetingMail.Page", $"{site}/meetings/{m.Id}"].Value,
            l["MeetingMail.Calendar", $"{site}/api/v1/meetings/{m.Id}.ics"].Value) + "\n";
    }
}
