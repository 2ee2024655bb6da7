using System.ComponentModel;
using System.Security.Cryptography;
using Ecp.Common;
using Ecp.Features.Accounts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ecp.Features.Cli;

public sealed class CreateAdminCommand : AsyncCommand<CreateAdminCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandOption("--email <EMAIL>")]
        [Description("E-mail address, used to log in.")]
        public string Email { get; init; } = "";

        [CommandOption("--name <NAME>")]
        [Description("Name shown on the record and on pages.")]
        public string Name { get; init; } = "";

        [CommandOption("--password-stdin")]
        [Description("Read the password from standard input; otherwise one is generated and printed once.")]
        public bool PasswordFromStdin { get; init; }

        public override ValidationResult Validate()
            => string.IsNullOrWhiteSpace(Email) || string.IsNullOrWhiteSpace(Name)
                ? ValidationResult.Error("--email and --name are required.")
                : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var password = settings.PasswordFromStdin ? (Console.In.ReadLine() ?? "").Trim() : GeneratePassword();
        await using var app = CliHost.Build(settings.HostArgs());
        await using var scope = app.Services.CreateAsyncScope();
        var useCase = scope.ServiceProvider.GetRequiredService<AppointSecretariat>();
        var result = await useCase.HandleAsync(Actor.System("operator"), new(settings.Email, settings.Name, password), cancellationToken);
        if (!result.IsSuccess)
        {
            var l = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Resources.SharedResource>>();
            var messages = result.Error is ValidationError v ? v.Fields.Select(f => $"{f.Field}: {l[f.MessageKey, f.Args]}") : [l[result.Error!.MessageKey].Value];
            foreach (var m in messages) CliHost.Fail(m);
            return 1;
        }
        AnsiConsole.MarkupLineInterpolated($"[green]{settings.Email} is on the secretariat.[/]");
        if (!settings.PasswordFromStdin) AnsiConsole.MarkupLineInterpolated($"Password (shown once): [bold]{password}[/]");
        return 0;
    }

    internal static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(20, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        });
    }
}
