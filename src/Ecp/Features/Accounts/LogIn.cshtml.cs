using Ecp.Common;
using Ecp.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Accounts;

/// <summary>Log-in is account business, not process state: nothing goes on the record.</summary>
[AuthenticationAttempt(CountsAsWrite = false)]
public sealed class LogInModel(SignInManager<Account> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Credentials
    {
        public string? Email { get; init; }
        [Secret] public string? Password { get; init; }
    }

    [BindProperty]
    public Credentials Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email)) ModelState.AddModelError("Input.Email", l["Validation.Required"]);
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", l["Validation.Required"]);
        if (!ModelState.IsValid) return Page();

        var result = await signIn.PasswordSignInAsync(Input.Email!.Trim(), Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/account");
        }
        // One message for unknown e-mail and wrong password: no probing for accounts.
        ModelState.AddModelError(string.Empty, result.IsLockedOut ? l["LogIn.LockedOut"] : l["LogIn.Failed"]);
        return Page();
    }
}
