using System.ComponentModel;
using Ecp.Features.Record;
using Spectre.Console.Cli;

namespace Ecp.Features.Cli;

/// <summary>`ecp monitor`: what a Member State or an NGO runs, from a cron job on its own machine, to
/// hold the platform to its record. Exit 0: the record only grew; 1: it did not (named); 2: usage.</summary>
public sealed class MonitorCommand : AsyncCommand<MonitorCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--url <URL>")]
        [Description("The platform, e.g. https://ecp.example.org.")]
        public string? Url { get; init; }

        [CommandOption("--state <FILE>")]
        [Description("Where the last checkpoint seen is kept between runs.")]
        public string? State { get; init; }

        [CommandOption("--key <VERIFIERKEY>")]
        [Description("The platform's verifier key (name+keyid+key) from a source you trust. Default: the one kept in FILE, else the platform's on the first run.")]
        public string? Key { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(settings.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new UsageException("--url must be the platform's address, e.g. https://ecp.example.org");
        }
        if (string.IsNullOrWhiteSpace(settings.State)) throw new UsageException("--state must name the file that keeps the last checkpoint seen");
        using var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        MonitorOutcome outcome;
        try
        {
            outcome = await RecordMonitor.CheckAsync(client, settings.State, settings.Key, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or InvalidDataException or FormatException)
        {
            CliHost.Fail($"could not read the platform's record at {url}: {e.Message}");
            return 1;
        }
        if (outcome.Holds)
        {
            CliHost.Say(outcome.Message);
            return 0;
        }
        CliHost.Fail($"{outcome.Problem}: {outcome.Message}");
        return 1;
    }
}
