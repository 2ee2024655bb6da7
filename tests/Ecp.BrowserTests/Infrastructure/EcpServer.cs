using System.Net;
using Ecp.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ecp.BrowserTests.Infrastructure;

/// <summary>
/// The real application on a real Kestrel socket (a browser cannot talk to the in-memory
/// TestServer), on a SQLite file of its own that is deleted on dispose.
/// </summary>
public sealed class EcpServer : WebApplicationFactory<Program>
{
    private int disposed;

    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"ecp-browser-{Guid.NewGuid():N}.db");

    /// <summary>Extra settings (a test's SMTP server); set them before <see cref="Start"/>.</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>http://127.0.0.1:port/ once <see cref="Start"/> has run.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Ecp:Database", DatabasePath);
        // A browser test posts a form every few hundred milliseconds: far below these.
        builder.UseSetting("Ecp:PublicWritesPerMinute", "10000");
        builder.UseSetting("Ecp:ApiWritesPerMinute", "10000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        // The app does not migrate by itself. Migrate before any other hosted service starts:
        // data protection reads its keys from the database as the host starts.
        builder.ConfigureServices(s => s.Insert(0, ServiceDescriptor.Singleton<IHostedService, MigrateOnStart>()));
    }

    /// <summary>Starts Kestrel on a free loopback port, on a migrated database.</summary>
    public void Start()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reports no addresses.");
        BaseAddress = new Uri(addresses.First().TrimEnd('/') + "/");
    }

    /// <summary>Runs a use case resolved from a fresh scope, as a request would.</summary>
    public async Task<T> RunAsync<TUseCase, T>(Func<TUseCase, Task<Ecp.Common.Result<T>>> call)
        where TUseCase : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await call(scope.ServiceProvider.GetRequiredService<TUseCase>());
        return result.IsSuccess ? result.Value : throw new InvalidOperationException($"{typeof(TUseCase).Name} failed: {result.Error}");
    }

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(DatabasePath + suffix); }
            catch (IOException) { /* a temp file; the OS cleans up what we cannot */ }
        }
    }
}

/// <summary>Creates the schema of the fresh database as the host starts.</summary>
internal sealed class MigrateOnStart(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await Database.MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct: cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
