using System.Reflection;
using Spectre.Console.Cli;

namespace Ecp.Features.Cli;

/// <summary>The operator's verbs, in the same executable as the web app.</summary>
public static class EcpCli
{
    /// <summary>Exit code of a failure the operator can fix (a taken port, a database to migrate).</summary>
    public const int Failed = 1;

    /// <summary>Exit code of a command line that does not parse, as most Unix tools use it.</summary>
    public const int Usage = 2;

    private static readonly string[] Verbs = ["serve", "migrate", "seed-demo", "create-admin", "verify-record", "reindex"];

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
            c.AddCommand<MonitorCommand>("monitor").WithDescription("Check a platform's signed record only grew (exit 1 if not).")
                .WithExample("monitor", "--url", "https://ecp.example.org", "--state", "ecp-monitor.json");
            c.AddCommand<ReindexCommand>("reindex").WithDescription("Rebuild this node's search index from the record.");
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
