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

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var urls = settings.Urls ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? DefaultUrl;
        var app = EcpWeb.Build(settings.HostArgs($"--urls={urls}"));
        if (settings.Demo)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await Database.MigrateAsync(db, m => AnsiConsole.MarkupLineInterpolated($"[grey]migrating[/] {m}"), cancellationToken);
            var demo = scope.ServiceProvider.GetRequiredService<DemoData>();
            var logins = await demo.EnsureAsync(cancellationToken);
            DemoData.Print(logins, urls.Split(';')[0]);
        }
        else
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                // Outside demo mode migrations are a separate, deliberate step.
                CliHost.Fail("The database has pending migrations: run `ecp migrate` first (or `ecp serve --demo` for a demo).");
                return 2;
            }
        }
        await app.RunAsync(cancellationToken);
        return 0;
    }
}
