using Ecp.Data;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ecp.Features.Cli;

public sealed class SeedDemoCommand : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        await using var app = CliHost.Build(settings.HostArgs());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            CliHost.Fail("the database needs migrating: run 'ecp migrate' first");
            return EcpCli.Failed;
        }
        var logins = await AnsiConsole.Status().StartAsync("Loading demo data...",
            _ => scope.ServiceProvider.GetRequiredService<DemoData>().EnsureAsync(cancellationToken));
        DemoData.Print(logins, null);
        return 0;
    }
}
