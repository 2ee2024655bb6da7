namespace Ecp.Features.Invitations;

/// <summary>What the composition root registers and maps for invitations to take part.</summary>
public static class InvitationsFeature
{
    public static IServiceCollection AddInvitations(this IServiceCollection services)
    {
        services.AddScoped<InviteParticipants>();
        services.AddScoped<AcceptInvitation>();
        return services;
    }

    public static IEndpointRouteBuilder MapInvitations(this IEndpointRouteBuilder app)
    {
        app.MapApi().MapInvitationsApi();
        return app;
    }
}
