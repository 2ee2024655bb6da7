namespace Ecp.Features.Notifications;

/// <summary>Settings under "Ecp:Notifications".</summary>
public sealed class NotificationOptions
{
    /// <summary>Runs the projection and the sender in the background; off in the CLI verbs.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Days before the close at which followers are reminded, e.g. "7,1".</summary>
    public string ReminderDays { get; set; } = "7,1";

    /// <summary>Days before an organization's own deadline at which its reporters are reminded of
    /// an annual performance report not submitted, e.g. "14,3".</summary>
    public string ReportReminderDays { get; set; } = "14,3";

    /// <summary>Days after an organization's deadline within which the overdue notice still goes
    /// (it is due the day after): a record replayed long after, or an old cycle, mails no one.</summary>
    public int ReportOverdueWindowDays { get; set; } = 7;

    /// <summary>How often the projection reads the record and the sender looks for due mail.</summary>
    public int PollSeconds { get; set; } = 5;

    /// <summary>How often open consultations are checked for reminders.</summary>
    public int ReminderCheckSeconds { get; set; } = 60;

    /// <summary>The first retry after a failed send; each further one waits twice as long.</summary>
    public int RetrySeconds { get; set; } = 60;

    /// <summary>The public address of the site, for the links in e-mails.</summary>
    public string SiteUrl { get; set; } = "http://localhost:5080";

    /// <summary>The consultation reminders' thresholds, largest first.</summary>
    public IReadOnlyList<int> ReminderThresholds() => Thresholds(ReminderDays);

    /// <summary>The annual report reminders' thresholds, largest first.</summary>
    public IReadOnlyList<int> ReportReminderThresholds() => Thresholds(ReportReminderDays);

    /// <summary>Days as "14,3", largest first; unreadable parts are ignored.</summary>
    private static List<int> Thresholds(string days) => days
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(s => int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : 0)
        .Where(d => d > 0)
        .Distinct()
        .OrderDescending()
        .ToList();
}

/// <summary>Settings under "Ecp:Smtp". An empty Host disables sending: mail stays queued.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>The sender, e.g. "ECP &lt;no-reply@ecp.example.org&gt;".</summary>
    public string From { get; set; } = "ECP <no-reply@localhost>";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>"Auto" (STARTTLS when offered), "None", "StartTls" or "SslOnConnect".</summary>
    public string Security { get; set; } = "Auto";

    public int TimeoutSeconds { get; set; } = 30;
}
