using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Ecp.Data;
using Ecp.Features.Cli;
using Ecp.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecp.Tests.Cli;

/// <summary>The operator's verbs: in-process as `ecp VERB ...` runs them, and as the real
/// executable for what only a process shows (exit codes, what lands on stdout and stderr).</summary>
public sealed partial class CliTests
{
    public static readonly TheoryData<string[]> HelpCommands = new()
    {
        { ["--help"] }, { ["-h"] }, { ["help"] },
        { ["serve", "--help"] }, { ["migrate", "--help"] }, { ["seed-demo", "--help"] },
        { ["create-admin", "--help"] }, { ["verify-record", "-h"] }, { ["reindex", "--help"] }, { ["help", "serve"] },
    };

    [Theory]
    [MemberData(nameof(HelpCommands))]
    public async Task Help_ForTheToolOrAVerb_PrintsUsageAndDoesNothingElse(string[] args)
    {
        await InFolderAsync(async folder =>
        {
            var database = Path.Combine(folder, "untouched.db");
            var (exit, stdout, stderr) = await EcpProcess.RunAsync(folder, [.. args, .. args.Length > 1 ? new[] { "--database", database } : []]);

            Assert.Equal(0, exit);
            Assert.Contains("USAGE:", stdout);
            Assert.Equal("", stderr);
            Assert.DoesNotContain("   at ", stdout);
            Assert.Empty(Directory.GetFiles(folder)); // nothing served, migrated or created
            if (args.Length == 1)
            {
                // Every verb on one line of its own: name and description, no wrapped continuation.
                var commands = stdout[stdout.IndexOf("COMMANDS:", StringComparison.Ordinal)..].Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
                Assert.Equal(["serve", "migrate", "seed-demo", "create-admin", "verify-record", "monitor", "reindex"], commands.Select(l => l.Trim().Split(' ')[0]));
                Assert.All(commands, l => Assert.Matches(@"^ {4}[a-z-]+ +\S", l));
            }
        });
    }

    public static readonly TheoryData<string[], string> UsageErrors = new()
    {
        { ["frobnicate"], "ecp: unknown command 'frobnicate' (run 'ecp --help' for the commands)" },
        { ["serve", "--bogus"], "ecp: unknown option 'bogus' (see 'ecp serve --help')" },
        { ["serve", "--urls"], "ecp: option 'urls' is defined but no value has been provided (see 'ecp serve --help')" },
        { ["migrate", "--database"], "ecp: option 'database' is defined but no value has been provided (see 'ecp migrate --help')" },
        { ["create-admin", "--name", "Nobody"], "ecp: --email and --name are required (see 'ecp create-admin --help')" },
        { ["--frobnicate"], "ecp: unexpected option 'frobnicate' (see 'ecp --help')" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task CommandLine_ThatDoesNotParse_PrintsOneLineOnStderrAndExitsTwo(string[] args, string expected)
    {
        await InFolderAsync(async folder =>
        {
            var (exit, stdout, stderr) = await EcpProcess.RunAsync(folder, args);

            Assert.Equal(EcpCli.Usage, exit);
            Assert.Equal("", stdout);
            Assert.Equal(expected, stderr.TrimEnd('\n'));
            Assert.Empty(Directory.GetFiles(folder)); // no ecp.db: nothing started
        });
    }

    [Fact]
    public async Task Serve_OnATakenPort_PrintsOneLineAndExitsOne()
    {
        await InFolderAsync(async folder =>
        {
            var database = Path.Combine(folder, "ecp.db");
            Assert.Equal(0, (await EcpProcess.RunAsync(folder, "migrate", "--database", database)).Exit);
            using var taken = new TcpListener(IPAddress.Loopback, 0);
            taken.Start();
            var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

            // `ecp serve`, and the host's own form (only --key=value settings), fail alike.
            foreach (var args in new[] { new[] { "serve", "--database", database, "--urls", url }, [$"--urls={url}", $"--Ecp:Database={database}"] })
            {
                var (exit, stdout, stderr) = await EcpProcess.RunAsync(folder, args);

                Assert.Equal(EcpCli.Failed, exit);
                Assert.Equal($"ecp: cannot listen on {url}: address already in use", stderr.TrimEnd('\n'));
                Assert.DoesNotContain("   at ", stdout);
                Assert.DoesNotContain("Exception", stdout);
            }
        });
    }

    [Fact]
    public async Task Serve_OnAnUnmigratedDatabase_PrintsOneLineBeforeReadingItAndExitsOne()
    {
        await InFolderAsync(async folder =>
        {
            var database = Path.Combine(folder, "empty.db");
            foreach (var args in new[] { new[] { "serve", "--database", database, "--urls", "http://127.0.0.1:0" }, ["seed-demo", "--database", database] })
            {
                var (exit, stdout, stderr) = await EcpProcess.RunAsync(folder, args);

                Assert.Equal(EcpCli.Failed, exit);
                Assert.Matches("^ecp: the database needs migrating: run 'ecp migrate' first[^\n]*\n?$", stderr);
                Assert.DoesNotContain("no such table", stdout + stderr);
                Assert.DoesNotContain("DataProtection", stdout + stderr);
                Assert.DoesNotContain("   at ", stdout + stderr);
            }
        });
    }

    [Fact]
    public async Task ServeDemo_OnAFreshDatabase_LogsNoWarningAndPrintsOneLogInALine()
    {
        await InFolderAsync(async folder =>
        {
            int port;
            using (var free = new TcpListener(IPAddress.Loopback, 0))
            {
                free.Start();
                port = ((IPEndPoint)free.LocalEndpoint).Port;
            }
            var url = $"http://127.0.0.1:{port}";
            await using var ecp = EcpProcess.Start(folder, "serve", "--demo", "--database", Path.Combine(folder, "demo.db"), "--urls", url);
            var lines = await ecp.ReadUntilAsync(l => l.StartsWith("ECP is serving at", StringComparison.Ordinal));

            // The pages a newcomer opens first run the queries that used to warn.
            using (var http = new HttpClient { BaseAddress = new Uri(url) })
            {
                foreach (var page in new[] { "/", "/consultations", "/documents", "/record" })
                {
                    Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(page)).StatusCode);
                }
            }
            var output = string.Join('\n', lines) + "\n" + await ecp.StopAsync();

            Assert.DoesNotContain("warn", output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("fail:", output);
            var logins = lines.Select(l => LogInLine().Match(l)).Where(m => m.Success).ToList();
            Assert.Equal(["secretariat", "delegate", "stakeholder", "reporter", "applicant"], logins.Select(m => m.Groups["role"].Value));
            Assert.Equal($"ECP is serving at {url} (log in at {url}/account/log-in; Ctrl+C stops it)", lines[^1]);
        });
    }

    /// <summary>Runs a test in a scratch folder of its own (the working directory of the process).</summary>
    private static async Task InFolderAsync(Func<string, Task> test)
    {
        var folder = EcpProcess.NewFolder();
        try
        {
            await test(folder);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex(@"^  (?<role>[a-z]+) +(?<email>[a-z-]+@demo\.ecp\.example) +(?<password>[A-Za-z0-9]{20})  \S")]
    private static partial Regex LogInLine();

    [Fact]
    public async Task Verbs_OnAFreshSqliteFile_MigrateSeedAppointAndVerify()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ecp-cli-{Guid.NewGuid():N}.db");
        try
        {
            // Outside demo mode nothing happens by itself: serving an unmigrated database is refused.
            Assert.Equal(EcpCli.Failed, await EcpCli.RunAsync(["serve", "--database", path, "--urls", "http://127.0.0.1:0"]));
            Assert.Equal(EcpCli.Failed, await EcpCli.RunAsync(["seed-demo", "--database", path]));

            Assert.Equal(0, await EcpCli.RunAsync(["migrate", "--database", path]));
            Assert.Equal(0, await EcpCli.RunAsync(["migrate", "--database", path])); // idempotent
            Assert.Equal(0, await EcpCli.RunAsync(["seed-demo", "--database", path]));
            Assert.Equal(0, await EcpCli.RunAsync(["create-admin", "--database", path, "--email", "chair@cli.example", "--name", "The Chair"]));
            Assert.Equal(0, await EcpCli.RunAsync(["verify-record", "--database", path]));
            // The search index, beside the database file by default, rebuilt from the record.
            Assert.Equal(0, await EcpCli.RunAsync(["reindex", "--database", path]));
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(Path.GetDirectoryName(path)!, "search-index")));

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
