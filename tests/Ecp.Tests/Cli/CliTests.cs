using Ecp.Data;
using Ecp.Features.Cli;
using Ecp.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecp.Tests.Cli;

/// <summary>The operator's verbs, run in-process exactly as `ecp VERB ...` would run them.</summary>
public sealed class CliTests
{
    [Fact]
    public async Task Verbs_OnAFreshSqliteFile_MigrateSeedAppointAndVerify()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ecp-cli-{Guid.NewGuid():N}.db");
        try
        {
            // Outside demo mode nothing happens by itself: serving an unmigrated database is refused.
            Assert.Equal(2, await EcpCli.RunAsync(["serve", "--database", path, "--urls", "http://127.0.0.1:0"]));
            Assert.Equal(2, await EcpCli.RunAsync(["seed-demo", "--database", path]));

            Assert.Equal(0, await EcpCli.RunAsync(["migrate", "--database", path]));
            Assert.Equal(0, await EcpCli.RunAsync(["migrate", "--database", path])); // idempotent
            Assert.Equal(0, await EcpCli.RunAsync(["seed-demo", "--database", path]));
            Assert.Equal(0, await EcpCli.RunAsync(["create-admin", "--database", path, "--email", "chair@cli.example", "--name", "The Chair"]));
            Assert.Equal(0, await EcpCli.RunAsync(["verify-record", "--database", path]));

            await using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={path}").Options);
            Assert.Contains(await db.People.ToListAsync(), p => p.DisplayName == "The Chair" && p.Role == Common.Role.Secretariat);
            Assert.True(await db.Organizations.CountAsync() >= 10);
            Assert.Contains(await db.RecordEntries.Select(e => e.Action).ToListAsync(), a => a == "person.appointed-secretariat");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
        }
    }

    [Fact]
    public async Task CreateAdmin_WithoutEmail_FailsWithUsage()
        => Assert.NotEqual(0, await EcpCli.RunAsync(["create-admin", "--name", "Nobody"]));

    [Fact]
    public async Task VerifyRecord_AfterTampering_ExitsOne()
    {
        await using var factory = new EcpFactory();
        await factory.InitializeAsync();
        await factory.People.SecretariatAsync();
        Assert.Equal(0, await EcpCli.RunAsync(["verify-record", "--database", factory.DatabaseSetting]));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.ExecuteSqlRawAsync("""UPDATE "RecordEntries" SET "ActorName" = 'Someone else' WHERE "Sequence" = 1""");
        }
        Assert.Equal(1, await EcpCli.RunAsync(["verify-record", "--database", factory.DatabaseSetting]));
    }
}
