using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.OpenApi;

namespace Ecp.Common;

/// <summary>
/// The OpenAPI document at /openapi/v1.json, in one place: schema names, the bearer scheme, the
/// server URL and the problem responses every endpoint can give. Endpoints declare only what is
/// theirs (an operationId with WithName, a summary, their success type); what follows from their
/// metadata (a token, a body, an id in the route, a rate limit) is added here, so a new endpoint
/// is described correctly without repeating it.
/// </summary>
public static class OpenApiDocument
{
    public const string BearerScheme = "bearer";

    public static IServiceCollection AddEcpOpenApi(this IServiceCollection services, IConfiguration configuration)
        => services.AddOpenApi(o =>
        {
            o.CreateSchemaReferenceId = SchemaName;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "ECP API",
                    Version = "v1",
                    Description = "The JSON API of the e-consultation platform: the registry (Member States, stakeholder groups, organizations, people, accreditation), "
                        + "bodies, outcome documents and amendments, decisions by consensus, consultations and contributions, follows, and the public record. "
                        + "Reads are public; writes and reads about the caller take a personal API token (Authorization: Bearer). "
                        + "Every failure is an RFC 9457 problem detail (application/problem+json), in the language of Accept-Language or ?culture=.",
                    License = new OpenApiLicense { Name = "Public record: open data", Url = new Uri("https://www.un.org/en/about-us/terms-of-use") },
                };
                // Never the request's Host header: a client must not be able to choose where the document points.
                document.Servers = [new OpenApiServer { Url = PublicUrl(configuration) }];
                foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
                {
                    tag.Description ??= TagDescriptions.GetValueOrDefault(tag.Name ?? "");
                }
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A personal API token (issue one on your account page or with POST /api/v1/me/tokens).",
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                // An explicit empty list says "no token needed", so every operation states its security.
                operation.Security = metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any()
                    ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }]
                    : [];
                return Task.CompletedTask;
            });
        });

    /// <summary>The configured public address (Ecp:PublicUrl), or "/" (relative to the document).</summary>
    public static string PublicUrl(IConfiguration configuration)
        => configuration["Ecp:PublicUrl"] is { Length: > 0 } url ? url : "/";

    /// <summary>
    /// Declares the problem responses an endpoint can give, from what it is: 400 where it reads a
    /// body, 401 where it needs a token, 403 and 409 where it changes state, 404 where the route
    /// names something, 429 where it is rate limited. Applied last, after the endpoint's own metadata.
    /// </summary>
    public static TBuilder WithProblemResponses<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            var metadata = endpoint.Metadata;
            var methods = metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
            var writes = methods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE");
            var statuses = new List<int>();
            var routeValues = endpoint is RouteEndpointBuilder route ? route.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) : [];
            if (metadata.OfType<IAcceptsMetadata>().Any())
            {
                metadata.Add(new ProducesResponseTypeAttribute(typeof(HttpValidationProblemDetails), StatusCodes.Status400BadRequest, ProblemJson));
            }
            else if (metadata.OfType<System.Reflection.MethodInfo>().SelectMany(m => m.GetParameters())
                     .Any(p => !routeValues.Contains(p.Name ?? "") && IsQueryValue(p.ParameterType)))
            {
                // A query value that must parse (?limit=, ?from=), or holds a control character, answers 400.
                statuses.Add(StatusCodes.Status400BadRequest);
            }
            if (metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any()) statuses.Add(StatusCodes.Status401Unauthorized);
            if (writes) statuses.Add(StatusCodes.Status403Forbidden);
            if (endpoint is RouteEndpointBuilder { RoutePattern: var pattern } && pattern.Parameters.Any(p => p.ParameterKind == RoutePatternParameterKind.Standard))
            {
                statuses.Add(StatusCodes.Status404NotFound);
            }
            if (writes) statuses.Add(StatusCodes.Status409Conflict);
            if (metadata.OfType<ApiConventions.ApiWrite>().Any()) statuses.Add(StatusCodes.Status429TooManyRequests);
            foreach (var status in statuses)
            {
                metadata.Add(new ProducesResponseTypeAttribute(typeof(ProblemDetails), status, ProblemJson));
            }
        });
        return builder;
    }

    private const string ProblemJson = "application/problem+json";

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Registry"] = "Member States, stakeholder groups, organizations and people.",
        ["Accreditation"] = "Requests to take part as a delegate, stakeholder or reporter, and the secretariat's decisions.",
        ["Accounts"] = "The caller's own account: profile, language and API tokens.",
        ["Record"] = "The public record: every change, hash-chained, to browse, verify and download.",
        ["Bodies"] = "Bodies (WGEC, WTPF-13...): mandate, membership and decision rule.",
        ["Documents"] = "Outcome documents: versions of numbered paragraphs, amendments, comments, translations and exports.",
        ["Decisions"] = "Decisions by consensus: one formal position per Member State, advisory views, the outcome.",
        ["Consultations"] = "Consultations and questionnaires: contributions, attachments, results, synthesis.",
        ["Notifications"] = "Follows (e-mail notices) and the Atom feed of consultation events.",
        ["Webhooks"] = "Subscriptions that POST the record's events about a body, consultation or document to the subscriber's URL (Standard Webhooks: signed, retried with back-off, a delivery log).",
        ["Campaigns"] = "Campaign detection: a consultation's unique texts and its campaigns (the same or nearly the same text sent many times), as facts, never verdicts; JSON and the CSV contract contribution,client_key,group.",
        ["Open data"] = "Every public dataset as JSON Lines and CSV, streamed, with its data dictionary and licence (CC BY 4.0).",
        ["Search"] = "Full-text search of what is public, in the six UN languages.",
        ["Issues"] = "The issue map: international Internet-related public policy issues, who addresses each, the gaps, and the scope assessments of ¶69 by stakeholder group.",
        ["Accountability"] = "Results derived from adopted outcomes: implementing organizations, milestones, a status, progress rolled up from children by a stated rule, and a dashboard by body and year.",
        ["Annual reports"] = "Annual performance reports of the relevant organizations (Tunis Agenda ¶71): the yearly cycles, drafts private to each organization, submissions and revisions, and who reported on time, late or not at all.",
        ["Operations"] = "For operators: whether a node answers.",
        ["Invitations"] = "The secretariat invites participants in bulk: each invitation, once accepted, is an account and an accreditation.",
        ["Assessments"] = "Assessment rounds of the implementation of enhanced cooperation: ratings 1-5 per dimension, results by stakeholder group, the between-group gap and the trend; CSV and JSON.",
    };

    private static bool IsQueryValue(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t == typeof(int) || t == typeof(long) || t == typeof(bool) || t == typeof(Guid) || t == typeof(DateTimeOffset) || t == typeof(DateOnly);
    }

    /// <summary>Nested request records are all called Command: name them by their use case
    /// (RegisterOrganizationCommand), so each operation documents its own body.</summary>
    private static string? SchemaName(System.Text.Json.Serialization.Metadata.JsonTypeInfo type)
    {
        var name = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        if (name is null) return null;
        var declaring = type.Type.DeclaringType;
        return declaring is not null && !type.Type.IsGenericParameter ? declaring.Name + name : name;
    }
}
