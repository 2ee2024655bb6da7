using Microsoft.AspNetCore.Identity;

namespace Ecp.Features.Accounts;

/// <summary>
/// Identity's own messages are English only; ours are resource keys ("Identity." + code) that
/// the page or API localizes. Password rules follow NIST SP 800-63B: length, not composition.
/// </summary>
public static class IdentitySetup
{
    public static void Configure(IdentityOptions o)
    {
        o.Password.RequiredLength = 12;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 4;
        o.User.RequireUniqueEmail = true;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
    }
}
