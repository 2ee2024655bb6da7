using Ecp.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Ecp.Tests.Infrastructure;

/// <summary>
/// The real application on a database of its own. <c>ECP_TEST_DB=postgres</c> (with the server in
/// <c>ECP_TEST_POSTGRES</c>) runs the suite on PostgreSQL; anything else on a SQLite file.
/// Each factory creates its database and drops it on dispose, so test classes can run in parallel.
/// </summary>
public sealed class EcpFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly bool ownsDatabase;
    /// <summary>Makes the template itself: migrated from nothing, and kept when the host goes.</summary>
    private readonly bool isTemplate;
    private TestPeople? people;
    private Drafting? drafting;
    private int disposed;

    /// <summary>A fresh, empty database of the provider chosen by <c>ECP_TEST_DB</c>.</summary>
    public EcpFactory()
        : this(NewDatabaseSetting(), ownsDatabase: true)
    {
    }

    private EcpFactory(string databaseSetting, bool ownsDatabase, bool isTemplate = false)
    {
        DatabaseSetting = databaseSetting;
        this.ownsDatabase = ownsDatabase;
        this.isTemplate = isTemplate;
        // Page tests look at redirects themselves; log-in cookies and antiforgery cookies carry over.
        ClientOptions.AllowAutoRedirect = false;
        ClientOptions.HandleCookies = true;
    }

    /// <summary>A second app node on this factory's database (several nodes behind a load balancer).
    /// It neither creates nor drops the database: its owner does.</summary>
    public EcpFactory SharingDatabase() => new(DatabaseSetting, ownsDatabase: false);

    public static bool OnPostgres => string.Equals(Environment.GetEnvironmentVariable("ECP_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The Ecp:Database setting: a SQLite path or a PostgreSQL connection string.</summary>
    public string DatabaseSetting { get; }

    /// <summary>Extra settings ("Ecp:ApiWritesPerMinute" = "3"); set them before the first use.</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>Each host keeps its own search index (a node's local disk), deleted on dispose.</summary>
    public string SearchIndexPath { get; } = Path.Combine(Path.GetTempPath(), "ecp-search-" + Guid.NewGuid().ToString("N"));

    /// <summary>Replaces the clock (e.g. a FakeTimeProvider); set it before the first use.</summary>
    public TimeProvider? Clock { get; set; }

    public TestPeople People => people ??= new TestPeople(this);

    /// <summary>Bodies, drafts, amendments and decisions made over the API by one Chair per factory.</summary>
    public Drafting Drafting => drafting ??= new Drafting(this);

    /// <summary>A client whose requests carry <c>Authorization: Bearer token</c>, no cookies.</summary>
    public HttpClient CreateClient(string bearerToken)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", bearerToken);
        return client;
    }

    /// <summary>A client with no cookies and no token: the public.</summary>
    public HttpClient CreatePublicClient()
        => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Ecp:Database", DatabaseSetting);
        // Each host built (a second one made with WithWebHostBuilder too) opens its own index: one writer a directory.
        builder.UseSetting("Ecp:Search:IndexPath", Path.Combine(SearchIndexPath, Guid.NewGuid().ToString("N")));
        // The tests write far faster than any person; the rate-limit test lowers these again.
        builder.UseSetting("Ecp:PublicWritesPerMinute", "1000000");
        builder.UseSetting("Ecp:ApiWritesPerMinute", "1000000");
        builder.UseSetting("Ecp:AuthAttemptsPerAccountPerMinute", "1000000");
        builder.UseSetting("Ecp:AuthAttemptsPerAddressPerMinute", "1000000");
        // The tree is built and signed when a test asks (its own tests run the follower themselves).
        builder.UseSetting("Ecp:TransparencyLog:Enabled", "false");
        // Campaigns are grouped when a test asks (CampaignProjection.RunOnceAsync), not behind every test's back.
        builder.UseSetting("Ecp:Campaigns:Follow", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton(clock)));
        }
    }

    public async Task InitializeAsync()
    {
        if (ownsDatabase) await CreateDatabaseAsync();
        await using var scope = Services.CreateAsyncScope();
        var configured = scope.ServiceProvider.GetRequiredService<IOptions<EcpOptions>>().Value.Database;
        if (configured != DatabaseSetting)
        {
            // Never run tests against a real database by accident.
            throw new InvalidOperationException($"The test host uses '{configured}', not the test database.");
        }
        await Database.MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>
    /// The database every factory starts from: migrated and seeded once per test process, then
    /// copied (SQLite: the file; PostgreSQL's CREATE DATABASE ... TEMPLATE), so a factory
    /// pays for a copy rather than for every migration. <see cref="InitializeAsync"/> still migrates
    /// the copy: with nothing pending, that only checks.
    /// </summary>
    private static readonly Lazy<Task<string>> Template = new(async () =>
    {
        var template = new EcpFactory(NewDatabaseSetting(), ownsDatabase: true, isTemplate: true);
        await template.InitializeAsync();
        await template.DisposeAsync();
        if (Database.ProviderOf(template.DatabaseSetting) == DatabaseProvider.Sqlite)
        {
            // One self-contained file, copied as a file: no copy opens the template, so none waits on another.
            SqliteConnection.ClearAllPools();
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = template.DatabaseSetting, Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;";
            await command.ExecuteNonQueryAsync();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Drop(template.DatabaseSetting);
        return template.DatabaseSetting;
    });

    private async Task CreateDatabaseAsync()
    {
        var template = isTemplate ? null : await Template.Value;
        if (Database.ProviderOf(DatabaseSetting) == DatabaseProvider.Postgres)
        {
            await using var server = new NpgsqlConnection(ServerConnectionString());
            await server.OpenAsync();
            var from = template is null ? "" : $" TEMPLATE \"{new NpgsqlConnectionStringBuilder(template).Database}\"";
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName()}\"{from}", server);
            await create.ExecuteNonQueryAsync();
        }
        else if (template is not null)
        {
            File.Copy(template, DatabaseSetting);
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        await base.DisposeAsync();
        try { Directory.Delete(SearchIndexPath, recursive: true); }
        catch (IOException) { /* a temp directory; the OS cleans up what we cannot */ }
        catch (UnauthorizedAccessException) { }
        if (isTemplate)
        {
            // Kept for the copies. PostgreSQL copies only a template no one is connected to; SQLite's backup reads beside any connection.
            if (Database.ProviderOf(DatabaseSetting) == DatabaseProvider.Postgres) NpgsqlConnection.ClearPool(new NpgsqlConnection(DatabaseSetting));
            return;
        }
        if (ownsDatabase) await Task.Run(() => Drop(DatabaseSetting));
    }

    private static void Drop(string databaseSetting)
    {
        if (Database.ProviderOf(databaseSetting) == DatabaseProvider.Postgres)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(databaseSetting));
            using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(databaseSetting) { Database = "postgres", Pooling = false }.ConnectionString);
            server.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(databaseSetting).Database}\" WITH (FORCE)", server);
            drop.ExecuteNonQuery();
        }
        else
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                try { File.Delete(databaseSetting + suffix); }
                catch (IOException) { /* a temp file; the OS cleans up what we cannot */ }
            }
        }
    }

    private static string NewDatabaseSetting()
    {
        if (!OnPostgres)
        {
            return Path.Combine(Path.GetTempPath(), $"ecp-test-{Guid.NewGuid():N}.db");
        }
        var server = Environment.GetEnvironmentVariable("ECP_TEST_POSTGRES")
            ?? throw new InvalidOperationException("ECP_TEST_DB=postgres needs ECP_TEST_POSTGRES, e.g. \"Host=127.0.0.1;Port=55432;Username=postgres\".");
        return new NpgsqlConnectionStringBuilder(server) { Database = $"ecp_t_{Guid.NewGuid():N}" }.ConnectionString;
    }

    private string DatabaseName() => new NpgsqlConnectionStringBuilder(DatabaseSetting).Database!;

    private string ServerConnectionString()
        => new NpgsqlConnectionStringBuilder(DatabaseSetting) { Database = "postgres", Pooling = false }.ConnectionString;
}
