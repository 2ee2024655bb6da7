using System.ComponentModel;
using Ecp.Data;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ecp.Features.Cli;

public sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    public const string DefaultUrl = "http://localhost:5080";

    public sealed class Settings : DatabaseSettings
    {
        [CommandOption("--demo")]
        [Description("Migrate, load the demo data if the database is empty, and print the demo log-ins (fresh passwords each start).")]
        public bool Demo { get; init; }

        [CommandOption("--urls <URLS>")]
        [Description("Where to listen. Default: " + DefaultUrl + " (or ASPNETCORE_URLS).")]
        public string? Urls { get; init; }
    }

    /// <summary>
    /// What a demo would otherwise log as warnings, each a deliberate choice of the demo: its
    /// data-protection keys sit unencrypted in its own throw-away database, and its e-mails stay
    /// in the outbox (no SMTP server). The host's "now listening" lines would land in the middle of
    /// the log-ins: the demo prints where it listens itself.
    /// </summary>
    private static readonly string[] DemoLogging =
    [
        "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
        "--Logging:LogLevel:Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager=Error",
        "--Logging:LogLevel:Ecp.Features.Notifications.OutboxSender=Error",
    ];

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var urls = settings.Urls ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? DefaultUrl;
        string[] quiet = settings.Demo ? DemoLogging : [];
        await using var app = EcpWeb.Build(settings.HostArgs([$"--urls={urls}", .. quiet, .. HostStartLogging]));
        return await ServeAsync(app, settings.Demo, cancellationToken);
    }

    internal const string ConnectionLog = "Microsoft.EntityFrameworkCore.Database.Connection";

    /// <summary>A failed start (a taken port, a database that cannot be opened) is reported in one
    /// line by <see cref="ServeAsync"/>, not also logged with its stack trace.</summary>
    internal static readonly string[] HostStartLogging =
    [
        "--Logging:LogLevel:Microsoft.Extensions.Hosting.Internal.Host=None",
        $"--Logging:LogLevel:{ConnectionLog}=None",
    ];

    /// <summary>
    /// Serves until stopped. Outside demo mode migrations are a separate, deliberate step: a database
    /// that needs them is refused before anything reads it (the data-protection keys, the projections).
    /// </summary>
    public static async Task<int> ServeAsync(WebApplication app, bool demo, CancellationToken ct)
    {
        IReadOnlyList<DemoLogin> logins = [];
        try
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                if (demo)
                {
                    await Database.MigrateAsync(db, m => AnsiConsole.MarkupLineInterpolated($"[grey]migrating[/] {m}"), ct);
                    logins = await scope.ServiceProvider.GetRequiredService<DemoData>().EnsureAsync(ct);
                }
                else if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
                {
                    CliHost.Fail("the database needs migrating: run 'ecp migrate' first (or 'ecp serve --demo' for a demo)");
                    return EcpCli.Failed;
                }
            }
            await app.StartAsync(ct);
        }
        catch (Exception e) when (CliHost.Explain(e) is { } line)
        {
            CliHost.Fail(line);
            return EcpCli.Failed;
        }
        // Printed once the server listens, so that every address printed answers.
        if (demo) DemoData.Print(logins, app.Urls.FirstOrDefault() ?? DefaultUrl);
        await app.WaitForShutdownAsync(ct);
        return 0;
    }
}
