using System.Globalization;
using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.AnnualReports;

/// <summary>The secretariat publishes the compilation of a closed cycle (closed -> compiled), and
/// may revise it (version 2, 3 …, each on the record); every [R-n] must resolve to a submitted
/// report of that cycle, checked as the consultation synthesis's citations are (<see cref="CitationStyle"/>).</summary>
public sealed class PublishCompilation(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        /// <summary>The compilation in Markdown, citing reports as [R-n].</summary>
        public string? Markdown { get; init; }
    }

    /// <summary>Every published version of a cycle's compilation, as the record keeps it.</summary>
    internal static IQueryable<RecordEntry> VersionsOnRecord(AppDbContext db, int year)
    {
        var entityId = year.ToString(CultureInfo.InvariantCulture);
        return db.RecordEntries.Where(e => e.Entity == AnnualReportActions.CycleEntity && e.EntityId == entityId && e.Action == AnnualReportActions.Compiled);
    }

    public async Task<Result<CycleCompilation>> HandleAsync(Actor actor, int year, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        var cycle = await db.ReportingCycles.FirstOrDefaultAsync(c => c.Year == year, ct);
        if (cycle is null) return new ReportingCycleNotFound();
        if (cycle.State == CycleState.Open) return new CycleNotClosed();
        var cited = await CitationStyle.Reports.CheckAsync(nameof(Command.Markdown), command.Markdown, CycleCompilation.MaxLength, "Report.UnknownCitations",
            numbers => db.AnnualReports.AsNoTracking().IgnoreAutoIncludes()
                .Where(r => r.CycleId == cycle.Id && r.SubmittedAt != null && r.Number != null && EF.Parameter(numbers).Contains(r.Number.Value))
                .Select(r => r.Number!.Value).ToListAsync(ct));
        if (!cited.IsSuccess) return cited.Error!;
        var now = clock.GetUtcNow();
        if (cycle.Compile(now) is { } refused) return refused;
        var compilation = await db.Set<CycleCompilation>().FirstOrDefaultAsync(x => x.CycleId == cycle.Id, ct);
        if (compilation is null) db.Set<CycleCompilation>().Add(compilation = CycleCompilation.Publish(cycle.Id, command.Markdown!, actor.PersonId!.Value, now));
        else compilation.Revise(command.Markdown!, actor.PersonId!.Value, now);
        // Counted under the record's write lock: versions are numbered without gaps or twins.
        var version = await VersionsOnRecord(db, year).CountAsync(ct) + 1;
        record.Append(actor, AnnualReportActions.Compiled, AnnualReportActions.CycleEntity, year.ToString(CultureInfo.InvariantCulture), new
        {
            cycleId = cycle.Id,
            year,
            compilationId = compilation.Id,
            version,
            markdown = compilation.Markdown,
            cited = compilation.CitedNumbers,
        });
        await record.SaveAsync(ct);
        return compilation;
    }
}
