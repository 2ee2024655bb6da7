using System.Text;
using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Invitations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Secretariat;

/// <summary>Bulk invitations: a CSV file (or the same text pasted), one row per person. The
/// folder requires a log-in; the use case checks the role.</summary>
public sealed class InvitationsModel(AppDbContext db, ActorAccessor actors, TimeProvider clock) : PageModel
{
    public const string CsvField = "Input.Csv";
    private const int Shown = 200;

    [BindProperty]
    public string? Csv { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public int? Sent { get; private set; }

    public IReadOnlyList<Invitation> Recent { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? sent, CancellationToken ct)
    {
        if (!(await actors.GetAsync(ct)).IsSecretariat) return Forbid();
        Sent = sent;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] InviteParticipants useCase, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        if (actor.UnlessSecretariat() is { } denied) return await this.FailedAsync(denied, redisplay: () => LoadAsync(ct));
        await using var input = Upload is { Length: > 0 } ? Upload.OpenReadStream() : new MemoryStream(Encoding.UTF8.GetBytes(Csv ?? ""));
        using var buffered = new MemoryStream();
        await input.CopyToAsync(buffered, ct);
        buffered.Position = 0;
        var rows = InvitationCsv.Read(buffered);
        var result = rows.IsSuccess ? await useCase.HandleAsync(actor, new InviteParticipants.Command { Rows = rows.Value }, ct) : rows.Error!;
        // Every message (each naming its line) beside the one field the list came in.
        return result.IsSuccess
            ? Redirect($"/secretariat/invitations?sent={result.Value.Count}")
            : await this.FailedAsync(result.Error!, redisplay: () => LoadAsync(ct), fieldKey: _ => CsvField);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Recent = await db.Invitations.AsNoTracking().OrderByDescending(i => i.InvitedAt).Take(Shown).ToListAsync(ct);
        return true;
    }
}
