using Ecp.Features.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Ecp.Common;

public static class ApiConventions
{
    public const string ApiWriterPolicy = "api-writer";
    public const string ApiWritesRateLimit = "api-writes";

    /// <summary>The /api/v1 group with what holds for every endpoint: one input rule for every
    /// text, and problem details as the answer to every failure. Each feature maps its own groups on it.</summary>
    public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder app)
        => app.MapGroup("/api/v1").WithInputRules().WithProblemResponses();

    /// <summary>
    /// API calls that act for someone authenticate with a bearer token only, never the log-in
    /// cookie, so a third-party page cannot forge them (no antiforgery needed on the API).
    /// Who may do what is then decided by the use case.
    /// </summary>
    public static TBuilder RequireApiWriter<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
        => builder.RequireApiToken().WithMetadata(new ApiWrite());

    /// <summary>Marks an API write: it counts in the <see cref="ApiWritesRateLimit"/> bucket.</summary>
    public sealed class ApiWrite;

    /// <summary>Reads that concern the caller (their account, their requests): a token, no write limit.</summary>
    public static TBuilder RequireApiToken<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
        => builder.RequireAuthorization(ApiWriterPolicy);

    public static void AddApiWriterPolicy(AuthorizationOptions o)
        => o.AddPolicy(ApiWriterPolicy, p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireAuthenticatedUser());
}
