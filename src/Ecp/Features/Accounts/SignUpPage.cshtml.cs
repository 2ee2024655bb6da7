using Ecp.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ecp.Features.Accounts;

[AuthenticationAttempt]
public sealed class SignUpPageModel(SignUp signUp, SignInManager<Account> signIn) : PageModel
{
    [BindProperty]
    public SignUp.Command Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await signUp.HandleAsync(Input, ct);
        if (!result.IsSuccess) return await this.FailedAsync(result.Error!, redisplay: () => Task.FromResult(true));
        var account = await signIn.UserManager.FindByIdAsync(result.Value.AccountId);
        await signIn.SignInAsync(account!, isPersistent: false);
        return Redirect("/accreditation/request");
    }
}
