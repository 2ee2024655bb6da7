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
        return await Act(id, "Contribute", "Contribution.Submitted", async a => (await useCase.HandleAsync(a, id, Contribute with
        {
            Answers = AnswersFromForm(),
            Attachments = uploads,
        }, ct)).Error, ct);
    }

    /// <summary>Texts from Answers[n]; choices and points of the scale from the Choice.n inputs.</summary>
    private List<SubmitContribution.AnswerInput> AnswersFromForm()
    {
        var choices = Request.Form.Keys.Where(k => k.StartsWith("Choice.", StringComparison.Ordinal))
            .Select(k => (Question: int.TryParse(k["Choice.".Length..], out var n) ? n : 0, Values: Request.Form[k].Select(v => int.TryParse(v, out var i) ? i : 0).ToList()))
            .Where(x => x.Question > 0)
            .ToDictionary(x => x.Question, x => x.Values);
        var questions = Answers.Keys.Union(choices.Keys).Order();
        return questions.Select(q =>
        {
            var type = Consultation?.Questions.FirstOrDefault(x => x.Number == q)?.Type;
            var picked = choices.GetValueOrDefault(q);
            return new SubmitContribution.AnswerInput
            {
                Question = q,
                Text = Answers.GetValueOrDefault(q),
                Choices = type == "scale" ? null : picked,
                Scale = type == "scale" && picked is [var point] ? point : null,
            };
        }).ToList();
    }

    public Task<IActionResult> OnPostSynthesizeAsync(Guid id, [FromServices] PublishSynthesis useCase, CancellationToken ct)
        => Act(id, "Synthesize", "Synthesis.Published", async a => (await useCase.HandleAsync(a, id, Synthesize, ct)).Error, ct);

    public Task<IActionResult> OnPostPresentAsync(Guid id, [FromServices] PresentConsultation useCase, CancellationToken ct)
        => Act(id, "Present", "Consultation.PresentedDone", async a => (await useCase.HandleAsync(a, id, Present, ct)).Error, ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid contributionId, [FromServices] WithdrawContribution useCase, CancellationToken ct)
        => Act(id, "Withdraw", "Contribution.WithdrawnDone", async a => (await useCase.HandleAsync(a, contributionId, ct)).Error, ct);

    public Task<IActionResult> OnPostHideAsync(Guid id, Guid contributionId, [FromServices] HideContribution useCase, CancellationToken ct)
        => Act(id, "Hide", "Contribution.HiddenDone", async a => (await useCase.HandleAsync(a, contributionId, Hide, ct)).Error, ct);

    public Task<IActionResult> OnPostOpenAsync(Guid id, [FromServices] OpenConsultation useCase, CancellationToken ct)
        => Act(id, "Open", "Consultation.Opened", async a => (await useCase.HandleAsync(a, id, ct)).Error, ct);

    public Task<IActionResult> OnPostExtendAsync(Guid id, [FromServices] ExtendConsultation useCase, CancellationToken ct)
        => Act(id, "Extend", "Consultation.ExtendedDone", async a => (await useCase.HandleAsync(a, id, Extend with
        {
            // The form's local date-time is read as UTC, as the page states.
            ClosesAt = Extend.ClosesAt is { } t ? new DateTimeOffset(t.DateTime, TimeSpan.Zero) : null,
        }, ct)).Error, ct);

    private async Task<IActionResult> Act(Guid id, string prefix, string doneKey, Func<Actor, Task<Error?>> action, CancellationToken ct)
    {
        var error = await action(await actors.GetAsync(ct));
        if (error is null)
        {
            TempData["Done"] = doneKey;
            return Redirect($"/consultations/{id}");
        }
        if (error is UnauthenticatedError) return Challenge();
        if (error is NotFoundError) return NotFound();
        if (error is ValidationError v)
        {
            foreach (var f in v.Fields)
            {
                // Answer errors go beside the first answer box, the rest beside their field.
                var key = f.Field switch
                {
                    "Answers" => $"Answers[{Consultation?.Questions.FirstOrDefault()?.Number ?? 1}]",
                    "Attachments" => "Attachments",
                    _ => $"{prefix}.{f.Field}",
                };
                ModelState.AddModelError(key, l[f.MessageKey, f.Args]);
            }
        }
        else
        {
            ModelState.AddModelError(string.Empty, l[error.MessageKey, error.Args]);
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        if (await queries.GetAsync(id, actor, After, null, ct) is not { } consultation) return false;
        Consultation = consultation;
        IsChair = actor.IsSecretariat;
        MyPersonId = actor.PersonId;
        CanContribute = consultation.AcceptsContributions && actor.Role is Role.Delegate or Role.Stakeholder or Role.Reporter;
        WithoutConsentHint = PublicAttribution.WithoutConsentHint(actor, l, StateName);
        return true;
    }
}
