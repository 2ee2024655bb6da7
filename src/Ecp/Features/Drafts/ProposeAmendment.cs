using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Drafts;

/// <summary>A delegate or stakeholder proposes to replace, insert after, or delete a paragraph.</summary>
public sealed class ProposeAmendment(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        /// <summary>The version the amendment is written against; the current one when absent.</summary>
        public int? Version { get; init; }
        public string? Paragraph { get; init; }
        /// <summary>"replace", "insert-after" or "delete".</summary>
        public string? Action { get; init; }
        public string? Text { get; init; }
        public string? Explanation { get; init; }
        /// <summary>Paragraphs of other documents the new text cites, as "SYMBOL#NUMBER" (the rule
        /// of a draft's paragraphs). Absent: a replaced paragraph keeps its citations.</summary>
        public IReadOnlyList<string>? Cites { get; init; }
    }

    public async Task<Result<Amendment>> HandleAsync(Actor actor, Guid documentId, Command command, CancellationToken ct = default)
    {
        var group = Participation.GroupOf(actor);
        if (!group.IsSuccess) return group.Error!;
        await record.BeginAsync(ct);
        var document = await db.Documents.Include(d => d.Versions).FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null) return new DocumentNotFound();
        if (document.AcceptsChanges() is { } closed) return closed;

        var check = new Validation()
            .MaxLength(nameof(Command.Text), command.Text, Amendment.TextMaxLength)
            .MaxLength(nameof(Command.Explanation), command.Explanation, 2000);
        var (version, paragraph) = document.Locate(command.Version, command.Paragraph, check);
        var action = Codes.Parse<AmendmentAction>(command.Action);
        if (action is null) check.Add(nameof(Command.Action), "Amendment.ActionInvalid");
        Amendment.CheckText(action, paragraph, command.Text, check);
        var cites = command.Cites is null ? null : Citation.Clean(command.Cites);
        if (cites is not null && !Citation.AllValid(cites)) check.Add(nameof(Command.Cites), "Amendment.CitationInvalid");
        else if (cites is { Count: > 0 } && action == AmendmentAction.Delete) check.Add(nameof(Command.Cites), "Amendment.CitesWithoutText");
        else if (cites is { Count: > 50 }) check.Add(nameof(Command.Cites), "Validation.TooLong", 50);
        if (!check.IsValid) return check.ToError();

        var proposed = Amendment.Propose(document, paragraph!, version!.Number, action!.Value, command.Text, command.Explanation,
            actor, group.Value, clock.GetUtcNow());
        if (!proposed.IsSuccess) return proposed;
        var amendment = proposed.Value;
        db.Amendments.Add(amendment);
        record.Append(actor, DocumentActions.AmendmentProposed, "amendment", amendment.Id.ToString(), new
        {
            amendmentId = amendment.Id,
            documentId = document.Id,
            version = amendment.VersionNumber,
            paragraph = amendment.ParagraphNumber,
            paragraphKey = amendment.ParagraphKey,
            action = amendment.Action,
            text = amendment.ProposedText,
            explanation = amendment.Explanation,
            stakeholderGroup = amendment.ProponentGroup.ToCode(),
            memberState = amendment.MemberStateCode,
            // The amendment's citations live here, in its record entry (see AmendmentCitations).
            cites,
        });
        await record.SaveAsync(ct);
        return amendment;
    }
}
