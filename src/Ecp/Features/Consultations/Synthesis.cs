using Ecp.Common;

namespace Ecp.Features.Consultations;

/// <summary>
/// The secretariat's synthesis of a closed consultation, in Markdown. It cites contributions as
/// [C-12]; it cannot be published while a citation does not resolve, so no submission is
/// misattributed or silently left out — the page shows, per stakeholder group, what was cited.
/// </summary>
public sealed class Synthesis
{
    public const int MaxLength = 100_000;

    private Synthesis()
    {
        Markdown = null!;
        Html = null!;
        CitedNumbers = null!;
    }

    public Guid Id { get; private set; }

    public Guid ConsultationId { get; private set; }

    public string Markdown { get; private set; }

    /// <summary>The Markdown rendered (Markdig, raw HTML disabled) and sanitized (HtmlSanitizer).</summary>
    public string Html { get; private set; }

    public IReadOnlyList<int> CitedNumbers { get; private set; }

    public Guid AuthorId { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>The contribution numbers a text cites, in order of first citation.</summary>
    public static IReadOnlyList<int> CitationsIn(string markdown)
        => CitationStyle.Contributions.In(markdown);

    internal static Synthesis Publish(Guid consultationId, string markdown, Guid authorId, DateTimeOffset now)
    {
        var synthesis = new Synthesis { Id = Guid.CreateVersion7(now), ConsultationId = consultationId };
        synthesis.Revise(markdown, authorId, now);
        return synthesis;
    }

    /// <summary>A revision replaces the current text. The row holds only the current version (one
    /// per consultation); every version, with its number, is on the record (consultation.synthesized).</summary>
    internal void Revise(string markdown, Guid authorId, DateTimeOffset now)
    {
        Markdown = markdown;
        Html = Render(markdown);
        CitedNumbers = CitationsIn(markdown);
        AuthorId = authorId;
        PublishedAt = now;
    }

    /// <summary>Markdown to sanitized HTML, citations as links to the contributions on the consultation page.</summary>
    public static string Render(string markdown) => CitationStyle.Contributions.Render(markdown, n => $"#c-{n}");
}
