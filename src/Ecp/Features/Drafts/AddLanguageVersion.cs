using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Drafts;

/// <summary>The secretariat adds the text of a circulated version in another UN language.</summary>
public sealed class AddLanguageVersion(AppDbContext db, PublicRecord record)
{
    public sealed record Command
    {
        public string? Language { get; init; }
        /// <summary>The translated paragraphs, in the order of the version's paragraphs.</summary>
        public IReadOnlyList<string>? Paragraphs { get; init; }
    }

    public async Task<Result<DocumentVersion>> HandleAsync(Actor actor, Guid documentId, int versionNumber, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        var document = await db.Documents.Include(d => d.Versions).FirstOrDefaultAsync(d => d.Id == documentId, ct);
        var version = document?.FindVersion(versionNumber);
        if (document is null || version is null) return new DocumentVersionNotFound();

        var check = new Validation();
        if (!Languages.IsSupported(command.Language) || command.Language == document.OriginalLanguage)
        {
            check.Add(nameof(Command.Language), "Document.TranslationLanguageInvalid");
        }
        var texts = command.Paragraphs ?? [];
        if (texts.Count != version.Paragraphs.Count) check.Add(nameof(Command.Paragraphs), "Document.TranslationCount", version.Paragraphs.Count);
        else if (texts.Any(string.IsNullOrWhiteSpace)) check.Add(nameof(Command.Paragraphs), "Document.TranslationEmpty");
        else if (texts.Any(t => t.Length > OutcomeDocument.ParagraphMaxLength)) check.Add(nameof(Command.Paragraphs), "Validation.TooLong", OutcomeDocument.ParagraphMaxLength);
        if (!check.IsValid) return check.ToError();
        if (await db.ParagraphTranslations.AnyAsync(t => t.VersionId == version.Id && t.Language == command.Language, ct))
        {
            return new LanguageVersionExists();
        }

        var translations = ParagraphTranslation.ForVersion(version, command.Language!, texts);
        db.ParagraphTranslations.AddRange(translations);
        record.Append(actor, DocumentActions.LanguageVersionAdded, "document", document.Id.ToString(), new
        {
            documentId = document.Id,
            version = version.Number,
            language = command.Language,
            paragraphs = translations.Select(t => new { key = t.ParagraphKey, text = t.Text }).ToArray(),
        });
        await record.SaveAsync(ct);
        return version;
    }
}
