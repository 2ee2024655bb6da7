using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Ecp.Features.Drafts;

public enum ParagraphChange
{
    Unchanged,
    Changed,
    Added,
    Removed,
}

public enum WordChange
{
    Same,
    Inserted,
    Deleted,
}

public sealed record WordPiece(string Text, WordChange Change);

public sealed record ParagraphDiff(Guid Key, string? FromNumber, string? ToNumber, ParagraphChange Change, IReadOnlyList<WordPiece> Words);

/// <summary>
/// Compares two versions paragraph by paragraph — paragraphs are matched by their lineage key,
/// not by position, so renumbering is not mistaken for rewriting — and word by word within a
/// paragraph (DiffPlex).
/// </summary>
public static class VersionDiff
{
    private static readonly InlineDiffBuilder Builder = new(new Differ());

    public static IReadOnlyList<ParagraphDiff> Compare(DocumentVersion from, DocumentVersion to)
    {
        var oldByKey = from.Paragraphs.ToDictionary(p => p.Key);
        var newKeys = to.Paragraphs.Select(p => p.Key).ToHashSet();
        var result = new List<ParagraphDiff>();
        var oldInOrder = from.Paragraphs.OrderBy(p => p.Ordinal).ToList();
        var nextOld = 0;
        foreach (var paragraph in to.Paragraphs.OrderBy(p => p.Ordinal))
        {
            // Removed paragraphs appear where they stood, before the next surviving one.
            if (oldByKey.TryGetValue(paragraph.Key, out var old))
            {
                for (; nextOld < oldInOrder.Count && oldInOrder[nextOld].Ordinal < old.Ordinal; nextOld++)
                {
                    if (!newKeys.Contains(oldInOrder[nextOld].Key)) result.Add(Removed(oldInOrder[nextOld]));
                }
                nextOld = Math.Max(nextOld, oldInOrder.IndexOf(old) + 1);
                result.Add(old.Text == paragraph.Text
                    ? new ParagraphDiff(paragraph.Key, old.Number, paragraph.Number, ParagraphChange.Unchanged, [new WordPiece(paragraph.Text, WordChange.Same)])
                    : new ParagraphDiff(paragraph.Key, old.Number, paragraph.Number, ParagraphChange.Changed, Words(old.Text, paragraph.Text)));
            }
            else
            {
                result.Add(new ParagraphDiff(paragraph.Key, null, paragraph.Number, ParagraphChange.Added, [new WordPiece(paragraph.Text, WordChange.Inserted)]));
            }
        }
        for (; nextOld < oldInOrder.Count; nextOld++)
        {
            if (!newKeys.Contains(oldInOrder[nextOld].Key)) result.Add(Removed(oldInOrder[nextOld]));
        }
        return result;
    }

    /// <summary>Word-level changes; consecutive pieces of one kind are joined for readability.</summary>
    public static IReadOnlyList<WordPiece> Words(string oldText, string newText)
    {
        var model = Builder.BuildDiffModel(oldText, newText, ignoreWhitespace: false, ignoreCase: false, new WordChunker());
        var pieces = new List<WordPiece>();
        foreach (var line in model.Lines)
        {
            var change = line.Type switch
            {
                ChangeType.Inserted => WordChange.Inserted,
                ChangeType.Deleted => WordChange.Deleted,
                _ => WordChange.Same,
            };
            if (pieces.Count > 0 && pieces[^1].Change == change)
            {
                pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + line.Text };
            }
            else
            {
                pieces.Add(new WordPiece(line.Text, change));
            }
        }
        return pieces;
    }

    private static ParagraphDiff Removed(Paragraph p)
        => new(p.Key, p.Number, null, ParagraphChange.Removed, [new WordPiece(p.Text, WordChange.Deleted)]);
}
