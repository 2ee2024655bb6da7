using Ecp.Features.Notifications;
using Ecp.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Ecp.Features.AnnualReports;

/// <summary>What a mail to an organization's reporter is about: the year's cycle and the
/// organization's own deadline (its extension's, if granted).</summary>
public sealed record ReportDue(int Year, Guid OrganizationId, string OrganizationName, DateTimeOffset Deadline);

/// <summary>
/// The words of the request, the reminders and the overdue notice of an annual performance
/// report, from the UI resources, in the language of the reporter they go to.
/// </summary>
public sealed class ReportMail(IStringLocalizer<SharedResource> l, IOptions<NotificationOptions> options)
{
    public (string Subject, string Body) Requested(ReportDue due, string language)
        => MailLanguage.In(language, () => (
            l["ReportMail.Requested.Subject", due.Year, due.OrganizationName].Value,
            Compose(due, l["ReportMail.Requested.Body", due.Year, due.OrganizationName, MailLanguage.Time(due.Deadline)].Value)));

    public (string Subject, string Body) Reminder(ReportDue due, string language)
        => MailLanguage.In(language, () => (
            l["ReportMail.Reminder.Subject", due.Year, due.OrganizationName, MailLanguage.Time(due.Deadline)].Value,
            Compose(due, l["ReportMail.Reminder.Body", due.Year, due.OrganizationName, MailLanguage.Time(due.Deadline)].Value)));

    public (string Subject, string Body) Overdue(ReportDue due, string language)
        => MailLanguage.In(language, () => (
            l["ReportMail.Overdue.Subject", due.Year, due.OrganizationName].Value,
            Compose(due, l["ReportMail.Overdue.Body", due.Year, due.OrganizationName, MailLanguage.Time(due.Deadline)].Value)));

    private string Compose(ReportDue due, string lead)
    {
        var site = options.Value.SiteUrl.TrimEnd('/');
        return string.Join("\n\n",
            lead,
            l["ReportMail.Web", $"{site}/reports/{due.Year}/my-report"].Value,
            l["ReportMail.Api", $"POST {site}/api/v1/reporting-cycles/{due.Year}/reports"].Value,
            l["ReportMail.Why", due.OrganizationName].Value) + "\n";
    }
}
