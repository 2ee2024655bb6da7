using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;

namespace Ecp.Features.Cli;

internal static partial class CliHost
{
    /// <summary>A host with every service but no server: the verbs use the same use cases as the web app.</summary>
    public static WebApplication Build(string[] args)
    {
        // The verbs never send mail: only a serving node runs the notifications in the background.
        var builder = WebApplication.CreateBuilder([.. args, "--Ecp:Notifications:Enabled=false", "--Ecp:TransparencyLog:Enabled=false"]);
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
