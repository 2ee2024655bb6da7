using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Registry;
using Ecp.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.OpenData;

public sealed record OpenDataFile(string Format, string MediaType, string Url);

public sealed record OpenDatasetView(string Name, string Description, IReadOnlyList<OpenDataField> Fields, IReadOnlyList<OpenDataFile> Files);

/// <summary>The open data: the licence, every dataset, and <see cref="Popolo"/>: people, organizations and memberships as one Popolo JSON document.</summary>
public sealed record OpenDataIndex(string Licence, string LicenceUrl, string Attribution, IReadOnlyList<OpenDatasetView> Datasets, string Popolo);

public static class OpenDataApi
{
    public static RouteGroupBuilder MapOpenDataApi(this RouteGroupBuilder api)
    {
        var openData = api.MapGroup("/open-data").WithTags("Open data");

        openData.MapGet("/", () => TypedResults.Ok(new OpenDataIndex(OpenDataCatalog.Licence, OpenDataCatalog.LicenceUrl,
                "Enhanced Cooperation Platform", OpenDataCatalog.All.Select(View).ToList(), "/api/v1/open-data/popolo.json")))
            .WithName("ListOpenData")
            .WithSummary("Every public dataset with its data dictionary (fields, types, meaning), its files (JSON Lines and CSV, each also gzip-compressed) and the licence (CC BY 4.0).");

        openData.MapGet("/popolo.json", (HttpContext http, AppDbContext db, MemberStateCatalog states, CancellationToken ct) =>
            {
                http.Response.Headers.Link = $"<{OpenDataCatalog.LicenceUrl}>; rel=\"license\"";
                return TypedResults.Stream(body => PopoloExport.WriteAsync(body, db, states, ct), PopoloExport.MediaType);
            })
            .WithName("DownloadPopolo")
            .WithSummary("People who consented to be named, the registry's organizations and the Member States' governments, and their memberships, as one Popolo JSON document (CC BY 4.0).")
            .Produces<Stream>(StatusCodes.Status200OK, PopoloExport.MediaType);

        openData.MapGet("/{file}", async Task<Results<EmptyHttpResult, ProblemHttpResult>> (string file, HttpContext http, AppDbContext db, MemberStateCatalog states,
                IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                if (OpenDataWriter.Parse(file) is not { } wanted) return new OpenDatasetNotFound().ToProblem(l);
                var (dataset, format, gzip) = wanted;
                http.Response.ContentType = OpenDataWriter.MediaType(format, gzip);
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"ecp-{OpenDataWriter.FileName(dataset, format, gzip)}\"";
                http.Response.Headers.Link = $"<{OpenDataCatalog.LicenceUrl}>; rel=\"license\"";
                // Streamed from the database: memory stays flat however many rows there are.
                await OpenDataWriter.WriteAsync(http.Response, dataset, dataset.Rows(db, states, ct), format, gzip, ct);
                return TypedResults.Empty;
            })
            .WithName("DownloadOpenData")
            .WithSummary("One dataset as a file: {name}.jsonl, {name}.csv, or either with .gz; the names are those of GET /api/v1/open-data.")
            .Produces<Stream>(StatusCodes.Status200OK, "application/jsonl", "text/csv", "application/gzip");
        return api;
    }

    private static OpenDatasetView View(OpenDataset dataset) => new(dataset.Name, dataset.Description, dataset.Fields,
        [.. from format in new[] { OpenDataWriter.Format.JsonLines, OpenDataWriter.Format.Csv }
            from gzip in new[] { false, true }
            select new OpenDataFile(OpenDataWriter.FileName(dataset, format, gzip)[(dataset.Name.Length + 1)..], OpenDataWriter.MediaType(format, gzip),
                $"/api/v1/open-data/{OpenDataWriter.FileName(dataset, format, gzip)}")]);
}
