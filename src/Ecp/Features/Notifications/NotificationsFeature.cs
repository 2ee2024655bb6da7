namespace Ecp.Features.Notifications;

/// <summary>Registration of the notifications feature: follows, the projection that queues
/// notices, the sender, and the consultations feed.</summary>
public static class NotificationsFeature
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection("Ecp:Notifications"));
        services.Configure<SmtpOptions>(configuration.GetSection("Ecp:Smtp"));
        services.AddScoped<FollowTarget>();
        services.AddScoped<UnfollowTarget>();
        services.AddScoped<FollowQueries>();
        services.AddScoped<NotificationMail>();
        services.AddBackgroundMail<ConsultationNotifications>(configuration);
        services.AddBackgroundMail<OutboxSender>(configuration);
        return services;
    }

    /// <summary>A mail projection (or the sender) as a singleton, so a test (or an operator's
    /// tool) can run a pass on demand with RunOnceAsync, and in the background unless
    /// Ecp:Notifications:Enabled is false (the CLI verbs: only a serving node sends).</summary>
    public static IServiceCollection AddBackgroundMail<T>(this IServiceCollection services, IConfiguration configuration)
        where T : class, IHostedService
    {
        services.AddSingleton<T>();
        if (configuration.GetValue("Ecp:Notifications:Enabled", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<T>());
        }
        return services;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        app.MapApi().MapNotificationsApi();
        app.MapGet(ConsultationsFeed.Path, ConsultationsFeed.GetAsync)
            .WithTags("Notifications").WithName("GetConsultationsFeed")
            .WithSummary("Atom feed of the last 50 consultation events: opened, extended, closed.")
            .Produces<string>(StatusCodes.Status200OK, ConsultationsFeed.MediaType);
        app.MapRecordFeeds();
        return app;
    }
}
