namespace Ecp.Features.Record;

/// <summary>What the composition root registers and maps for the public record: appending, reading, verifying.</summary>
public static class RecordFeature
{
    public static IServiceCollection AddRecord(this IServiceCollection services)
    {
        services.AddScoped<PublicRecord>();
        services.AddScoped<RecordVerifier>();
        services.AddScoped<IncrementalRecordVerifier>();
        services.AddScoped<RecordQuery>();
        services.AddSingleton<RecordVerificationCheckpoint>();
        services.AddOptions<TransparencyLogOptions>().BindConfiguration("Ecp:TransparencyLog");
        services.AddSingleton<RecordSigningKey>();
        services.AddScoped<RecordTree>();
        services.AddScoped<RecordCheckpoints>();
        services.AddScoped<RecordProofs>();
        services.AddScoped<SignCheckpoint>();
        services.AddSingleton<RecordTreeFollower>();
        services.AddHostedService(sp => sp.GetRequiredService<RecordTreeFollower>());
        return services;
    }

    public static IEndpointRouteBuilder MapRecord(this IEndpointRouteBuilder app)
    {
        app.MapApi().MapRecordApi();
        return app;
    }
}
