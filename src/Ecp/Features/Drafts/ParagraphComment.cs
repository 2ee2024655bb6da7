using Ecp.Common;
using Ecp.Features.Registry;

namespace Ecp.Features.Drafts;

/// <summary>A comment on a paragraph of a version, attributed to its author and group.</summary>
public sealed class ParagraphComment
{
    public const int TextMaxLength = 4000;

    private ParagraphComment()
    {
        ParagraphNumber = null!;
        AuthorName = null!;
        Text = null!;
    }

    public Guid Id { get; private set; }

    public Guid DocumentId { get; private set; }

    public int VersionNumber { get; private set; }

    public string ParagraphNumber { get; private set; }

    public Guid ParagraphKey { get; private set; }

    public Guid AuthorId { get; private set; }

    public string AuthorName { get; private set; }

    public StakeholderGroup AuthorGroup { get; private set; }

    public string? MemberStateCode { get; private set; }

    public string Text { get; private set; }

    public DateTimeOffset PostedAt { get; private set; }

    public static ParagraphComment Post(OutcomeDocument document, int versionNumber, Paragraph paragraph, Actor author,
        StakeholderGroup group, string text, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        DocumentId = document.Id,
        VersionNumber = versionNumber,
        ParagraphNumber = paragraph.Number,
        ParagraphKey = paragraph.Key,
        AuthorId = author.PersonId!.Value,
        AuthorName = author.DisplayName,
        AuthorGroup = group,
        MemberStateCode = author.Role == Role.Delegate ? author.MemberStateCode : null,
        Text = text.Trim(),
        PostedAt = now,
    };
}
