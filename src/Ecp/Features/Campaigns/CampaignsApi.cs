using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Consultations;
using Ecp.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Campaigns;

/// <summary>A consultation's campaigns, public: JSON with the counts and a page of campaigns, and the
/// CSV of every grouped contribution (the contract <c>contribution,client_key,group</c>).</summary>
public static class CampaignsApi
{
    public static RouteGroupBuilder MapCampaignsApi(this RouteGroupBuilder api)
    {
        var consultations = api.MapGroup("/consultations").WithTags("Campaigns");
        consultations.MapGet("/{id:guid}/campaigns", async Task<Results<Ok<CampaignsView>, ProblemHttpResult>> (Guid id, string? cursor, CampaignQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await queries.CampaignsAsync(id, cursor, ct)).ToHttpResult(v => TypedResults.Ok(v), l))
            .WithName("ListCampaigns")
            .WithSummary("A consultation's texts as the campaign projection groups them: contributions grouped, unique texts, campaigns (two or more contributions with the same or nearly the same text), and a page of campaigns, largest first, each with its size, variants, first and last seen, representative text and the stakeholder groups claimed; ?cursor= the previous page's next. Facts, not verdicts: nothing is removed or discounted.");
        consultations.MapGet("/{id:guid}/campaigns.csv", async Task<Results<EmptyHttpResult, ProblemHttpResult>> (Guid id, HttpContext http, AppDbContext db, CampaignQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                if (!await db.Consultations.AnyAsync(c => c.Id == id, ct)) return new ConsultationNotFound().ToProblem(l);
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"campaigns-{id}.csv\"";
                await queries.WriteCsvAsync(id, http.Response.Body, ct);
                return TypedResults.Empty;
            })
            .WithName("DownloadCampaignsCsv")
            .WithSummary("One row per grouped contribution, by number, with the header line contribution,client_key,group: the contribution's id, the client key it was sent with in a bulk upload (empty otherwise), and its campaign's stable id (empty for a unique text).")
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv");
        return api;
    }
}
