using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ecp.Features.Cli;

public sealed class VerifyRecordCommand : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        await using var app = CliHost.Build(settings.HostArgs());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var total = await db.RecordEntries.LongCountAsync(cancellationToken);
        var verifier = scope.ServiceProvider.GetRequiredService<RecordVerifier>();
        RecordVerification result = null!;
        await AnsiConsole.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask("Verifying the record", maxValue: Math.Max(1, total));
            result = await verifier.VerifyAsync(new Progress<long>(n => task.Value = n), cancellationToken);
            task.Value = task.MaxValue;
        });
        if (result.IsValid)
        {
            CliHost.Say($"The record holds: {result.EntriesChecked} entries, head {result.HeadHash}.");
            return 0;
        }
        CliHost.Fail($"the record is broken at entry {result.FirstBrokenSequence}: {result.Problem} ({result.EntriesChecked} entries before it hold).");
        return 1;
    }
}
