namespace Ecp.Features.Drafts;

/// <summary>
/// The plain-text form of a draft: paragraphs separated by a blank line; a paragraph starting
/// with "P:" is preambular, one starting with "-" is a sub-item of the paragraph before it; a last
/// line "cites: SYMBOL#N, SYMBOL#M" lists the paragraphs it cites.
/// </summary>
public static class ParagraphText
{
    public static IReadOnlyList<DraftDocument.ParagraphInput> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var blocks = text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return blocks.Select(block =>
        {
            var lines = block.Split('\n').ToList();
            var cites = new List<string>();
            if (lines.Count > 1 && lines[^1].TrimStart().StartsWith("cites:", StringComparison.OrdinalIgnoreCase))
            {
                cites = lines[^1].Trim()[6..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                lines.RemoveAt(lines.Count - 1);
            }
            var body = string.Join(' ', lines.Select(x => x.Trim()));
            var kind = "operative";
            var level = 0;
            if (body.StartsWith("P:", StringComparison.Ordinal)) { kind = "preambular"; body = body[2..].Trim(); }
            else if (body.StartsWith('-')) { level = 1; body = body[1..].Trim(); }
            return new DraftDocument.ParagraphInput { Kind = kind, Level = level, Text = body, Cites = cites };
        }).ToList();
    }
}
