using Ecp.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ecp.Tests.Data;

/// <summary>
/// SQLite's durability settings belong to each physical connection. The bundled SQLite happens to
/// default to them already, so these tests start from connections where they are off: the app
/// must set them itself, not rely on how the library was built.
/// </summary>
public sealed class SqliteSettingsTests
{
    [Fact]
    public async Task NewPhysicalConnection_SettingsOff_AreSetToSynchronousFullAndForeignKeysOn()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ecp-pragmas-{Guid.NewGuid():N}.db");
        try
        {
            await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            await connection.OpenAsync();
            await ExecuteAsync(connection, "PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF;");
            Assert.Equal(0L, await ScalarAsync(connection, "PRAGMA synchronous"));

            await SqlitePragmas.Instance.ConnectionOpenedAsync(connection, null!);

            Assert.Equal(2L, await ScalarAsync(connection, "PRAGMA synchronous")); // FULL
            Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA foreign_keys"));
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
        }
    }

    [Fact]
    public async Task TheAppsSqliteContext_OpensConnectionsThroughTheSettings()
    {
        var services = new ServiceCollection();
        services.Configure<EcpOptions>(o => o.Database = Path.Combine(Path.GetTempPath(), $"ecp-pragmas-{Guid.NewGuid():N}.db"));
        services.AddEcpDatabase();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var interceptors = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors ?? [];
        Assert.Contains(SqlitePragmas.Instance, interceptors);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
