using Ecp.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecp.Features.Accounts;

/// <summary>A log-in (ASP.NET Core Identity). Not process state: it never appears on the record.</summary>
public sealed class Account : IdentityUser
{
    /// <summary>The UN language the platform writes to this person in (e-mail notices): the
    /// page's language at sign-up, changed on the account page or by the API.</summary>
    public string Language { get; private set; } = Languages.Default;

    public Result<Account> ChooseLanguage(string? code)
    {
        if (!Languages.IsSupported(code)) return new ValidationError([new FieldError("Language", "Account.LanguageInvalid")]);
        Language = code!;
        return this;
    }
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
        => b.Property(a => a.Language).HasMaxLength(2).HasDefaultValue(Languages.Default);
}
