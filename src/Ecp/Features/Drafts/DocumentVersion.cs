namespace Ecp.Features.Drafts;

/// <summary>A circulated version ("first draft", "clean second draft"): immutable.</summary>
public sealed class DocumentVersion
{
    private readonly List<Paragraph> paragraphs = [];

    private DocumentVersion()
    {
        Label = null!;
        IncorporatedAmendmentIds = null!;
    }

    public Guid Id { get; private set; }

    public Guid DocumentId { get; private set; }

    public int Number { get; private set; }

    public string Label { get; private set; }

    public DateTimeOffset CirculatedAt { get; private set; }

    /// <summary>The amendments this version took in.</summary>
    public IReadOnlyList<Guid> IncorporatedAmendmentIds { get; private set; }

    public IReadOnlyList<Paragraph> Paragraphs => paragraphs;

    internal static DocumentVersion Circulate(Guid documentId, int number, string label, IReadOnlyList<ParagraphDraft> drafts,
        IReadOnlyList<Guid> incorporated, DateTimeOffset now)
    {
        var version = new DocumentVersion
        {
            Id = Guid.CreateVersion7(now),
            DocumentId = documentId,
            Number = number,
            Label = label.Trim(),
            CirculatedAt = now,
            IncorporatedAmendmentIds = incorporated,
        };
        // Preambular paragraphs are numbered apart from operative ones (P1, P2 … then 1, 2 …);
        // sub-items carry their paragraph's number, "2(a)", so every number is unique in a version.
        int preambular = 0, operative = 0, sub = 0;
        var parent = "";
        for (var i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            string number2;
            if (d.Number is { } given)
            {
                number2 = given; // a reference text keeps its own numbering (Tunis Agenda ¶69)
                if (d.Level == 0) parent = given;
            }
            else if (d.Level > 0)
            {
                number2 = $"{parent}({(char)('a' + sub++)})";
            }
            else
            {
                sub = 0;
                parent = number2 = d.Kind == ParagraphKind.Preambular ? $"P{++preambular}" : $"{++operative}";
            }
            version.paragraphs.Add(new Paragraph(version.Id, i + 1, number2, d.Kind, d.Level, d.Text.Trim(), d.Cites, d.Key));
        }
        return version;
    }

    public Paragraph? Find(string number) => paragraphs.FirstOrDefault(p => p.Number == number);
}
