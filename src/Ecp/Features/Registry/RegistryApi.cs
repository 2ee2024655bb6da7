using Ecp.Common;
using Ecp.Data;
using Ecp.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Registry;

public sealed record CodeName(string Code, string Name);

public sealed record MemberStateView(string Code, string Alpha2, string Name, CodeName RegionalGroup, IReadOnlyDictionary<string, string> Names);

public sealed record StakeholderGroupView(string Code, string Name, string TunisAgenda);

public sealed record OrganizationView(Guid Id, string Name, string? Acronym, CodeName StakeholderGroup, string? Country,
    string ConsultativeStatus, bool RelevantOrganization, DateTimeOffset RegisteredAt);

public sealed record DelegateView(Guid Id, string DisplayName);

/// <summary>A Member State's delegation: how many delegates, and who (only for those who may see names, see <see cref="RegistryApi.MayNameDelegates"/>).</summary>
public sealed record DelegationView(string MemberState, int Delegates, IReadOnlyList<DelegateView>? Members);

public sealed record PersonView(Guid Id, string DisplayName, string Role, CodeName? StakeholderGroup, string? MemberState,
    Guid? OrganizationId, DateTimeOffset RegisteredAt);

public sealed record AccreditationView(Guid Id, Guid PersonId, string Kind, string Status, string? MemberState,
    CodeName StakeholderGroup, Guid? OrganizationId, DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt, string? Reason);

public static class RegistryApi
{
    public static RouteGroupBuilder MapRegistryApi(this RouteGroupBuilder api)
    {
        var registry = api.MapGroup("").WithTags("Registry");
        MapMemberStates(registry);
        MapOrganizationsAndPeople(registry, registry.MapGroup("").RequireApiWriter());
        var accreditation = api.MapGroup("").WithTags("Accreditation");
        MapAccreditations(accreditation.MapGroup("").RequireApiToken(), accreditation.MapGroup("").RequireApiWriter());
        return api;
    }

    /// <summary>Reference data: the Member States and their delegations, the stakeholder groups.</summary>
    private static void MapMemberStates(RouteGroupBuilder registry)
    {
        registry.MapGet("/member-states", (string? group, MemberStateCatalog states, IStringLocalizer<SharedResource> l) =>
                TypedResults.Ok(states.Sorted()
                    .Where(s => group is null || s.RegionalGroup.ToCode() == group)
                    .Select(s => ToView(s, l))))
            .WithName("ListMemberStates").WithSummary("The 193 UN Member States, with names in the six UN languages and regional group.");

        registry.MapGet("/member-states/{code}", (string code, MemberStateCatalog states, IStringLocalizer<SharedResource> l) =>
                (states.Find(code) is { } s ? ToView(s, l) : null).OkOr(new MemberStateNotFound(), l))
            .WithName("GetMemberState").WithSummary("One Member State by its ISO 3166-1 alpha-3 code.");

        registry.MapGet("/member-states/{code}/delegation", async (string code, MemberStateCatalog states, AppDbContext db, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (states.Find(code) is { } s ? await DelegationAsync(db, s.Code, await actors.GetAsync(ct), ct) : null).OkOr(new MemberStateNotFound(), l))
            .WithName("GetDelegation").WithSummary("The accredited delegates of a Member State: several people, one voice. The public gets the number; the secretariat and the delegation itself also get the names.");

        registry.MapGet("/stakeholder-groups", (IStringLocalizer<SharedResource> l) =>
                TypedResults.Ok(StakeholderGroups.All.Select(g => new StakeholderGroupView(g.ToCode(), l[g.ResourceKey()], g.TunisReference()))))
            .WithName("ListStakeholderGroups").WithSummary("The stakeholder groups of the Tunis Agenda.");
    }

    private static void MapOrganizationsAndPeople(RouteGroupBuilder registry, RouteGroupBuilder registryWrites)
    {
        registry.MapGet("/organizations", async (string? group, bool? relevant, string? after, int? limit, AppDbContext db, HttpContext http, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var query = db.Organizations.AsNoTracking();
                var filters = new List<string>();
                if (Codes.Parse<StakeholderGroup>(group) is { } g)
                {
                    query = query.Where(o => o.StakeholderGroup == g);
                    filters.Add($"group={Uri.EscapeDataString(group!)}");
                }
                if (relevant is { } r)
                {
                    query = query.Where(o => o.IsRelevantOrganization == r);
                    filters.Add($"relevant={(r ? "true" : "false")}");
                }
                var (rows, next) = await OrganizationList.PageAsync(query, after, limit, ct);
                Paging.LinkNext(http.Response, "/api/v1/organizations", next, limit, string.Join("&", filters));
                return TypedResults.Ok(rows.Select(o => ToView(o, l)));
            })
            .WithName("ListOrganizations")
            .WithSummary("Registered organizations by name, by ?group= and ?relevant=, a page at a time: ?limit= (default 50, at most 200); ?after= the cursor of the Link rel=\"next\" header.");

        registry.MapGet("/organizations/{id:guid}", async (Guid id, AppDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) is { } o ? ToView(o, l) : null).OkOr(new OrganizationNotFound(), l))
            .WithName("GetOrganization").WithSummary("One registered organization.");

        registryWrites.MapPost("/organizations", async (RegisterOrganization.Command command, RegisterOrganization useCase, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await useCase.HandleAsync(await actors.GetAsync(ct), command, ct))
                    .ToHttpResult(o => TypedResults.Created($"/api/v1/organizations/{o.Id}", ToView(o, l)), l))
            .WithName("RegisterOrganization").WithSummary("Register an organization (secretariat).");

        registry.MapGet("/people/{id:guid}", async (Guid id, AppDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } p ? ToView(p, l) : null).OkOr(new PersonNotFound(), l))
            .WithName("GetPerson").WithSummary("A person's public profile: name, role, standing.");
    }

    /// <summary>Requests and decisions; every one of them for someone with a token.</summary>
    private static void MapAccreditations(RouteGroupBuilder accreditationReads, RouteGroupBuilder accreditationWrites)
    {
        accreditationWrites.MapPost("/accreditations", async (RequestAccreditation.Command command, RequestAccreditation useCase, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await useCase.HandleAsync(await actors.GetAsync(ct), command, ct))
                    .ToHttpResult(a => TypedResults.Created($"/api/v1/accreditations/{a.Id}", ToView(a, l)), l))
            .WithName("RequestAccreditation").WithSummary("Apply for accreditation as a delegate, stakeholder or reporter.");

        accreditationReads.MapGet("/accreditations", async Task<Results<Ok<AccreditationView[]>, ProblemHttpResult>> (string? status, string? after, int? limit, ActorAccessor actors, AppDbContext db, HttpContext http, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                if (!actor.IsAuthenticated) return new UnauthenticatedError().ToProblem(l);
                var query = db.Accreditations.AsNoTracking();
                // The secretariat sees the queue; anyone else sees their own requests.
                if (!actor.IsSecretariat) query = query.Where(a => a.PersonId == actor.PersonId);
                var filter = "";
                if (Codes.Parse<AccreditationStatus>(status) is { } s)
                {
                    query = query.Where(a => a.Status == s);
                    filter = $"status={Uri.EscapeDataString(status!)}";
                }
                var (rows, next) = await AccreditationQueue.PageAsync(query, after, limit, ct);
                Paging.LinkNext(http.Response, "/api/v1/accreditations", next, limit, filter);
                return TypedResults.Ok(rows.Select(a => ToView(a, l)).ToArray());
            })
            .WithName("ListAccreditations")
            .WithSummary("Accreditation requests by ?status=, oldest first: the secretariat sees the queue, anyone else their own; a page at a time: ?limit= (default 50, at most 200); ?after= the cursor of the Link rel=\"next\" header.");

        accreditationWrites.MapPost("/accreditations/{id:guid}/approve", async (Guid id, ApproveAccreditation.Command? command, ApproveAccreditation useCase, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await useCase.HandleAsync(await actors.GetAsync(ct), id, command ?? new(), ct)).ToHttpResult(a => TypedResults.Ok(ToView(a, l)), l))
            .WithName("ApproveAccreditation").WithSummary("Approve a request (secretariat).");

        accreditationWrites.MapPost("/accreditations/{id:guid}/reject", async (Guid id, RejectAccreditation.Command command, RejectAccreditation useCase, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct)).ToHttpResult(a => TypedResults.Ok(ToView(a, l)), l))
            .WithName("RejectAccreditation").WithSummary("Reject a request with a reason (secretariat).");
    }

    /// <summary>
    /// Whether the viewer may see who is in a delegation. The public may not: a government
    /// contribution without consent shows "Government of X" (PublicAttribution), and a list of
    /// one named delegate beside it would name its author. The secretariat and the delegates of
    /// that State (who know each other) may.
    /// </summary>
    public static bool MayNameDelegates(Actor viewer, string memberStateCode)
        => viewer.IsSecretariat || (viewer.Role == Role.Delegate && viewer.MemberStateCode == memberStateCode);

    public static async Task<DelegationView> DelegationAsync(AppDbContext db, string memberStateCode, Actor viewer, CancellationToken ct)
    {
        if (!MayNameDelegates(viewer, memberStateCode)) return new(memberStateCode, await Delegation(db, memberStateCode).CountAsync(ct), null);
        var members = await Delegation(db, memberStateCode).ToListAsync(ct);
        return new(memberStateCode, members.Count, members);
    }

    public static IQueryable<DelegateView> Delegation(AppDbContext db, string memberStateCode)
        => db.People.AsNoTracking()
            .Where(p => p.Role == Role.Delegate && p.MemberStateCode == memberStateCode)
            .OrderBy(p => p.DisplayName)
            .Select(p => new DelegateView(p.Id, p.DisplayName));

    public static MemberStateView ToView(MemberState s, IStringLocalizer<SharedResource> l)
        => new(s.Code, s.Alpha2, s.Name, new CodeName(s.RegionalGroup.ToCode(), l[s.RegionalGroup.ResourceKey()]), s.Names);

    public static OrganizationView ToView(Organization o, IStringLocalizer<SharedResource> l)
        => new(o.Id, o.Name, o.Acronym, Group(o.StakeholderGroup, l), o.CountryCode,
            o.ConsultativeStatus.ToCode(), o.IsRelevantOrganization, o.RegisteredAt);

    public static PersonView ToView(Person p, IStringLocalizer<SharedResource> l)
        => new(p.Id, p.DisplayName, p.Role.ToCode(), p.StakeholderGroup is { } g ? Group(g, l) : null, p.MemberStateCode, p.OrganizationId, p.RegisteredAt);

    public static AccreditationView ToView(Accreditation a, IStringLocalizer<SharedResource> l)
        => new(a.Id, a.PersonId, a.Kind.ToCode(), a.Status.ToCode(), a.MemberStateCode,
            Group(a.StakeholderGroup, l), a.OrganizationId, a.RequestedAt, a.DecidedAt, a.Reason);

    private static CodeName Group(StakeholderGroup g, IStringLocalizer<SharedResource> l) => new(g.ToCode(), l[g.ResourceKey()]);
}
