using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ecp.Features.Cli;

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
