namespace Ecp.Features.Accounts;

/// <summary>What the composition root registers and maps for accounts, log-in and API tokens.</summary>
public static class AccountsFeature
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<SignUp>();
        services.AddScoped<IssueApiToken>();
        services.AddScoped<RevokeApiToken>();
        services.AddScoped<ChooseLanguage>();
        services.AddScoped<ChooseNaming>();
        services.AddScoped<AppointSecretariat>();
        services.AddMemoryCache();
        services.AddSingleton<ApiTokenCache>();
        return services;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapApi().MapAccountsApi();
        return app;
    }
}
