using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

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

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class Database
{
    public static DatabaseProvider ProviderOf(string setting)
        => setting.Contains("Host=", StringComparison.OrdinalIgnoreCase)
           || setting.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
           || setting.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    /// <summary>
    /// Aggregates own several collections (a decision's positions and advisory views, a
    /// consultation's questions and extensions): one query per collection, not one join whose rows
    /// multiply (193 positions x 50 views = 9,650 rows for one decision). A split query buffers
    /// its rows, so a query that streams (the record download and verification, the results CSV)
    /// says <c>AsSingleQuery()</c>: LargeConsultationTests holds it to that on PostgreSQL.
    /// </summary>
    private const QuerySplittingBehavior Splitting = QuerySplittingBehavior.SplitQuery;

    /// <summary>
    /// Registers both contexts; which one <see cref="AppDbContext"/> resolves to is read from the
    /// options when first needed, so a test host can point each instance at its own database.
    /// Their options are built once per host, not once per request.
    /// </summary>
    public static IServiceCollection AddEcpDatabase(this IServiceCollection services)
    {
        services.AddDbContext<SqliteAppDbContext>((sp, o) =>
        {
            var path = sp.GetRequiredService<IOptions<EcpOptions>>().Value.Database;
            o.UseSqlite($"Data Source={path};Default Timeout=30", s => s.UseQuerySplittingBehavior(Splitting)).AddInterceptors(SqlitePragmas.Instance);
        }, optionsLifetime: ServiceLifetime.Singleton);
        services.AddDbContext<PostgresAppDbContext>((sp, o) =>
            o.UseNpgsql(sp.GetRequiredService<IOptions<EcpOptions>>().Value.Database, s => s.UseQuerySplittingBehavior(Splitting)), optionsLifetime: ServiceLifetime.Singleton);
        services.AddScoped<AppDbContext>(sp =>
            ProviderOf(sp.GetRequiredService<IOptions<EcpOptions>>().Value.Database) == DatabaseProvider.Postgres
                ? sp.GetRequiredService<PostgresAppDbContext>()
                : sp.GetRequiredService<SqliteAppDbContext>());
        return services;
    }

    /// <summary>Applies pending migrations; reports each as it goes.</summary>
    public static async Task MigrateAsync(AppDbContext db, Action<string>? onMigration = null, CancellationToken ct = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
        foreach (var migration in pending)
        {
            onMigration?.Invoke(migration);
            await migrator.MigrateAsync(migration, ct);
        }
        if (db is SqliteAppDbContext)
        {
            // WAL lets readers run beside the writer; the setting is kept in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}

/// <summary>
/// Per-connection SQLite settings: durability of every acknowledged commit, and foreign keys.
/// They belong to the physical connection, so they are set once per connection the pool opens,
/// not on every lease of it.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Settings = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";
    private static readonly ConditionalWeakTable<object, object> Configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!IsNew(connection)) return;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Settings;
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!IsNew(connection)) return;
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Settings;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>True the first time this physical connection (SQLite's handle) is seen.</summary>
    private static bool IsNew(DbConnection connection)
        => connection is not SqliteConnection { Handle: { } handle } || Configured.TryAdd(handle, Settings);
}
