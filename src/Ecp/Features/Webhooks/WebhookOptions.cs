namespace Ecp.Features.Webhooks;

/// <summary>Settings under "Ecp:Webhooks". The background passes run where Ecp:Notifications:Enabled
/// is true (a serving node; not the CLI verbs).</summary>
public sealed class WebhookOptions
{
    /// <summary>Accept http(s) URLs to a loopback address (tests, a developer's machine); never in production.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>How long a receiver has to answer one delivery.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>The wait after the first failed attempt; each further one waits twice as long.</summary>
    public int RetrySeconds { get; set; } = 30;

    /// <summary>Attempts before a delivery is given up.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How often the projection reads the record and the sender looks for due deliveries.</summary>
    public int PollSeconds { get; set; } = 5;
}
