using Microsoft.AspNetCore.Identity;

namespace Ecp.Features.Accounts;

/// <summary>A log-in (ASP.NET Core Identity). Not process state: it never appears on the record.</summary>
public sealed class Account : IdentityUser;
