using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace Ecp.Data;

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
        // Reference data that lives in the database because the secretariat changes it afterwards.
        await Features.Issues.IssueTaxonomy.SeedAsync(db, ct);
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
