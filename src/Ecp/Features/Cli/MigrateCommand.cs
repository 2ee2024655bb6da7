using Ecp.Data;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ecp.Features.Cli;

public sealed class MigrateCommand : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        await using var app = CliHost.Build(settings.HostArgs());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            AnsiConsole.MarkupLine("[green]The database is up to date.[/]");
            return 0;
        }
        await AnsiConsole.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask("Migrating", maxValue: pending.Count);
            await Database.MigrateAsync(db, m =>
            {
                task.Description = m;
                task.Increment(1);
            }, cancellationToken);
        });
        AnsiConsole.MarkupLineInterpolated($"[green]Applied {pending.Count} migration(s).[/]");
        return 0;
    }
}
