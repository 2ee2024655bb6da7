using Ecp.Common;
using Ecp.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.AnnualReports;

public static class AnnualReportsApi
{
    public const string Tag = "Annual reports";

    public static RouteGroupBuilder MapAnnualReportsApi(this RouteGroupBuilder api)
    {
        var cycles = api.MapGroup("/reporting-cycles").WithTags(Tag);
        var writes = cycles.MapGroup("").RequireApiWriter();
        var mine = cycles.MapGroup("").RequireApiToken();

        cycles.MapGet("/", async (ReportQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.CyclesAsync(ct)))
            .WithName("ListReportingCycles")
            .WithSummary("Every year's reporting cycle, newest first: opening, deadline (UTC), state, how many organizations were requested and how many submitted.");

        writes.MapPost("/", async Task<Results<Created<CycleView>, ProblemHttpResult>> (OpenReportingCycle.Command command, OpenReportingCycle useCase, ActorAccessor actors, ReportQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), command, ct).ToHttpResultAsync(async cycle =>
                    TypedResults.Created($"/api/v1/reporting-cycles/{cycle.Year}", (await queries.CycleAsync(cycle.Year, ct))!), l))
            .WithName("OpenReportingCycle")
            .WithSummary("Open the year's cycle: request annual performance reports from relevant organizations by a deadline in UTC (secretariat).");

        cycles.MapGet("/compliance", async Task<Results<Ok<ComplianceGrid>, ProblemHttpResult>> (Guid? after, int? limit, ReportQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.GridAsync(after, limit, ct)))
            .WithName("GetComplianceGrid")
            .WithSummary("The organization x year grid: every organization any cycle requested, by name (cursor-paged: after = the last organization's id, limit up to 200), with its standing in each year that requested it, computed from the clock.");

        cycles.MapGet("/compliance.csv", (ReportQueries queries, CancellationToken ct) =>
                TypedResults.Stream(body => queries.WriteGridCsvAsync(body, ct), "text/csv; charset=utf-8", "compliance.csv"))
            .WithName("GetComplianceGridCsv").Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("The whole organization x year grid as CSV (open data): one row per organization and year that requested it.");

        cycles.MapGet("/{year:int}", async Task<Results<Ok<CycleView>, ProblemHttpResult>> (int year, ReportQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await queries.CycleAsync(year, ct)).OkOr(new ReportingCycleNotFound(), l))
            .WithName("GetReportingCycle")
            .WithSummary("One cycle and its compliance table: each requested organization's own deadline, extension, and standing (on-time, late with days late, missing, awaited), computed from the clock.");

        cycles.MapGet("/{year:int}/compliance.csv", async Task<Results<PushStreamHttpResult, ProblemHttpResult>> (int year, ReportQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await queries.CycleAsync(year, ct) is { } cycle
                    ? TypedResults.Stream(body => ReportQueries.WriteCsvAsync(cycle, body, ct), "text/csv; charset=utf-8", $"compliance-{year}.csv")
                    : new ReportingCycleNotFound().ToProblem(l))
            .WithName("GetComplianceCsv").Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("The cycle's compliance table as CSV (open data).");

        writes.MapPost("/{year:int}/extensions", async Task<Results<Ok<CycleView>, ProblemHttpResult>> (int year, GrantExtension.Command command, GrantExtension useCase, ActorAccessor actors, ReportQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), year, command, ct).ToHttpResultAsync(async _ => TypedResults.Ok((await queries.CycleAsync(year, ct))!), l))
            .WithName("GrantExtension")
            .WithSummary("Move one requested organization's deadline later, with a reason; the others keep theirs (secretariat).");

        writes.MapPost("/{year:int}/drafts", async Task<Results<Ok<DraftView>, ProblemHttpResult>> (int year, ReportCommand command, SaveReportDraft useCase, ActorAccessor actors, ReportQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                return await useCase.HandleAsync(actor, year, command, ct).ToHttpResultAsync(async _ => TypedResults.Ok((await queries.DraftAsync(actor, year, ct)).Value), l);
            })
            .WithName("SaveReportDraft")
            .WithSummary("Save your organization's draft report, replacing the last; private to the organization: the record carries only its hash (reporters of a requested organization).");

        mine.MapGet("/{year:int}/drafts/mine", async Task<Results<Ok<DraftView>, ProblemHttpResult>> (int year, ReportQueries queries, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await queries.DraftAsync(await actors.GetAsync(ct), year, ct)).ToHttpResult(TypedResults.Ok, l))
            .WithName("GetMyDraft").ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Your organization's draft report for the year (reporters of a requested organization).");

        writes.MapPost("/{year:int}/reports", async Task<Results<Created<ReportView>, ProblemHttpResult>> (int year, ReportCommand command, SubmitReport useCase, ActorAccessor actors, ReportQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), year, command, ct).ToHttpResultAsync(async report =>
                    TypedResults.Created($"/api/v1/reports/{report.Id}", (await queries.ReportAsync(report.Id, ct))!), l))
            .WithName("SubmitReport")
            .WithSummary("Submit your organization's report for the year, once, with or without a draft; it is public and immutable from then on (reporters of a requested organization).");

        writes.MapPost("/{year:int}/close", async Task<Results<Ok<CycleView>, ProblemHttpResult>> (int year, CloseReportingCycle useCase, ActorAccessor actors, ReportQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), year, ct).ToHttpResultAsync(async _ => TypedResults.Ok((await queries.CycleAsync(year, ct))!), l))
            .WithName("CloseReportingCycle")
            .WithSummary("Close the cycle once every requested organization's deadline has passed: no submission is taken from then on; corrections of submitted reports still are, each with a reason (secretariat).");

        writes.MapPost("/{year:int}/compilation", async Task<Results<Ok<CompilationView>, ProblemHttpResult>> (int year, PublishCompilation.Command command, PublishCompilation useCase, ActorAccessor actors, ReportQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), year, command, ct).ToHttpResultAsync(async _ => TypedResults.Ok((await queries.CompilationAsync(year, ct))!), l))
            .WithName("PublishCompilation")
            .WithSummary("Publish or revise the compilation of a closed cycle in Markdown; it must cite submitted reports of that cycle, as [R-n] with the report's number (secretariat).");

        cycles.MapGet("/{year:int}/compilation", async Task<Results<Ok<CompilationView>, ProblemHttpResult>> (int year, ReportQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await queries.CompilationAsync(year, ct)).OkOr(new CompilationNotFound(), l))
            .WithName("GetCompilation")
            .WithSummary("The cycle's compilation: the current version, every submitted report with whether it is cited, and the earlier versions.");

        var reports = api.MapGroup("/reports").WithTags(Tag);
        reports.MapGet("/{id:guid}", async Task<Results<Ok<ReportView>, ProblemHttpResult>> (Guid id, ReportQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await queries.ReportAsync(id, ct)).OkOr(new ReportNotFound(), l))
            .WithName("GetReport")
            .WithSummary("A submitted report: on time or late, the current revision and every revision with its reason, oldest first.");

        reports.MapGroup("").RequireApiWriter().MapPost("/{id:guid}/revisions", async Task<Results<Ok<ReportView>, ProblemHttpResult>> (Guid id, ReviseReport.Command command, ReviseReport useCase, ActorAccessor actors, ReportQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct).ToHttpResultAsync(async _ => TypedResults.Ok((await queries.ReportAsync(id, ct))!), l))
            .WithName("ReviseReport")
            .WithSummary("Correct a submitted report: a new revision with a reason; the earlier revisions stay readable (reporters of the organization).");

        reports.MapGroup("").RequireApiWriter().MapPost("/{id:guid}/languages", async Task<Results<Created<ReportView>, ProblemHttpResult>> (Guid id, LanguageVersionInput command, AddReportLanguageVersion useCase, ActorAccessor actors, ReportQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct).ToHttpResultAsync(async version =>
                    TypedResults.Created($"/api/v1/reports/{id}", (await queries.ReportAsync(id, ct))!), l))
            .WithName("AddReportLanguageVersion")
            .WithSummary("Add the current revision of a submitted report in another UN language: the words of each field, in the original's order; the issues, groups, addresses, symbols and numbers stay the original's (reporters of the organization, or the secretariat).");

        var organizations = api.MapGroup("/organizations").WithTags(Tag);
        organizations.MapGet("/{id:guid}/reports/comparison", async Task<Results<Ok<ReportComparison>, ProblemHttpResult>> (Guid id, ReportQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await queries.ComparisonAsync(id, ct)).OkOr(new Registry.OrganizationNotFound(), l))
            .WithName("CompareOrganizationReports")
            .WithSummary("An organization's reports side by side, oldest year first: its standing in every cycle that requested it, each submitted report's current revision, and its indicators as series over the years.");

        organizations.MapGet("/{id:guid}/reports", async Task<Results<Ok<IReadOnlyList<OrganizationYear>>, ProblemHttpResult>> (Guid id, ReportQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await queries.OrganizationYearsAsync(id, ct) is { } years ? TypedResults.Ok(years) : new Registry.OrganizationNotFound().ToProblem(l))
            .WithName("ListOrganizationReports")
            .WithSummary("An organization's standing in every cycle that requested it, newest year first, with its report's id where it submitted one.");
        return api;
    }
}
