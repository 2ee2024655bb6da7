using Ecp.Common;
using Ecp.Data;
using Ecp.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Bodies;

public sealed record BodyView(Guid Id, string Name, string Acronym, string MandateReference, string MembershipRule,
    IReadOnlyList<string> Members, string ObserverRule, int SeatsPerNonGovernmentGroup, string DecisionRule);

public static class BodiesApi
{
    public static RouteGroupBuilder MapBodiesApi(this RouteGroupBuilder api)
    {
        var bodies = api.MapGroup("/bodies").WithTags("Bodies");
        bodies.MapGet("/", async (AppDbContext db, CancellationToken ct) =>
            (await db.Bodies.AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct)).Select(ToView))
            .WithName("ListBodies").WithSummary("The bodies, by name.");
        bodies.MapPost("/", async (EstablishBody.Command command, EstablishBody useCase, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await useCase.HandleAsync(await actors.GetAsync(ct), command, ct)).ToHttpResult(b => TypedResults.Created($"/api/v1/bodies/{b.Id}", ToView(b)), l))
            .RequireApiWriter().WithName("EstablishBody").Produces<BodyView>(StatusCodes.Status201Created)
            .WithSummary("Record a body, its mandate and membership (secretariat).");
        return api;
    }

    public static BodyView ToView(Body b) => new(b.Id, b.Name, b.Acronym, b.MandateReference,
        b.MembershipRule == MembershipRule.AllMemberStates ? "all-member-states" : "listed-member-states",
        b.Members.Select(m => m.MemberStateCode).ToList(), b.ObserverRule, b.SeatsPerNonGovernmentGroup, b.DecisionRule);
}
