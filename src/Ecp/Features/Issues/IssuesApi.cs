using Ecp.Common;
using Ecp.Features.Registry;
using Ecp.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Issues;

public static class IssuesApi
{
    public static RouteGroupBuilder MapIssuesApi(this RouteGroupBuilder api)
    {
        var issues = api.MapGroup("/issues").WithTags("Issues");
        var writes = issues.MapGroup("").RequireApiWriter();

        issues.MapGet("/", async (string? cluster, string? gap, bool? uncovered, string? state, IssueQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.MapAsync(new IssueQueries.MapFilter(cluster, gap, uncovered ?? false, state), ct)))
            .WithName("ListIssues")
            .WithSummary("The issue map by cluster: what addresses each issue, the gaps found, the uncovered issues. Filters: ?cluster=, ?gap= (implementation, awareness, capacity, research), ?uncovered=true, ?state= (active by default, merged, retired, all).");

        issues.MapGet("/{id}", async Task<Results<Ok<IssueView>, RedirectHttpResult, ProblemHttpResult>> (string id, IssueQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await queries.GetAsync(id, ct) switch
                {
                    { State: "merged", Successor: { } successor } => TypedResults.Redirect($"/api/v1/issues/{Uri.EscapeDataString(successor)}", permanent: true, preserveMethod: true),
                    { } issue => TypedResults.Ok(issue),
                    null => new IssueNotFound().ToProblem(l),
                })
            .WithName("GetIssue")
            .WithSummary("One issue: its names, the organizations and instruments mapped to it with their gaps, the spread of scope assessments (¶69) by stakeholder group, pending mapping proposals, tagged consultations and documents. A merged issue answers 308 with its successor's address.")
            .Produces(StatusCodes.Status308PermanentRedirect);

        issues.MapGet("/{id}/scope-assessments", async Task<Results<Ok<IReadOnlyList<ScopeAssessmentView>>, ProblemHttpResult>> (string id, string? group, bool? history, string? after, int? limit,
                IssueQueries queries, HttpContext http, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                if (await queries.ResolveAsync(id, ct) is not { } issue) return new IssueNotFound().ToProblem(l);
                var (page, next) = await queries.ScopeAssessmentsAsync(issue.Code, Codes.Parse<StakeholderGroup>(group), history ?? false, after, limit, ct);
                var filters = string.Join("&", new[] { group is null ? null : $"group={Uri.EscapeDataString(group)}", history == true ? "history=true" : null }.OfType<string>());
                Paging.LinkNext(http.Response, $"/api/v1/issues/{Uri.EscapeDataString(issue.Code)}/scope-assessments", next, limit, filters);
                return TypedResults.Ok(page);
            })
            .WithName("ListScopeAssessments")
            .WithSummary("The standing scope assessments of an issue with their reasons, newest first; ?group= one stakeholder group; ?history=true adds the superseded ones. A page at a time: ?limit=, ?after= from the Link rel=\"next\" header.");

        writes.MapPost("/{id}/scope-assessments", async Task<Results<Ok<ScopeAssessmentView>, ProblemHttpResult>> (string id, AssessScope.Command command, AssessScope useCase, ActorAccessor actors,
                MemberStateCatalog states, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct)).ToHttpResult(a => TypedResults.Ok(new ScopeAssessmentView(a.Id, a.IssueCode,
                    a.Group.ToCode(), a.MemberStateCode, states.Find(a.MemberStateCode)?.Name, a.PersonId, a.PersonName, a.Scope.ToCode(), a.Reason, a.AssessedAt, a.SupersededAt)), l))
            .WithName("AssessScope")
            .WithSummary("Say whether the issue is an international public policy issue, a national one, or a day-to-day technical and operational matter (¶69), with a reason. It replaces your earlier assessment; a delegate's replaces their Member State's (accredited participants).");

        issues.MapGet("/{id}/mapping-proposals", async Task<Results<Ok<IReadOnlyList<ProposalView>>, ProblemHttpResult>> (string id, string? state, string? after, int? limit,
                IssueQueries queries, HttpContext http, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                if (await queries.ResolveAsync(id, ct) is not { } issue) return new IssueNotFound().ToProblem(l);
                ProposalState? parsed = state == "all" ? null : Codes.Parse<ProposalState>(state) ?? ProposalState.Pending;
                var (page, next) = await queries.ProposalsAsync(issue.Code, parsed, after, limit, ct);
                Paging.LinkNext(http.Response, $"/api/v1/issues/{Uri.EscapeDataString(issue.Code)}/mapping-proposals", next, limit,
                    state is null ? "" : $"state={Uri.EscapeDataString(state)}");
                return TypedResults.Ok(page);
            })
            .WithName("ListMappingProposals")
            .WithSummary("An issue's mapping proposals, newest first: ?state= pending (the default), accepted, rejected or all; ?limit=, ?after= from the Link rel=\"next\" header.");

        issues.MapGet("/{id}/mapping-proposals/{proposalId:guid}", async Task<Results<Ok<ProposalView>, ProblemHttpResult>> (string id, Guid proposalId, IssueQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await queries.ProposalAsync(proposalId, ct)).OkOr(new MappingProposalNotFound(), l))
            .WithName("GetMappingProposal").WithSummary("One mapping proposal and, once decided, the secretariat's decision and reason.");

        writes.MapPost("/{id}/mapping-proposals", async Task<Results<Created<ProposalView>, ProblemHttpResult>> (string id, ProposeMappingChange.Command command, ProposeMappingChange useCase,
                ActorAccessor actors, IssueQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct).ToHttpResultAsync(async p =>
                    TypedResults.Created($"/api/v1/issues/{Uri.EscapeDataString(p.IssueCode)}/mapping-proposals/{p.Id}", (await queries.ProposalAsync(p.Id, ct))!), l))
            .WithName("ProposeMappingChange")
            .WithSummary("Propose that an organization, a document or an external instrument be mapped to the issue (change \"add\"), that a mapping's status note and gaps change (\"update\"), or that it be removed (\"remove\"), with a reason (accredited participants).");

        writes.MapPost("/{id}/mapping-proposals/{proposalId:guid}/decision", async Task<Results<Ok<ProposalView>, ProblemHttpResult>> (string id, Guid proposalId, DecideMappingProposal.Command command,
                DecideMappingProposal useCase, ActorAccessor actors, IssueQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, proposalId, command, ct).ToHttpResultAsync(async p => TypedResults.Ok((await queries.ProposalAsync(p.Id, ct))!), l))
            .WithName("DecideMappingProposal")
            .WithSummary("Accept (the map changes) or reject a mapping proposal, with a reason (secretariat).");

        MapTaxonomyWrites(writes);
        return api;
    }

    /// <summary>The secretariat's changes to the taxonomy and its tags.</summary>
    private static void MapTaxonomyWrites(RouteGroupBuilder writes)
    {
        writes.MapPost("/", async Task<Results<Created<IssueView>, ProblemHttpResult>> (AddIssue.Command command, AddIssue useCase, ActorAccessor actors, IssueQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), command, ct).ToHttpResultAsync(async i =>
                    TypedResults.Created($"/api/v1/issues/{Uri.EscapeDataString(i.Code)}", (await queries.GetAsync(i.Code, ct))!), l))
            .WithName("AddIssue").WithSummary("Add an issue to a cluster of the map, with its names (English required) (secretariat).");

        writes.MapPost("/{id}/names", async Task<Results<Ok<IssueView>, ProblemHttpResult>> (string id, RenameIssue.Command command, RenameIssue useCase, ActorAccessor actors, IssueQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct).ToHttpResultAsync(async i => TypedResults.Ok((await queries.GetAsync(i.Code, ct))!), l))
            .WithName("RenameIssue").WithSummary("Rename an issue in some languages; its id and links stay (secretariat).");

        writes.MapPost("/{id}/merge", async Task<Results<Ok<IssueView>, ProblemHttpResult>> (string id, MergeIssue.Command command, MergeIssue useCase, ActorAccessor actors, IssueQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct).ToHttpResultAsync(async i => TypedResults.Ok((await queries.GetAsync(i.SuccessorCode!, ct))!), l))
            .WithName("MergeIssue").WithSummary("Merge the issue into another: its mappings, proposals, assessments and tags move there and its id redirects there; answers the successor (secretariat).");

        writes.MapPost("/{id}/retire", async Task<Results<Ok<IssueView>, ProblemHttpResult>> (string id, RetireIssue.Command command, RetireIssue useCase, ActorAccessor actors, IssueQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct).ToHttpResultAsync(async i => TypedResults.Ok((await queries.GetAsync(i.Code, ct))!), l))
            .WithName("RetireIssue").WithSummary("Take the issue off the map, with a reason; it stays readable (secretariat).");

        writes.MapPost("/{id}/tags", async Task<Results<Ok<IssueView>, ProblemHttpResult>> (string id, TagWithIssue.Command command, TagWithIssue useCase, ActorAccessor actors, IssueQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct).ToHttpResultAsync(async t => TypedResults.Ok((await queries.GetAsync(t.IssueCode, ct))!), l))
            .WithName("TagWithIssue").WithSummary("Tag a consultation or a document with the issue (secretariat).");

        writes.MapPost("/{id}/tags/{tagId:guid}/remove", async Task<Results<Ok<IssueView>, ProblemHttpResult>> (string id, Guid tagId, UntagIssue useCase, ActorAccessor actors, IssueQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, tagId, ct).ToHttpResultAsync(async t => TypedResults.Ok((await queries.GetAsync(t.IssueCode, ct))!), l))
            .WithName("UntagIssue").WithSummary("Remove a tag; the record keeps that it was there (secretariat).");
    }
}
