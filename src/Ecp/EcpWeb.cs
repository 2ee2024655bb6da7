using System.Globalization;
using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Accountability;
using Ecp.Features.AnnualReports;
using Ecp.Features.Accounts;
using Ecp.Features.Assessments;
using Ecp.Features.Bodies;
using Ecp.Features.Cli;
using Ecp.Features.Consultations;
using Ecp.Features.Decisions;
using Ecp.Features.Drafts;
using Ecp.Features.Invitations;
using Ecp.Features.Issues;
using Ecp.Features.Notifications;
using Ecp.Features.OpenData;
using Ecp.Features.Record;
using Ecp.Features.Registry;
using Ecp.Features.Search;
using Ecp.Features.Webhooks;
using Ecp.Features.Campaigns;
using Ecp.Resources;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Ecp;

/// <summary>The composition root of the web application.</summary>
public static class EcpWeb
{
    private const string SmartScheme = "ecp";

    public static WebApplication Build(string[] args)
    {
        // The application name is the assembly's whoever hosts it, so the build's static-asset
        // manifest (ecp.staticwebassets.*.json) is found under its own name.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(EcpWeb).Assembly.GetName().Name });
        // A built (not published) binary finds wwwroot through the build's manifest in every
        // environment, wherever it is started from; in a published app this does nothing.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddEcpServices(builder.Configuration);
        var app = builder.Build();
        app.UseEcpPipeline();
        return app;
    }

    public static IServiceCollection AddEcpServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EcpOptions>(configuration.GetSection("Ecp"));
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddEcpDatabase();
        services.AddScoped<ActorAccessor>();

        // Each feature registers its use cases and queries (one class each, resolved per request).
        services.AddRecord();
        services.AddAccounts();
        services.AddRegistry();
        services.AddInvitations();
        services.AddBodies();
        services.AddDrafts();
        services.AddDecisions();
        services.AddIssues();
        services.AddAccountability();
        services.AddAnnualReports(configuration);
        services.AddOpenData();
        services.AddAssessments();
        services.AddConsultations();
        services.AddNotifications(configuration);
        services.AddWebhooks(configuration);
        services.AddCampaigns(configuration);
        services.AddSearch(configuration);
        services.AddDemo();

        // Pages in Arabic, Chinese and Russian are written as UTF-8 characters, not as numeric
        // entities that make them several times larger on a slow connection (HTML-special
        // characters are still encoded).
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddLocalization();
        // Replaces the framework's localizer of our strings: a message missing an argument never throws.
        services.AddTransient<IStringLocalizer<SharedResource>, SafeLocalizer>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Languages.All.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(Languages.Default);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // ?culture=ar first, then the choice remembered in a cookie, then the browser's languages.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/Secretariat");
            // One input rule for every text, name and date a form binds (Common/InputRules.cs).
            o.Conventions.ConfigureFilter(new InputRulesPageFilter());
        }).AddMvcOptions(o => o.Filters.Add<Features.Home.FormExpiredFilter>());
        services.AddProblemDetails(o => o.CustomizeProblemDetails = LocalizeProblem);
        // Unreadable input is a 400 problem detail in every environment, never an exception page.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.AddEcpOpenApi(configuration);

        services.AddIdentityCore<Account>(IdentitySetup.Configure)
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, null, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthentication.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "ecp.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/log-in";
            o.LogoutPath = "/account/log-out";
            o.AccessDeniedPath = "/account/denied";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers with status codes, never with a redirect to the log-in page.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorization(ApiConventions.AddApiWriterPolicy);
        services.AddAntiforgery(o => o.Cookie.Name = "ecp.af");

        // Keys in the database: every app node reads the cookies every other node issued.
        services.AddDataProtection().SetApplicationName("ecp").PersistKeysToDbContext<AppDbContext>();

        services.AddEcpRateLimits();
        // Anyone's page may read what is public (GET and HEAD, no credentials); no other site
        // can make a browser write (a cross-origin POST fails its preflight).
        services.AddCors(o => o.AddDefaultPolicy(p => p.AllowAnyOrigin().WithMethods("GET", "HEAD")
            .WithExposedHeaders("ETag", "Link", "Retry-After", "RateLimit", "RateLimit-Policy")));
        return services;
    }

    public static WebApplication UseEcpPipeline(this WebApplication app)
    {
        // First, so that the client address (rate limits) and the scheme (HSTS) are the ones the
        // trusted proxy saw.
        app.UseEcpForwardedHeaders();
        app.UseSecurityHeaders();
        // HSTS only on answers over HTTPS (UseHsts adds nothing to plain HTTP).
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        // Then, so that every answer - including the error pages and problem details written on
        // the way out by the middleware below - is in the caller's language.
        app.UseRequestLocalization();
        // The API answers every failure with a problem detail; pages with a page in the layout.
        app.UseWhen(IsApi, api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(ctx => !IsApi(ctx), pages =>
        {
            if (!app.Environment.IsDevelopment()) pages.UseExceptionHandler("/error");
            pages.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        });
        var staticAssets = File.Exists(Path.Combine(AppContext.BaseDirectory, $"{app.Environment.ApplicationName}.staticwebassets.endpoints.json"));
        if (!staticAssets) app.UseStaticFiles(); // no build manifest (an unusual host): plain wwwroot
        app.UseRouting();
        app.UseWhen(ctx => IsApi(ctx) || ctx.Request.Path.StartsWithSegments("/feeds"), open => open.UseCors());
        app.UseWhen(ConditionalGet.Applies, reads => reads.UseMiddleware<ConditionalGet>());
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseEcpRateLimits();
        app.UseAntiforgery();

        // Served from the build's manifest wherever the binary runs, compressed and cached.
        if (staticAssets) app.MapStaticAssets();
        app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).WithTags("Operations")
            .WithName("GetHealth").WithSummary("Whether this node answers.").WithProblemResponses();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGet("/set-language", SetLanguage).ExcludeFromDescription();

        app.MapRegistry();
        app.MapAccounts();
        app.MapRecord();
        app.MapBodies();
        app.MapDrafts();
        app.MapDecisions();
        app.MapIssues();
        app.MapAccountability();
        app.MapAnnualReports();
        app.MapAssessments();
        app.MapConsultations();
        app.MapInvitations();
        app.MapNotifications();
        app.MapWebhooks();
        app.MapCampaigns();
        app.MapSearch();
        app.MapOpenData();
        app.MapRazorPages();
        return app;
    }

    private static bool IsApi(HttpContext ctx) => ctx.Request.Path.StartsWithSegments("/api");

    /// <summary>The language switcher: remembers the choice in a cookie and returns to the page.</summary>
    private static IResult SetLanguage(string culture, string? returnUrl, HttpContext http)
    {
        if (Languages.IsSupported(culture))
        {
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        }
        return TypedResults.LocalRedirect(ReturnUrl.Safe(returnUrl));
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Every problem detail, including the framework's own (bad JSON, 404, 405), reads
    /// in the caller's language.</summary>
    private static void LocalizeProblem(ProblemDetailsContext ctx)
    {
        var l = ctx.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var status = ctx.ProblemDetails.Status ?? 500;
        var title = l[$"Problem.Title.{status}"];
        if (!title.ResourceNotFound) ctx.ProblemDetails.Title = title;
        // Our own errors carry a "code" and an already localized detail; the framework's
        // (unreadable JSON, unknown route, exceptions) get a localized detail here.
        if (!ctx.ProblemDetails.Extensions.ContainsKey("code"))
        {
            var detail = l[$"Problem.Detail.{status}"];
            ctx.ProblemDetails.Detail = detail.ResourceNotFound ? l["Problem.Detail.Other"] : detail;
        }
    }
}
