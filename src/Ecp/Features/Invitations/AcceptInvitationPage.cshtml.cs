using Ecp.Common;
using Ecp.Features.Accounts;
using Ecp.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Invitations;

/// <summary>The link in the invitation e-mail: choose a password, and the account and the
/// accreditation are there. An unknown, used or expired link says so, with its status.</summary>
public sealed class AcceptInvitationPageModel(AcceptInvitation useCase, SignInManager<Account> signIn, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public AcceptInvitation.Command Input { get; set; } = new();

    public Invitation? Invitation { get; private set; }

    /// <summary>Shown instead of the form when the link cannot be used.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Invitation = await useCase.FindAsync(token, ct);
        var refused = Invitation is null ? new NotFoundError("Invitation.NotFound") : Invitation.Unusable(clock.GetUtcNow());
        return Show(refused);
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(token, Input, ct);
        if (result.IsSuccess)
        {
            var account = await signIn.UserManager.FindByIdAsync(result.Value.AccountId);
            await signIn.SignInAsync(account!, isPersistent: false);
            return Redirect("/account");
        }
        Invitation = await useCase.FindAsync(token, ct);
        if (result.Error is ValidationError) result.Error.AddTo(ModelState, l);
        return Show(result.Error is ValidationError ? null : result.Error);
    }

    private PageResult Show(Error? refused)
    {
        if (refused is not null)
        {
            Refusal = l[refused.MessageKey, refused.Args].Value;
            Response.StatusCode = refused.Status;
        }
        return Page();
    }
}
