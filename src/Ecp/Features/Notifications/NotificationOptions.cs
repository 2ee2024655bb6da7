namespace Ecp.Features.Notifications;

/// <summary>Settings under "Ecp:Notifications".</summary>
public sealed class NotificationOptions
{
    /// <summary>Runs the projection and the sender in the background; off in the CLI verbs.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Days before the close at which followers are reminded, e.g. "7,1".</summary>
    public string ReminderDays { get; set; } = "7,1";

    /// <summary>How often the projection reads the record and the sender looks for due mail.</summary>
    public int PollSeconds { get; set; } = 5;

    /// <summary>How often open consultations are checked for reminders.</summary>
    public int ReminderCheckSeconds { get; set; } = 60;

    /// <summary>The first retry after a failed send; each further one waits twice as long.</summary>
    public int RetrySeconds { get; set; } = 60;

    /// <summary>The public address of the site, for the links in e-mails.</summary>
    public string SiteUrl { get; set; } = "http://localhost:5080";

    /// <summary>The thresholds, largest first; unreadable parts are ignored.</summary>
    public IReadOnlyList<int> ReminderThresholds() => ReminderDays
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
