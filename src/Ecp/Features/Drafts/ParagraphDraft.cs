namespace Ecp.Features.Drafts;

/// <summary>One paragraph as written for a version; <see cref="Key"/> follows it across versions.</summary>
public sealed record ParagraphDraft(ParagraphKind Kind, int Level, string Text, IReadOnlyList<string> Cites, Guid Key = default, string? Number = null)
{
    public ParagraphDraft WithNewKey() => this with { Key = Key == Guid.Empty ? Guid.NewGuid() : Key };

    /// <summary>The paragraph as the base of a next version: renumbered there.</summary>
    public static ParagraphDraft From(Paragraph p) => new(p.Kind, p.Level, p.Text, p.Cites, p.Key);
}
