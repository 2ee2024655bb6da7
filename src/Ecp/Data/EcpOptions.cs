namespace Ecp.Data;

/// <summary>Settings under "Ecp" (appsettings.json, ECP__* environment variables, or --Ecp:X=... arguments).</summary>
public sealed class EcpOptions
{
    /// <summary>A SQLite file path (the default, embedded) or a PostgreSQL connection string.</summary>
    public string Database { get; set; } = "ecp.db";

    /// <summary>Page form POSTs allowed per minute and node: per signed-in account, or per client
    /// address for anonymous ones. Reads (GET) are never limited.</summary>
    public int PublicWritesPerMinute { get; set; } = 30;

    /// <summary>Authenticated API writes allowed per account per minute, per node.</summary>
    public int ApiWritesPerMinute { get; set; } = 600;

    /// <summary>Log-in, sign-up and token issue attempts per account tried (the e-mail) per minute, per node.</summary>
    public int AuthAttemptsPerAccountPerMinute { get; set; } = 10;

    /// <summary>Log-in, sign-up and token issue attempts per client address per minute, per node
    /// (generous: many people share an address behind a proxy).</summary>
    public int AuthAttemptsPerAddressPerMinute { get; set; } = 120;

    /// <summary>Whose word to take for the client address behind a reverse proxy.</summary>
    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();
}

/// <summary>Settings under "Ecp:ForwardedHeaders". Off by default: the client address is the
/// connection's. On, X-Forwarded-For and X-Forwarded-Proto are read from loopback and from the
/// proxies and networks named here only, never from anyone else.</summary>
public sealed class ForwardedHeadersSettings
{
    public bool Enabled { get; set; }

    /// <summary>Addresses of the reverse proxies, e.g. "10.0.0.5".</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of the reverse proxies in CIDR form, e.g. "10.0.0.0/24".</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row to believe (entries read from the end of X-Forwarded-For).</summary>
    public int ForwardLimit { get; set; } = 1;
}
