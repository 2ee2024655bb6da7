namespace Ecp.Features.Drafts;

/// <summary>A numbered paragraph of one version.</summary>
public sealed class Paragraph
{
    private Paragraph()
    {
        Number = null!;
        Text = null!;
        Cites = null!;
    }

    internal Paragraph(Guid versionId, int ordinal, string number, ParagraphKind kind, int level, string text, IReadOnlyList<string> cites, Guid key)
    {
        Id = Guid.NewGuid();
        VersionId = versionId;
        Ordinal = ordinal;
        Number = number;
        Kind = kind;
        Level = level;
        Text = text;
        Cites = cites;
        Key = key;
    }

    public Guid Id { get; private set; }

    public Guid VersionId { get; private set; }

    public int Ordinal { get; private set; }

    /// <summary>"P1" … for preambular, "1", "2" … for operative, "2(a)", "2(b)" … for sub-items.</summary>
    public string Number { get; private set; }

    public ParagraphKind Kind { get; private set; }

    public int Level { get; private set; }

    public string Text { get; private set; }

    /// <summary>Paragraphs of other documents it cites, as "SYMBOL#NUMBER".</summary>
    public IReadOnlyList<string> Cites { get; private set; }

    /// <summary>The same paragraph across versions, however it is renumbered.</summary>
    public Guid Key { get; private set; }

    /// <summary>The number as printed beside the text: "a)" for a sub-item, else the number.</summary>
    public string Label => Level > 0 && Number.EndsWith(')') && Number.LastIndexOf('(') is var open and >= 0 ? Number[(open + 1)..] : Number;

    /// <summary>A fragment identifier for the page: "p-2-a".</summary>
    public static string Anchor(string number) => "p-" + number.Replace("(", "-", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal);
}
