using Ecp.Common;

namespace Ecp.Features.AnnualReports;

/// <summary>
/// The secretariat's compilation of a closed cycle, in Markdown: the year's synthesis of the
/// reports, citing them as [R-n] (the report's number in the cycle). It cannot be published while
/// a citation does not resolve to a submitted report of that cycle. The row holds the current
/// version (one per cycle); every version, with its number, is on the record (reporting-cycle.compiled).
/// </summary>
public sealed class CycleCompilation
{
    public const int MaxLength = 50_000;

    private CycleCompilation()
    {
        Markdown = null!;
        Html = null!;
        CitedNumbers = null!;
    }

    public Guid Id { get; private set; }

    public Guid CycleId { get; private set; }

    public string Markdown { get; private set; }

    /// <summary>The Markdown rendered and sanitized (<see cref="CitationStyle.Render"/>), citations linked to the reports.</summary>
    public string Html { get; private set; }

    public IReadOnlyList<int> CitedNumbers { get; private set; }

    public Guid AuthorId { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>The compilation's Markdown as HTML, each [R-n] a link to the report's row on the compilation page.</summary>
    public static string Render(string markdown) => CitationStyle.Reports.Render(markdown, n => $"#r-{n}");

    internal static CycleCompilation Publish(Guid cycleId, string markdown, Guid authorId, DateTimeOffset now)
    {
        var compilation = new CycleCompilation { Id = Guid.CreateVersion7(now), CycleId = cycleId };
        compilation.Revise(markdown, authorId, now);
        return compilation;
    }

    internal void Revise(string markdown, Guid authorId, DateTimeOffset now)
    {
        Markdown = markdown;
        Html = Render(markdown);
        CitedNumbers = CitationStyle.Reports.In(markdown);
        AuthorId = authorId;
        PublishedAt = now;
    }
}
