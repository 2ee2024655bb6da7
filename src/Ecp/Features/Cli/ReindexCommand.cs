using Ecp.Features.Search;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ecp.Features.Cli;

/// <summary>Empties this node's search index and rebuilds it from the whole record: a progress bar
/// on a terminal, a plain line per batch when the output is redirected. Stop the node's server
/// first (the index is locked by the process that writes it).</summary>
public sealed class ReindexCommand : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        await using var app = CliHost.Build(settings.HostArgs());
        var projection = app.Services.GetRequiredService<SearchProjection>();
        await projection.ResetAsync(cancellationToken);
        if (Console.IsOutputRedirected)
        {
            await projection.CatchUpAsync(new Progress<(long Done, long Total)>(p => Console.WriteLine($"Indexed the record up to entry {p.Done} of {p.Total}.")), cancellationToken);
        }
        else
        {
            await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Rebuilding the search index", maxValue: 1);
                await projection.CatchUpAsync(new Progress<(long Done, long Total)>(p => { task.MaxValue = Math.Max(1, p.Total); task.Value = p.Done; }), cancellationToken);
                task.Value = task.MaxValue;
            });
        }
        CliHost.Say($"The search index is rebuilt up to record entry {projection.Checkpoint}.");
        return 0;
    }
}
