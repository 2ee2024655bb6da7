using Ecp.Common;
using Ecp.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Meetings;

/// <summary>One meeting: when (in its zone and in UTC), where, the agenda, the seats and the public
/// waiting list; the participant's request to attend or withdrawal; the secretariat's confirmations,
/// change and cancellation. Each form is one use case on the record.</summary>
public sealed class MeetingPageModel(MeetingQueries queries, ActorAccessor actors, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public RegisterForMeeting.Command Register { get; set; } = new();
    [BindProperty] public MeetingForm Form { get; set; } = new();
    [BindProperty] public CancelMeeting.Command Cancel { get; set; } = new();
    [BindProperty] public RecordMinutes.Command Minutes { get; set; } = new();

    public MeetingView Meeting { get; private set; } = null!;
    public Actor Viewer { get; private set; } = Actor.Public;
    /// <summary>The viewer's own active registration, if any.</summary>
    public RegistrationView? Mine { get; private set; }
    public IReadOnlyList<(string, string)> KindOptions => MeetingOptions.Kinds(l);
    public IReadOnlyList<(string, string)> CapacityOptions => MeetingOptions.Capacities(l);

    public bool CanRegister => Mine is null && Viewer.ParticipantGroup is not null && Meeting.Status == "scheduled";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Viewer.IsSecretariat) Form = MeetingForm.Of(Meeting);
        return Page();
    }

    public async Task<IActionResult> OnPostRegisterAsync(Guid id, [FromServices] RegisterForMeeting useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, Register, ct), "Meetings.Registered", Here(id), () => LoadAsync(id, ct), f => $"Register.{f}");

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid registrationId, [FromServices] WithdrawRegistration useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, registrationId, ct), "Meetings.Withdrawn", Here(id), () => LoadAsync(id, ct));

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, Guid registrationId, [FromServices] ConfirmRegistration useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, registrationId, ct), "Meetings.Confirmed", Here(id), () => LoadAsync(id, ct));

    public async Task<IActionResult> OnPostChangeAsync(Guid id, [FromServices] ChangeMeeting useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, Form.ToChange(), ct), "Meetings.Changed", Here(id), () => LoadAsync(id, ct),
            f => MeetingForm.FieldOf(nameof(Form), f));

    public async Task<IActionResult> OnPostCancelAsync(Guid id, [FromServices] CancelMeeting useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, Cancel, ct), "Meetings.CancelledDone", Here(id), () => LoadAsync(id, ct), f => $"Cancel.{f}");

    public async Task<IActionResult> OnPostMinutesAsync(Guid id, [FromServices] RecordMinutes useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, Minutes, ct), "Meeting.MinutesRecorded", Here(id), () => LoadAsync(id, ct), f => $"Minutes.{f}");

    private static string Here(Guid id) => $"/meetings/{id}";

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } meeting) return false;
        Meeting = meeting;
        Viewer = await actors.GetAsync(ct);
        Mine = Viewer.PersonId is { } me ? meeting.Registrations.FirstOrDefault(r => r.PersonId == me && r.Status != "withdrawn") : null;
        return true;
    }
}
