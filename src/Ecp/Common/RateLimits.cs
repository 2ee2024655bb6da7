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
        services.AddSingleton<RateLimitBuckets>();
        services.AddOptions<RateLimiterOptions>().Configure<RateLimitBuckets>((o, buckets) =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            o.GlobalLimiter = buckets.Limiter;
        });
        services.AddRateLimiter(_ => { });
        return services;
    }

    /// <summary>
    /// The buckets, each a named policy as the IETF RateLimit headers name them. One chained
    /// limiter holds them all (a request takes a permit from each bucket it belongs to), and each
    /// is kept apart too, so a refusal can say which bucket is empty.
    /// </summary>
    public sealed class RateLimitBuckets
    {
        public sealed record Bucket(string Name, Func<EcpOptions, int> PermitsPerMinute, Func<HttpContext, string?> Key)
        {
            internal PartitionedRateLimiter<HttpContext> Limiter { get; } = PartitionedRateLimiter.Create<HttpContext, string>(ctx => Key(ctx) is { } key
                ? Fixed(key, ctx, PermitsPerMinute)
                : None);
        }

        public RateLimitBuckets()
        {
            All =
            [
                new("authentication-account", s => s.AuthAttemptsPerAccountPerMinute, ctx => AuthenticationAttempt(ctx) is { } account ? "account:" + account : null),
                new("authentication-address", s => s.AuthAttemptsPerAddressPerMinute, ctx => AuthenticationAttempt(ctx) is not null ? "address:" + AddressOf(ctx) : null),
                new("page-writes", s => s.PublicWritesPerMinute, ctx => IsPageWrite(ctx) ? AccountOf(ctx) is { } id ? "account:" + id : "address:" + AddressOf(ctx) : null),
                // Per account, not per token: issuing more tokens does not raise the limit.
                new(ApiConventions.ApiWritesRateLimit, s => s.ApiWritesPerMinute, ctx => IsApiWrite(ctx) ? AccountOf(ctx) ?? "address:" + AddressOf(ctx) : null),
            ];
            Limiter = PartitionedRateLimiter.CreateChained([.. All.Select(b => b.Limiter)]);
        }

        public IReadOnlyList<Bucket> All { get; }

        public PartitionedRateLimiter<HttpContext> Limiter { get; }

        /// <summary>The buckets this request counts in.</summary>
        public IEnumerable<Bucket> Of(HttpContext ctx) => All.Where(b => b.Key(ctx) is not null);

        /// <summary>Those of them with no permit left (asking for none takes none).</summary>
        public IEnumerable<Bucket> Exhausted(HttpContext ctx) => Of(ctx).Where(b =>
        {
            using var probe = b.Limiter.AttemptAcquire(ctx, 0);
            return !probe.IsAcquired;
        });
    }

    /// <summary>An API write: an endpoint marked by <see cref="ApiConventions.RequireApiWriter"/>.</summary>
    private static bool IsApiWrite(HttpContext ctx) => ctx.GetEndpoint()?.Metadata.GetMetadata<ApiConventions.ApiWrite>() is not null;

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
        var seconds = ((int)Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds))).ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers.RetryAfter = seconds;
        // The IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers): every policy the
        // request counts under, with its quota per 60-second window, and the empty one(s).
        var buckets = http.RequestServices.GetRequiredService<RateLimitBuckets>();
        var settings = http.RequestServices.GetRequiredService<IOptions<EcpOptions>>().Value;
        http.Response.Headers["RateLimit-Policy"] = string.Join(", ", buckets.Of(http).Select(b => $"\"{b.Name}\";q={Math.Max(1, b.PermitsPerMinute(settings))};w=60"));
        var exhausted = buckets.Exhausted(http).Select(b => $"\"{b.Name}\";r=0;t={seconds}").ToList();
        if (exhausted.Count > 0) http.Response.Headers["RateLimit"] = string.Join(", ", exhausted);
        if (!http.Request.Path.StartsWithSegments("/api")) return;
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: l["Problem.Title.429"], detail: l["Error.RateLimited"],
            extensions: new Dictionary<string, object?> { ["code"] = "rate-limited" }).ExecuteAsync(http);
    }
}
