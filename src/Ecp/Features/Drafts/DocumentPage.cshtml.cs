using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Decisions;
using Ecp.Features.Registry;
using Ecp.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Drafts;

public sealed class DocumentPageModel(DocumentQueries queries, AppDbContext db, ActorAccessor actors, MemberStateCatalog states,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Version { get; set; }
    [BindProperty(SupportsGet = true, Name = "language")] public string? TextLanguage { get; set; }
    [BindProperty] public AddLanguageVersion.Command Translate { get; set; } = new();
    [BindProperty] public string? TranslationText { get; set; }
    [BindProperty] public ProposeAmendment.Command Amend { get; set; } = new();
    [BindProperty] public CommentOnParagraph.Command Comment { get; set; } = new();
    [BindProperty] public CirculateVersion.Command Circulate { get; set; } = new();
    [BindProperty] public OpenDecision.Command Open { get; set; } = new();
    [BindProperty] public DecideAmendment.Command Decide { get; set; } = new();

    public DocumentView Document { get; private set; } = null!;
    public IReadOnlyList<AmendmentView> OpenAmendments { get; private set; } = [];
    public IReadOnlyList<AmendmentView> OlderAmendments { get; private set; } = [];
    public IReadOnlyList<AmendmentView> DecidedAmendments { get; private set; } = [];
    public IReadOnlyList<CommentView> Comments { get; private set; } = [];
    public IReadOnlyDictionary<string, Guid> CitationTargets { get; private set; } = new Dictionary<string, Guid>();
    public bool CanParticipate { get; private set; }
    public bool IsChair { get; private set; }
    public bool HasOpenDecision { get; private set; }
    public int AcceptedPending { get; private set; }
    public Guid? DefaultBodyId { get; private set; }
    public IReadOnlyList<(string, string)> BodyOptions { get; private set; } = [];

    public IReadOnlyList<(string, string)> ParagraphOptions =>
        [("", l["Common.Choose"]), .. Document.Version.Paragraphs.Select(p => (p.Number, $"¶{p.Number} — {Shorten(p.Text)}"))];

    public IReadOnlyList<(string, string)> ActionOptions =>
        [("", l["Common.Choose"]), .. new[] { "replace", "insert-after", "delete" }.Select(a => (a, l["AmendmentAction." + a].Value))];

    public string StateName(string code) => states.Find(code)?.Name ?? code;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAmendAsync(Guid id, [FromServices] ProposeAmendment useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, Amend with
        {
            // One text field, "SYMBOL#N, SYMBOL#M"; left empty, a replaced paragraph keeps its citations.
            Cites = Citation.Clean((Amend.Cites ?? []).SelectMany(c => (c ?? "").Split([',', '\n'])).ToList()) is { Count: > 0 } cites ? cites : null,
        }, ct), "Document.AmendmentProposed", Here(id), () => LoadAsync(id, ct), f => $"Amend.{f}");

    public async Task<IActionResult> OnPostCommentAsync(Guid id, [FromServices] CommentOnParagraph useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, Comment, ct),
            "Document.CommentPosted", Here(id), () => LoadAsync(id, ct), f => $"Comment.{f}");

    public async Task<IActionResult> OnPostCirculateAsync(Guid id, [FromServices] CirculateVersion useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, Circulate, ct),
            "Document.VersionCirculated", Here(id), () => LoadAsync(id, ct), f => $"Circulate.{f}");

    public async Task<IActionResult> OnPostTranslateAsync(Guid id, [FromServices] AddLanguageVersion useCase, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var paragraphs = (TranslationText ?? "").Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var version = Version ?? (await queries.GetAsync(id, null, ct))?.Versions[^1].Number ?? 0;
        return await this.ActAsync(useCase.HandleAsync(actor, id, version, Translate with { Paragraphs = paragraphs }, ct),
            "Document.TranslationAdded", Here(id), () => LoadAsync(id, ct), f => $"Translate.{f}");
    }

    public IReadOnlyList<(string, string)> TranslationLanguageOptions =>
        [("", l["Common.Choose"]), .. Languages.All.Where(c => !Document.Version.AvailableLanguages.Contains(c)).Select(c => (c, Languages.NativeName(c)))];

    /// <summary>The amendment whose decision form failed, to show its errors and what was typed.</summary>
    public Guid? FailedAmendment { get; private set; }

    public async Task<IActionResult> OnPostDecideAmendmentAsync(Guid id, Guid amendmentId, [FromServices] DecideAmendment useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), amendmentId, Decide, ct),
            "Document.AmendmentDecided", Here(id), () => LoadAsync(id, ct), f =>
            {
                // Each amendment has its own form: errors point at that form's fields.
                FailedAmendment = amendmentId;
                return $"{f switch { "Decision" => "decide", "Reason" => "reason", _ => "merged" }}-{amendmentId}";
            });

    public async Task<IActionResult> OnPostOpenDecisionAsync(Guid id, [FromServices] OpenDecision useCase, CancellationToken ct)
        // The decision's page says what was opened: no message of its own.
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), Open with { DocumentId = id }, ct), done: null,
            decision => $"/decisions/{decision.Id}", () => LoadAsync(id, ct), f => $"Open.{f}");

    private static string Here(Guid id) => $"/documents/{id}";

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, Version, ct, TextLanguage) is not { } document) return false;
        Document = document;
        var amendments = await queries.AmendmentsAsync(id, ct) ?? [];
        var current = document.Versions[^1].Number;
        OpenAmendments = amendments.Where(a => a.Status == "proposed" && a.Version == current).ToList();
        OlderAmendments = amendments.Where(a => a.Status == "proposed" && a.Version < current).ToList();
        DecidedAmendments = amendments.Where(a => a.Status != "proposed").ToList();
        AcceptedPending = amendments.Count(a => a.Status is "accepted" or "merged" && a.IncorporatedInVersion is null);
        Comments = await queries.CommentsAsync(id, ct) ?? [];
        var symbols = document.Version.Paragraphs.SelectMany(p => p.Cites).Select(c => Citation.Parse(c).Symbol).Distinct().ToList();
        CitationTargets = await db.Documents.Where(d => symbols.Contains(d.Symbol)).ToDictionaryAsync(d => d.Symbol, d => d.Id, ct);
        var actor = await actors.GetAsync(ct);
        CanParticipate = Participation.CanParticipate(actor);
        IsChair = actor.IsSecretariat;
        HasOpenDecision = await db.Decisions.AnyAsync(Decision.OpenOn(id), ct);
        DefaultBodyId = document.Body?.Id;
        if (IsChair)
        {
            var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(ct);
            BodyOptions = [("", l["Common.Choose"]), .. bodies.Select(b => (b.Id.ToString(), b.Name))];
        }
        return true;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
