using Ecp.Common;
using Ecp.Data;
using Ecp.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Bodies;
public static class BodiesApi
{
    public static RouteGroupBuilder MapBodiesApi(this RouteGroupBuilder api)
    {
        var bodies = api.MapGroup("/bodies").WithTags("Bodies");
        var writes = bodies.MapGroup("").RequireApiWriter();

        bodies.MapGet("/", async Task<Ok<IEnumerable<BodyView>>> (string? after, int? limit, AppDbContext db, HttpContext http, CancellationToken ct) =>
            {
                var take = Paging.Take(limit);
                var query = db.Bodies.AsNoTracking();
                if (Paging.TryParse(after, out var name, out var id))
                {
                    query = query.Where(b => b.Name.CompareTo(name) > 0 || (b.Name == name && b.Id.CompareTo(id) > 0));
                }
                var rows = await query.OrderBy(b => b.Name).ThenBy(b => b.Id).Take(take + 1).AsSplitQuery().ToListAsync(ct);
                var (page, next) = Paging.Split(rows, take, b => Paging.Format(b.Name, b.Id));
                Paging.LinkNext(http.Response, "/api/v1/bodies", next, limit);
                return TypedResults.Ok(page.Select(ToView));
            })
            .WithName("ListBodies")
            .WithSummary("The bodies by name, a page at a time: ?limit= (default 50, at most 200); ?after= the cursor of the Link rel=\"next\" header.");

        writes.MapPost("/", async Task<Results<Created<BodyView>, ProblemHttpResult>> (EstablishBody.Command command, EstablishBody useCase, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await useCase.HandleAsync(await actors.GetAsync(ct), command, ct)).ToHttpResult(b => TypedResults.Created($"/api/v1/bodies/{b.Id}", ToView(b)), l))
            .WithName("EstablishBody")
            .WithSummary("Record a body, its mandate and membership (secretariat).");
        return api;
    }

    public static BodyView ToView(Body b) => new(b.Id, b.Name, b.Acronym, b.MandateReference,
        b.MembershipRule.ToCode(),
        b.Members.Select(m => m.MemberStateCode).ToList(), b.ObserverRule, b.SeatsPerNonGovernmentGroup, b.DecisionRule);
}
