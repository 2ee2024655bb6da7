using System.ComponentModel;
using Ecp.Data;
using Microsoft.EntityFrameworkCore;
using Spectre.Console.Cli;

namespace Ecp.Bench;

/// <summary>After a crash: is every contribution the server acknowledged in the database?</summary>
internal sealed class VerifyCommand : AsyncCommand<VerifyCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--database <DATABASE>")] public string Database { get; init; } = "";
        [CommandOption("--acks <FILE>")] public string Acks { get; init; } = "acks.log";
        [CommandOption("--setup <FILE>")][Description("Optional: also count what the consultation holds.")] public string? Setup { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings s, CancellationToken ct)
    {
        var lines = await File.ReadAllLinesAsync(s.Acks, ct);
        // A line cut short by a crash of the load generator itself would not parse: say so.
        var acknowledged = lines.Where(l => l.Length > 0).Select(l => Guid.TryParse(l, out var id) ? id : Guid.Empty).ToList();
        var unreadable = acknowledged.Count(id => id == Guid.Empty);

        await using var app = BenchHost.Build(s.Database);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = new HashSet<Guid>();
        foreach (var chunk in acknowledged.Where(id => id != Guid.Empty).Distinct().Chunk(500))
        {
            stored.UnionWith(await db.Contributions.AsNoTracking().Where(c => chunk.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct));
        }
        var distinct = acknowledged.Where(id => id != Guid.Empty).Distinct().ToList();
        var missing = distinct.Where(id => !stored.Contains(id)).ToList();
        var line = $"acknowledged {distinct.Count}, present {stored.Count}, missing {missing.Count}";
        if (unreadable > 0) line += $", unreadable lines {unreadable}";
        if (distinct.Count != acknowledged.Count - unreadable) line += $", duplicate ids {acknowledged.Count - unreadable - distinct.Count}";
        if (s.Setup is not null)
        {
            var setup = System.Text.Json.JsonSerializer.Deserialize<SetupFile>(await File.ReadAllTextAsync(s.Setup, ct), BenchHost.Json)!;
            var inConsultation = await db.Contributions.CountAsync(c => c.ConsultationId == setup.ConsultationId, ct);
            line += $" (the consultation holds {inConsultation})";
        }
        Console.WriteLine(line);
        foreach (var id in missing.Take(10)) Console.WriteLine($"missing: {id}");
        return missing.Count == 0 && unreadable == 0 ? 0 : 1;
    }
}
