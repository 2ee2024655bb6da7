using Ecp.Common;
using Ecp.Features.Registry;
using Ecp.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Consultations;

[RequestSizeLimit(ContributionAttachment.MaxPerContribution * ContributionAttachment.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ContributionAttachment.MaxPerContribution * ContributionAttachment.MaxBytes + 1024 * 1024)]
public sealed class ConsultationPageModel(ConsultationQueries queries, ActorAccessor actors, MemberStateCatalog states, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public Dictionary<int, string> Answers { get; set; } = [];
    [BindProperty] public SubmitContribution.Command Contribute { get; set; } = new();
    [BindProperty] public ExtendConsultation.Command Extend { get; set; } = new();
    [BindProperty] public HideContribution.Command Hide { get; set; } = new();
    [BindProperty] public PublishSynthesis.Command Synthesize { get; set; } = new();
    [BindProperty] public PresentConsultation.Command Present { get; set; } = new();

    /// <summary>The page of contributions: those numbered after this (keyset cursor, no JavaScript needed).</summary>
    [BindProperty(SupportsGet = true)] public int? After { get; set; }

    public ConsultationView Consultation { get; private set; } = null!;
    public bool CanContribute { get; private set; }
    public bool IsChair { get; private set; }
    public Guid? MyPersonId { get; private set; }
    /// <summary>What a contribution of the viewer without consent will show, said before they submit.</summary>
    public string WithoutConsentHint { get; private set; } = "";

    public IReadOnlyList<(string, string)> LanguageOptions => Languages.All.Select(c => (c, Languages.NativeName(c))).ToList();

    /// <summary>Where contribution <paramref name="number"/> is shown: the page that starts with it.</summary>
    public string LinkTo(int number) => $"/consultations/{Consultation.Id}?after={number - 1}#c-{number}";

    public string StateName(string code) => states.Find(code)?.Name ?? code;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostContributeAsync(Guid id, [FromServices] SubmitContribution useCase, CancellationToken ct)
    {
        var uploads = new List<AttachmentUpload>();
        foreach (var file in Request.Form.Files.Where(f => f.Name == "Attachments" && f.Length > 0))
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            uploads.Add(new AttachmentUpload(file.FileName, file.ContentType, buffer.ToArray()));
        }
        var actor = await actors.GetAsync(ct);
        return await OutcomeAsync(id, "Contribute", "Contribution.Submitted", useCase.HandleAsync(actor, id, Contribute with
        {
            Answers = AnswersFromForm(),
            Attachments = uploads,
        }, ct), ct);
    }

    /// <summary>Texts from Answers[n], chosen options from the Choice.n inputs, points of a scale from Scale.n
    /// (named apart, so the form says what each value is without the page knowing the questions).</summary>
    private List<SubmitContribution.AnswerInput> AnswersFromForm()
    {
        var choices = Numbered("Choice.");
        var scales = Numbered("Scale.");
        return Answers.Keys.Union(choices.Keys).Union(scales.Keys).Order().Select(q => new SubmitContribution.AnswerInput
        {
            Question = q,
            Text = Answers.GetValueOrDefault(q),
            Choices = choices.GetValueOrDefault(q),
            Scale = scales.GetValueOrDefault(q) is [var point] ? point : null,
        }).ToList();
    }

    /// <summary>The form's values named prefix + question number, by question.</summary>
    private Dictionary<int, List<int>> Numbered(string prefix)
        => Request.Form.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Select(k => (Question: int.TryParse(k[prefix.Length..], out var n) ? n : 0, Values: Request.Form[k].Select(v => int.TryParse(v, out var i) ? i : 0).ToList()))
            .Where(x => x.Question > 0)
            .ToDictionary(x => x.Question, x => x.Values);

    public async Task<IActionResult> OnPostSynthesizeAsync(Guid id, [FromServices] PublishSynthesis useCase, CancellationToken ct)
        => await OutcomeAsync(id, "Synthesize", "Synthesis.Published", useCase.HandleAsync(await actors.GetAsync(ct), id, Synthesize, ct), ct);

    public async Task<IActionResult> OnPostPresentAsync(Guid id, [FromServices] PresentConsultation useCase, CancellationToken ct)
        => await OutcomeAsync(id, "Present", "Consultation.PresentedDone", useCase.HandleAsync(await actors.GetAsync(ct), id, Present, ct), ct);

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid contributionId, [FromServices] WithdrawContribution useCase, CancellationToken ct)
        => await OutcomeAsync(id, "Withdraw", "Contribution.WithdrawnDone", useCase.HandleAsync(await actors.GetAsync(ct), contributionId, ct), ct);

    public async Task<IActionResult> OnPostHideAsync(Guid id, Guid contributionId, [FromServices] HideContribution useCase, CancellationToken ct)
        => await OutcomeAsync(id, "Hide", "Contribution.HiddenDone", useCase.HandleAsync(await actors.GetAsync(ct), contributionId, Hide, ct), ct);

    public async Task<IActionResult> OnPostOpenAsync(Guid id, [FromServices] OpenConsultation useCase, CancellationToken ct)
        => await OutcomeAsync(id, "Open", "Consultation.Opened", useCase.HandleAsync(await actors.GetAsync(ct), id, ct), ct);

    public async Task<IActionResult> OnPostExtendAsync(Guid id, [FromServices] ExtendConsultation useCase, CancellationToken ct)
        => await OutcomeAsync(id, "Extend", "Consultation.ExtendedDone", useCase.HandleAsync(await actors.GetAsync(ct), id, Extend with
        {
            // The form's local date-time is read as UTC, as the page states.
            ClosesAt = Extend.ClosesAt is { } t ? new DateTimeOffset(t.DateTime, TimeSpan.Zero) : null,
        }, ct), ct);

    /// <summary>Every form of the page: back to the consultation with a message, or the page again with the
    /// errors, each form's beside its field (answer errors beside the first answer box).</summary>
    private Task<IActionResult> OutcomeAsync<T>(Guid id, string form, string done, Task<Result<T>> action, CancellationToken ct)
        => this.ActAsync(action, done, $"/consultations/{id}", () => LoadAsync(id, ct), field => field switch
        {
            "Answers" => $"Answers[{Consultation?.Questions.FirstOrDefault()?.Number ?? 1}]",
            "Attachments" => "Attachments",
            _ => $"{form}.{field}",
        });

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        if (await queries.GetForViewerAsync(id, actor, After, ct) is not ({ } consultation, var acceptsViewer)) return false;
        Consultation = consultation;
        IsChair = actor.IsSecretariat;
        MyPersonId = actor.PersonId;
        CanContribute = acceptsViewer;
        WithoutConsentHint = PublicAttribution.WithoutConsentHint(actor, l, StateName);
        return true;
    }
}
