using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Drafts;

public sealed class CommentOnParagraph(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        public int? Version { get; init; }
        public string? Paragraph { get; init; }
        public string? Text { get; init; }
    }

    public async Task<Result<ParagraphComment>> HandleAsync(Actor actor, Guid documentId, Command command, CancellationToken ct = default)
    {
        var group = Participation.GroupOf(actor);
        if (!group.IsSuccess) return group.Error!;
        await record.BeginAsync(ct);
        var document = await db.Documents.Include(d => d.Versions).FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null) return new DocumentNotFound();
        if (document.AcceptsChanges() is { } closed) return closed;
        var check = new Validation().RequiredText(nameof(Command.Text), command.Text, ParagraphComment.TextMaxLength);
        var (version, paragraph) = document.Locate(command.Version, command.Paragraph, check);
        if (!check.IsValid) return check.ToError();

        var comment = ParagraphComment.Post(document, version!.Number, paragraph!, actor, group.Value, command.Text!, clock.GetUtcNow());
        db.ParagraphComments.Add(comment);
        record.Append(actor, DocumentActions.CommentPosted, "comment", comment.Id.ToString(), new
        {
            commentId = comment.Id,
            documentId = document.Id,
            version = comment.VersionNumber,
            paragraph = comment.ParagraphNumber,
            text = comment.Text,
            stakeholderGroup = comment.AuthorGroup.ToCode(),
            memberState = comment.MemberStateCode,
        });
        await record.SaveAsync(ct);
        return comment;
    }
}
