using Ecp.Common;
using Microsoft.AspNetCore.Identity;

namespace Ecp.Features.Accounts;

internal static class IdentityErrors
{
    /// <summary>Maps Identity's error codes to our resource keys ("Identity." + code) and places
    /// each beside the field it concerns; Identity's own English messages are never shown.</summary>
    public static ValidationError ToValidation(IdentityResult result, string passwordField, string emailField)
        => new(result.Errors
            // The user name is the e-mail address: report its problems once, as e-mail problems.
            .Select(e => e.Code.Replace("UserName", "Email", StringComparison.Ordinal))
            .Distinct()
            .Select(code => new FieldError(code.StartsWith("Password", StringComparison.Ordinal) ? passwordField : emailField, "Identity." + code))
            .ToList());
}
