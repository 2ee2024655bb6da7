using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Drafts;

/// <summary>The Chair (secretariat) circulates a first draft as numbered paragraphs.</summary>
public sealed class DraftDocument(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record ParagraphInput
    {
        /// <summary>"preambular" or "operative".</summary>
        public string? Kind { get; init; }
        public int Level { get; init; }
        public string? Text { get; init; }
        public IReadOnlyList<string>? Cites { get; init; }
        /// <summary>Only for reference texts, which keep their own numbers.</summary>
        public string? Number { get; init; }
    }

    public sealed record Command
    {
        /// <summary>"opinion", "recommendation", "report", "resolution" or "reference-text".</summary>
        public string? Kind { get; init; }
        [Name] public string? Title { get; init; }
        [Name] public string? Symbol { get; init; }
        public Guid? BodyId { get; init; }
        public string? MandateReferences { get; init; }
        public string? Language { get; init; }
        [Name] public string? VersionLabel { get; init; }
        public IReadOnlyList<ParagraphInput>? Paragraphs { get; init; }
    }

    public async Task<Result<OutcomeDocument>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        var check = new Validation()
            .RequiredText(nameof(Command.Title), command.Title, OutcomeDocument.TitleMaxLength)
            .RequiredText(nameof(Command.VersionLabel), command.VersionLabel, 100)
            .MaxLength(nameof(Command.MandateReferences), command.MandateReferences, 1000);
        var kind = Codes.Parse<DocumentKind>(command.Kind);
        if (kind is null) check.Add(nameof(Command.Kind), "Document.KindInvalid");
        if (!DocumentSymbol.IsValid(command.Symbol?.Trim())) check.Add(nameof(Command.Symbol), "Document.SymbolInvalid");
        var language = command.Language ?? Languages.Default;
        if (!Languages.IsSupported(language)) check.Add(nameof(Command.Language), "Document.LanguageInvalid");
        var paragraphs = ValidParagraphs(command.Paragraphs, check, allowNumbers: kind == DocumentKind.ReferenceText);
        if (command.BodyId is { } bodyId && !await db.Bodies.AnyAsync(b => b.Id == bodyId, ct)) check.Add(nameof(Command.BodyId), "Document.BodyUnknown");
        if (!check.IsValid) return check.ToError();
        if (await db.Documents.AnyAsync(d => d.Symbol == command.Symbol!.Trim(), ct))
        {
            return new SymbolTaken(command.Symbol!.Trim());
        }

        var drafted = OutcomeDocument.Draft(kind!.Value, command.Title!, command.Symbol!, command.BodyId, command.MandateReferences ?? "",
            language, command.VersionLabel!, paragraphs, clock.GetUtcNow());
        if (!drafted.IsSuccess) return drafted;
        var document = drafted.Value;
        db.Documents.Add(document);
        record.Append(actor, DocumentActions.Drafted, "document", document.Id.ToString(), new
        {
            documentId = document.Id,
            kind = document.Kind,
            title = document.Title,
            symbol = document.Symbol,
            bodyId = document.BodyId,
            mandateReferences = document.MandateReferences,
            language = document.OriginalLanguage,
            version = DocumentPayloads.Version(document.Current),
        });
        await record.SaveAsync(ct);
        return document;
    }

    internal static List<ParagraphDraft> ValidParagraphs(IReadOnlyList<ParagraphInput>? input, Validation check, bool allowNumbers)
    {
        var result = new List<ParagraphDraft>();
        if (input is not { Count: > 0 })
        {
            check.Add("Paragraphs", "Document.ParagraphsRequired");
            return result;
        }
        if (input.Count > 500) check.Add("Paragraphs", "Document.TooManyParagraphs", 500);
        for (var i = 0; i < input.Count && i < 500; i++)
        {
            var p = input[i];
            var field = $"Paragraphs[{i}]";
            if (p is null)
            {
                check.Add(field, "Document.ParagraphTextRequired", i + 1);
                continue;
            }
            if (string.IsNullOrWhiteSpace(p.Text)) check.Add(field, "Document.ParagraphTextRequired", i + 1);
            else if (p.Text.Length > OutcomeDocument.ParagraphMaxLength) check.Add(field, "Validation.TooLong", OutcomeDocument.ParagraphMaxLength);
            var kind = p.Kind is null ? ParagraphKind.Operative : Codes.Parse<ParagraphKind>(p.Kind);
            if (kind is null) check.Add(field, "Document.ParagraphKindInvalid", i + 1);
            if (p.Level is < 0 or > 1 || (p.Level == 1 && i == 0)) check.Add(field, "Document.ParagraphLevelInvalid", i + 1);
            var cites = Citation.Clean(p.Cites);
            if (!Citation.AllValid(cites)) check.Add(field, "Document.CitationInvalid", i + 1);
            if (p.Number is not null && (!allowNumbers || p.Number.Length > 20)) check.Add(field, "Document.NumberNotAllowed", i + 1);
            result.Add(new ParagraphDraft(kind ?? ParagraphKind.Operative, p.Level, p.Text?.Trim() ?? "", cites, default, p.Number));
        }
        return result;
    }
}
