using Ecp.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecp.Tests;

/// <summary>SQLite's durability settings belong to each physical connection; the app sets them
/// once per connection the pool opens, and every later lease of it must still have them.</summary>
public sealed class SqliteSettingsTests
{
    [Fact]
    public async Task EveryLeaseFromThePool_SynchronousFullAndForeignKeysOn()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ecp-pragmas-{Guid.NewGuid():N}.db");
        var services = new ServiceCollection();
        services.Configure<EcpOptions>(o => o.Database = path);
        services.AddEcpDatabase();
        await using var provider = services.BuildServiceProvider();
        try
        {
            for (var lease = 0; lease < 3; lease++)
            {
                await using var scope = provider.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await db.Database.OpenConnectionAsync();
                Assert.Equal(2L, await ScalarAsync(db, "PRAGMA synchronous")); // FULL
                Assert.Equal(1L, await ScalarAsync(db, "PRAGMA foreign_keys"));
                await db.Database.CloseConnectionAsync();
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
        }
    }

    private static async Task<long> ScalarAsync(AppDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
