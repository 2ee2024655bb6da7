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
        await LoadAsync(token, ct);
        return Show(Invitation.Refusal(Invitation, clock.GetUtcNow()));
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
        // A password the rules refuse: the form again, the messages beside it. A link that cannot
        // be used: what GET shows for it, with its status (the invitation, not a field, is wrong).
        if (result.Error is ValidationError) return await this.FailedAsync(result.Error, redisplay: () => LoadAsync(token, ct));
        await LoadAsync(token, ct);
        return Show(result.Error);
    }

    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        Invitation = await useCase.FindAsync(token, ct);
        return true;
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
