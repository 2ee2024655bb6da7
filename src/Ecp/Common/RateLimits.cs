using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Ecp.Data;
using Ecp.Resources;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Ecp.Common;

/// <summary>
/// Marks a page or endpoint whose POST is an attempt to authenticate (log-in, sign-up, issuing
/// a token). On a page with several handlers, <see cref="Handler"/> names the one that counts.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AuthenticationAttemptAttribute(string? handler = null) : Attribute
{
    public string? Handler { get; } = handler;

    /// <summary>False for the log-in, which changes nothing: it counts only in the authentication
    /// buckets, so the people behind one proxy can all log in. Sign-up creates an account and
    /// also counts as an (anonymous, per address) write.</summary>
    public bool CountsAsWrite { get; init; } = true;
}

/// <summary>
/// The rate limits, per node (counters in memory, see docs/operations.md). Three kinds, each its own bucket:
/// <list type="bullet">
/// <item>authentication attempts: per account tried (the e-mail) and per client address;</item>
/// <item>writes: page form POSTs per signed-in account (per address only when anonymous), API
/// writes per account (the <see cref="ApiConventions.ApiWritesRateLimit"/> policy);</item>
/// <item>reads (every GET, pages, API and feeds): no limit, since a surge of readers is what
/// the platform is for and one reader must never lock out the others behind the same proxy.</item>
/// </list>
/// </summary>
public static class RateLimits
{
    private const string EmailField = "Input.Email";

    public static IServiceCollection AddEcpRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(ctx => AuthenticationAttempt(ctx) is { } account
                    ? Fixed("account:" + account, ctx, s => s.AuthAttemptsPerAccountPerMinute)
                    : None),
                PartitionedRateLimiter.Create<HttpContext, string>(ctx => AuthenticationAttempt(ctx) is not null
                    ? Fixed("address:" + AddressOf(ctx), ctx, s => s.AuthAttemptsPerAddressPerMinute)
                    : None),
                PartitionedRateLimiter.Create<HttpContext, string>(ctx => IsPageWrite(ctx)
                    ? Fixed(AccountOf(ctx) is { } id ? "account:" + id : "address:" + AddressOf(ctx), ctx, s => s.PublicWritesPerMinute)
                    : None));
            // Per account, not per token: issuing more tokens does not raise the limit.
            o.AddPolicy(ApiConventions.ApiWritesRateLimit, ctx => Fixed(AccountOf(ctx) ?? "address:" + AddressOf(ctx), ctx, s => s.ApiWritesPerMinute));
        });
        return services;
    }

    /// <summary>Behind a reverse proxy, "the client address" is the one the proxy forwards, but
    /// only from the proxies the operator names (Ecp:ForwardedHeaders); off by default.</summary>
    public static WebApplication UseEcpForwardedHeaders(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<EcpOptions>>().Value.ForwardedHeaders;
        if (!settings.Enabled) return app;
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = Math.Max(1, settings.ForwardLimit),
        };
        foreach (var proxy in settings.KnownProxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in settings.KnownNetworks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        app.UseForwardedHeaders(options);
        return app;
    }

    /// <summary>An authentication attempt has to name its account in the form: read the form
    /// (asynchronously) before the limiter, which can only look at it synchronously.</summary>
    public static WebApplication UseEcpRateLimits(this WebApplication app)
    {
        app.Use(async (ctx, next) =>
        {
            if (IsAttemptEndpoint(ctx) && ctx.Request.HasFormContentType)
            {
                // An unreadable form is the page's business (a 400), not the limiter's: it then
                // counts under the empty e-mail.
                try { await ctx.Request.ReadFormAsync(ctx.RequestAborted); }
                catch (InvalidDataException) { }
                catch (BadHttpRequestException) { }
            }
            await next(ctx);
        });
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The account an authentication attempt is about: the e-mail tried, or the
    /// signed-in account that issues a token. Null when the request is no such attempt.</summary>
    private static string? AuthenticationAttempt(HttpContext ctx)
    {
        if (!IsAttemptEndpoint(ctx)) return null;
        // Only the form read above (never a synchronous read here).
        var email = ctx.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form?[EmailField].ToString().Trim() ?? "";
        return email.Length > 0 ? "email:" + email.ToUpperInvariant() : AccountOf(ctx) ?? "";
    }

    private static bool IsAttemptEndpoint(HttpContext ctx) => AttemptMarker(ctx) is not null;

    private static AuthenticationAttemptAttribute? AttemptMarker(HttpContext ctx)
    {
        if (!HttpMethods.IsPost(ctx.Request.Method) || IsReExecuted(ctx)) return null;
        var marker = ctx.GetEndpoint()?.Metadata.GetMetadata<AuthenticationAttemptAttribute>();
        if (marker?.Handler is null) return marker;
        var handler = ctx.Request.Query["handler"].ToString();
        if (handler.Length == 0 && ctx.Request.RouteValues.TryGetValue("handler", out var routed)) handler = routed?.ToString() ?? "";
        return string.Equals(handler, marker.Handler, StringComparison.OrdinalIgnoreCase) ? marker : null;
    }

    /// <summary>A form POST to a page: every method that is not a read, outside the API.</summary>
    private static bool IsPageWrite(HttpContext ctx)
        => !ctx.Request.Path.StartsWithSegments("/api")
           && !(HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method) || HttpMethods.IsOptions(ctx.Request.Method))
           && !IsReExecuted(ctx)
           && AttemptMarker(ctx) is not { CountsAsWrite: false };

    /// <summary>The error page shown for a refused request is not another request to count.</summary>
    private static bool IsReExecuted(HttpContext ctx)
        => ctx.Features.Get<IStatusCodeReExecuteFeature>() is not null || ctx.Features.Get<IExceptionHandlerFeature>() is not null;

    private static string? AccountOf(HttpContext ctx) => ctx.User.FindFirst(ClaimTypes.NameIdentifier)?.Value;

    private static string AddressOf(HttpContext ctx) => ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> None { get; } = RateLimitPartition.GetNoLimiter("");

    private static RateLimitPartition<string> Fixed(string key, HttpContext ctx, Func<EcpOptions, int> permitsPerMinute)
        => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permitsPerMinute(ctx.RequestServices.GetRequiredService<IOptions<EcpOptions>>().Value)),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    /// <summary>The API answers a problem detail; a page answers the error page (in the layout,
    /// in the page's language), which the status-code-pages middleware re-executes for the 429
    /// set here. Both say when to come back.</summary>
    private static async ValueTask RejectAsync(OnRejectedContext ctx, CancellationToken ct)
    {
        var http = ctx.HttpContext;
        var retryAfter = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds))).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!http.Request.Path.StartsWithSegments("/api")) return;
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: l["Problem.Title.429"], detail: l["Error.RateLimited"],
            extensions: new Dictionary<string, object?> { ["code"] = "rate-limited" }).ExecuteAsync(http);
    }
}
