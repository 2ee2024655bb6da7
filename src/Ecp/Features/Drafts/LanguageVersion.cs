namespace Ecp.Features.Drafts;

/// <summary>
/// One paragraph of a version in another of the six UN languages. One document symbol covers
/// every language version; a language with no translation of a version is shown as missing.
/// </summary>
public sealed class ParagraphTranslation
{
    private ParagraphTranslation()
    {
        Language = null!;
        Text = null!;
    }

    internal ParagraphTranslation(Guid versionId, string language, Guid paragraphKey, string text)
    {
        Id = Guid.NewGuid();
        VersionId = versionId;
        Language = language;
        ParagraphKey = paragraphKey;
        Text = text;
    }

    public Guid Id { get; private set; }

    public Guid VersionId { get; private set; }

    public string Language { get; private set; }

    public Guid ParagraphKey { get; private set; }

    public string Text { get; private set; }

    /// <summary>A language version covers every paragraph of the version, in order, or nothing.</summary>
    public static IReadOnlyList<ParagraphTranslation> ForVersion(DocumentVersion version, string language, IReadOnlyList<string> texts)
    {
        var paragraphs = version.Paragraphs.OrderBy(p => p.Ordinal).ToList();
        if (texts.Count != paragraphs.Count)
        {
            throw new ArgumentException($"A language version has {paragraphs.Count} paragraphs, not {texts.Count}.", nameof(texts));
        }
        return paragraphs.Select((p, i) => new ParagraphTranslation(version.Id, language, p.Key, texts[i].Trim())).ToList();
    }
}
