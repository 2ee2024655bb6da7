using Ecp.Common;
using Ecp.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Accounts;

[AuthenticationAttempt]
public sealed class SignUpPageModel(SignUp signUp, SignInManager<Account> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public SignUp.Command Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await signUp.HandleAsync(Input, ct);
        if (!result.IsSuccess)
        {
            result.Error!.AddTo(ModelState, l);
            return Page();
        }
        var account = await signIn.UserManager.FindByIdAsync(result.Value.AccountId);
        await signIn.SignInAsync(account!, isPersistent: false);
        return Redirect("/accreditation/request");
    }
}
