using Ecp.Features.Notifications;

namespace Ecp.Features.Meetings;

/// <summary>What the composition root registers and maps for the meetings of the bodies.</summary>
public static class MeetingsFeature
{
    public static IServiceCollection AddMeetings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<MeetingQueries>();
        services.AddScoped<MeetingCalendar>();
        services.AddScoped<ScheduleMeeting>();
        services.AddScoped<ChangeMeeting>();
        services.AddScoped<CancelMeeting>();
        services.AddScoped<RecordMinutes>();
        services.AddScoped<RegisterForMeeting>();
        services.AddScoped<WithdrawRegistration>();
        services.AddScoped<ConfirmRegistration>();
        services.AddScoped<RequestFloor>();
        services.AddScoped<OrderSpeakers>();
        services.AddScoped<GiveFloor>();
        services.AddScoped<CloseFloor>();
        // Confirmed, moved up from the waiting list, changed or cancelled: by e-mail, in each person's language.
        services.AddScoped<MeetingMail>();
        services.AddBackgroundMail<MeetingNotifications>(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapMeetings(this IEndpointRouteBuilder app)
    {
        app.MapApi().MapMeetingsApi();
        return app;
    }
}
