using Ecp.Common;
using Ecp.Features.Notifications;

namespace Ecp.Features.Webhooks;

/// <summary>Registration of the webhooks feature: subscriptions, the projection that queues
/// deliveries, and the sender (in the background where Ecp:Notifications:Enabled is true).</summary>
public static class WebhooksFeature
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebhookOptions>(configuration.GetSection("Ecp:Webhooks"));
        services.AddScoped<CreateWebhook>();
        services.AddScoped<RemoveWebhook>();
        services.AddScoped<WebhookQueries>();
        // Outbound requests go only to the URL given, on the public Internet: no redirect is
        // followed, no cookie kept, and a name resolving to a private address is refused.
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var allowAny = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebhookOptions>>().Value.AllowLoopback;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    UseProxy = false,
                    ConnectCallback = (context, ct) => WebhookAddresses.ConnectAsync(context, allowAny, ct),
                };
            });
        services.AddBackgroundMail<WebhookProjection>(configuration);
        services.AddBackgroundMail<WebhookSender>(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapApi().MapWebhooksApi();
        return app;
    }
}
