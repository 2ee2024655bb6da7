using System.ComponentModel;
using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Spectre.Console.Cli;

namespace Ecp.Features.Cli;

/// <summary>The operator's verbs, in the same executable as the web app.</summary>
public static class EcpCli
{
    /// <summary>Exit code of a failure the operator can fix (a taken port, a database to migrate).</summary>
    public const int Failed = 1;

    /// <summary>Exit code of a command line that does not parse, as most Unix tools use it.</summary>
    public const int Usage = 2;

    private static readonly string[] Verbs = ["serve", "migrate", "seed-demo", "create-admin", "verify-record"];

    /// <summary>
    /// True when every argument only configures the host (<c>--urls=...</c>, <c>--environment=Testing</c>):
    /// that is how WebApplicationFactory starts the app, and how the host itself takes settings.
    /// Anything else is a command line for the verbs.
    /// </summary>
    public static bool IsHostSettings(string[] args)
        => args.Length > 0 && args.All(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('='));

    public static Task<int> RunAsync(string[] args)
    {
        args = args switch
        {
            [] => ["serve"], // `ecp` alone serves
            ["help"] => ["--help"],
            ["help", var verb, ..] => [verb, "--help"],
            _ => args,
        };
        if (!args[0].StartsWith('-') && !Verbs.Contains(args[0], StringComparer.Ordinal))
        {
            // Before the parser, so that the message is one plain line whatever the terminal.
            CliHost.Fail($"unknown command '{args[0]}' (run 'ecp --help' for the commands)");
            return Task.FromResult(Usage);
        }
        var app = new CommandApp();
        app.Configure(c =>
        {
            c.SetApplicationName("ecp");
            c.SetApplicationVersion(typeof(EcpCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0");
            // Not UseStrictParsing: in this version it lets an option without its value through
            // (`serve --urls`) as if it were absent. Unknown options are refused by the interceptor.
            c.SetInterceptor(new RefuseUnknownOptions());
            c.SetExceptionHandler((e, _) => Explain(e, args[0]));
            // One line each in an 80-column terminal: the usage is read, and grepped.
            c.AddCommand<ServeCommand>("serve").WithDescription("Serve the web UI and the API (the default).")
                .WithExample("serve", "--demo");
            c.AddCommand<MigrateCommand>("migrate").WithDescription("Apply pending database migrations.");
            c.AddCommand<SeedDemoCommand>("seed-demo").WithDescription("Load the demo data and print the demo log-ins.");
            c.AddCommand<CreateAdminCommand>("create-admin").WithDescription("Create or appoint a secretariat account.")
                .WithExample("create-admin", "--email", "chair@example.org", "--name", "Chair");
            c.AddCommand<VerifyRecordCommand>("verify-record").WithDescription("Check the record's hash chain (exit 1 if broken).");
        });
        return app.RunAsync(args);
    }

    /// <summary>One line for what the operator can fix; the whole exception only for a bug.</summary>
    private static int Explain(Exception e, string verb)
    {
        if (e is CommandParseException or CommandRuntimeException or UsageException)
        {
            var message = e.Message.Split('\n')[0].Trim().TrimEnd('.');
            var help = verb.StartsWith('-') ? "ecp --help" : $"ecp {verb} --help";
            CliHost.Fail($"{char.ToLowerInvariant(message[0])}{message[1..]} (see '{help}')");
            return Usage;
        }
        if (CliHost.Explain(e) is { } line)
        {
            CliHost.Fail(line);
            return Failed;
        }
        if (e is OperationCanceledException) return Failed;
        Console.Error.WriteLine($"ecp: {e}");
        return Failed;
    }
}

/// <summary>What the parser could not bind to an option of the verb is a mistake, not a detail to ignore.</summary>
internal sealed class RefuseUnknownOptions : ICommandInterceptor
{
    public void Intercept(CommandContext context, CommandSettings settings)
    {
        var unknown = context.Remaining.Parsed.Select(p => p.Key).Concat(context.Remaining.Raw).FirstOrDefault();
        if (unknown is not null) throw new UsageException($"Unknown option '{unknown.TrimStart('-')}'.");
    }
}

internal sealed class UsageException(string message) : Exception(message);

public class DatabaseSettings : CommandSettings
{
    [CommandOption("-d|--database <DATABASE>")]
    [Description("SQLite file path, or PostgreSQL connection string (Host=...). Default: the Ecp:Database setting, else ecp.db. Also ECP__DATABASE.")]
    public string? Database { get; init; }

    /// <summary>Arguments for the host: the database option becomes the Ecp:Database setting. The
    /// content root is the binary's folder (unless ASPNETCORE_CONTENTROOT says otherwise), so
    /// appsettings.json is read wherever ecp is started from.</summary>
    public string[] HostArgs(params string[] extra)
    {
        string[] root = Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 } ? [] : [$"--contentRoot={AppContext.BaseDirectory}"];
        string[] args = [.. root, .. extra];
        return Database is null ? args : [.. args, $"--Ecp:Database={Database}"];
    }
}

internal static partial class CliHost
{
    /// <summary>A host with every service but no server: the verbs use the same use cases as the web app.</summary>
    public static WebApplication Build(string[] args)
    {
        // The verbs never send mail: only a serving node runs the notifications in the background.
        var builder = WebApplication.CreateBuilder([.. args, "--Ecp:Notifications:Enabled=false"]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A database that cannot be opened is reported in one line by the verb, not logged besides.
        builder.Logging.AddFilter(ServeCommand.ConnectionLog, LogLevel.None);
        builder.Services.AddEcpServices(builder.Configuration);
        return builder.Build();
    }

    /// <summary>One line on standard error, never wrapped: scripts and people read it alike.</summary>
    public static void Fail(string message) => Console.Error.WriteLine($"ecp: {message}");

    /// <summary>Plain lines on standard output: Spectre's console would wrap them at 80 columns.</summary>
    public static void Say(string message) => Console.Out.WriteLine(message);

    /// <summary>The one line for a failure the operator can fix, or null for a bug.</summary>
    public static string? Explain(Exception e) => e switch
    {
        IOException { InnerException: AddressInUseException } io =>
            $"cannot listen on {(BoundAddress().Match(io.Message) is { Success: true } m ? m.Groups[1].Value : "the address")}: address already in use",
        DbException db => $"cannot use the database: {db.Message.Split('\n')[0].Trim()}",
        _ => null,
    };

    // Kestrel: "Failed to bind to address http://127.0.0.1:5080: address already in use."
    [GeneratedRegex(@"address (\S+): address already in use")]
    private static partial Regex BoundAddress();
}
