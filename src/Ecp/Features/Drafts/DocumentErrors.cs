using Ecp.Common;

namespace Ecp.Features.Drafts;

// The expected failures of draft documents, their amendments and comments: one record each,
// with the code and message key the API and the pages show.

public sealed record DocumentNotFound() : NotFoundError("Document.NotFound");

public sealed record DocumentVersionNotFound() : NotFoundError("Document.VersionNotFound");

public sealed record TranslationMissing() : NotFoundError("Document.TranslationMissing");

public sealed record AmendmentNotFound() : NotFoundError("Amendment.NotFound");

public sealed record OnlyParticipants() : ForbiddenError("Drafts.OnlyParticipants");

public sealed record DocumentClosed() : ConflictError("document-closed", "Document.Closed");

public sealed record DocumentWouldBeEmpty() : ConflictError("document-empty", "Document.WouldBeEmpty");

public sealed record SymbolTaken(string Symbol) : ConflictError("symbol-taken", "Document.SymbolTaken", Symbol);

public sealed record LanguageVersionExists() : ConflictError("language-version-exists", "Document.TranslationExists");

public sealed record AmendmentAlreadyDecided() : ConflictError("amendment-decided", "Amendment.AlreadyDecided");
