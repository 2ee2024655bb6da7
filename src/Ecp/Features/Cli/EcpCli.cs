using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ecp.Features.Cli;

/// <summary>The operator's verbs, in the same executable as the web app.</summary>
public static class EcpCli
{
    private static readonly string[] Verbs = ["serve", "migrate", "seed-demo", "create-admin", "verify-record", "--help", "-h", "--version"];

    public static bool IsVerb(string arg) => Verbs.Contains(arg, StringComparer.Ordinal);

    public static Task<int> RunAsync(string[] args)
    {
        var app = new CommandApp();
        app.Configure(c =>
        {
            c.SetApplicationName("ecp");
            c.AddCommand<ServeCommand>("serve").WithDescription("Serve the web UI and the API (the default).")
                .WithExample("serve", "--demo");
            c.AddCommand<MigrateCommand>("migrate").WithDescription("Apply pending database migrations.");
            c.AddCommand<SeedDemoCommand>("seed-demo").WithDescription("Load the demo data into an empty, migrated database and print the demo log-ins.");
            c.AddCommand<CreateAdminCommand>("create-admin").WithDescription("Create a secretariat account, or appoint an existing account to the secretariat.")
                .WithExample("create-admin", "--email", "chair@example.org", "--name", "Chair");
            c.AddCommand<VerifyRecordCommand>("verify-record").WithDescription("Recompute the public record's hash chain; exit 1 and name the first broken entry if it does not hold.");
        });
        return app.RunAsync(args);
    }
}

public class DatabaseSettings : CommandSettings
{
    [CommandOption("-d|--database <DATABASE>")]
    [Description("SQLite file path, or PostgreSQL connection string (Host=...). Default: the Ecp:Database setting, else ecp.db. Also ECP__DATABASE.")]
    public string? Database { get; init; }

    /// <summary>Arguments for the host: the database option becomes the Ecp:Database setting.</summary>
    public string[] HostArgs(params string[] extra)
        => Database is null ? extra : [.. extra, $"--Ecp:Database={Database}"];
}

internal static class CliHost
{
    /// <summary>A host with every service but no server: the verbs use the same use cases as the web app.</summary>
    public static WebApplication Build(string[] args)
    {
        // The verbs never send mail: only a serving node runs the notifications in the background.
        var builder = WebApplication.CreateBuilder([.. args, "--Ecp:Notifications:Enabled=false"]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddEcpServices(builder.Configuration);
        return builder.Build();
    }

    public static void Fail(string message) => AnsiConsole.MarkupLineInterpolated($"[red]{message}[/]");
}
