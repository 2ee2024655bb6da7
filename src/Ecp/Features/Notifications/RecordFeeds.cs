using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Ecp.Common;
using Ecp.Data;
using Ecp.Features.AnnualReports;
using Ecp.Features.Home;
using Ecp.Features.Record;
using Ecp.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Notifications;

/// <summary>
/// Atom feeds (RFC 4287) of what the public record says about one thing: a body (with its
/// consultations, documents and decisions), a consultation, a document (with its amendments and
/// decisions), every document, every decision. Each entry is one record entry: its sequence
/// number is its id, its sentence is the one the home page tells, its link leads to what it
/// happened to. The last <see cref="Size"/> entries, newest first, read through the record's
/// (entity, entity id) index.
/// </summary>
public static partial class RecordFeeds
{
    public const int Size = 50;

    /// <summary>Per thing: how many of its parts (documents of a body, amendments of a document)
    /// a feed follows at most, the most recent first. A body with more still has a feed: its
    /// newest parts.</summary>
    private const int MaxParts = 500;

    public static void MapRecordFeeds(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/feeds").WithTags("Notifications");
        feeds.MapGet("/bodies/{id:guid}.atom", async (Guid id, HttpContext http, AppDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var body = await db.Bodies.AsNoTracking().Where(b => b.Id == id).Select(b => new { b.Name }).FirstOrDefaultAsync(ct);
                if (body is null) return new FeedSubjectNotFound().ToProblem(l);
                var consultations = await db.Consultations.AsNoTracking().Where(c => c.BodyId == id).OrderByDescending(c => c.OpensAt).Select(c => c.Id).Take(MaxParts).ToListAsync(ct);
                var documents = await db.Documents.AsNoTracking().Where(d => d.BodyId == id).OrderByDescending(d => d.Id).Select(d => d.Id).Take(MaxParts).ToListAsync(ct);
                var decisions = await db.Decisions.AsNoTracking().Where(d => d.BodyId == id).OrderByDescending(d => d.OpenedAt).Select(d => d.Id).Take(MaxParts).ToListAsync(ct);
                var entries = Entries(db, ("body", [id]), ("consultation", consultations), ("document", documents), ("decision", decisions));
                return await FeedAsync(http, db, l, entries, $"urn:ecp:feed:body:{id}", l["Feeds.Body", body.Name], $"/feeds/bodies/{id}.atom", "/documents", ct);
            })
            .WithName("GetBodyFeed").WithSummary("Atom feed of a body: its establishment, and what happens to its consultations, documents and decisions.")
            .Produces<string>(StatusCodes.Status200OK, ConsultationsFeed.MediaType).ProducesProblem(StatusCodes.Status404NotFound);

        feeds.MapGet("/consultations/{id:guid}.atom", async (Guid id, HttpContext http, AppDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var topic = await db.Consultations.AsNoTracking().Where(c => c.Id == id).Select(c => c.Topic).FirstOrDefaultAsync(ct);
                if (topic is null) return new FeedSubjectNotFound().ToProblem(l);
                return await FeedAsync(http, db, l, Entries(db, ("consultation", [id])), $"urn:ecp:feed:consultation:{id}", l["Feeds.Consultation", topic],
                    $"/feeds/consultations/{id}.atom", $"/consultations/{id}", ct);
            })
            .WithName("GetConsultationFeed").WithSummary("Atom feed of one consultation: drafted, opened, extended, synthesized, presented.")
            .Produces<string>(StatusCodes.Status200OK, ConsultationsFeed.MediaType).ProducesProblem(StatusCodes.Status404NotFound);

        feeds.MapGet("/documents.atom", async (HttpContext http, AppDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await FeedAsync(http, db, l, db.RecordEntries.AsNoTracking().Where(e => e.Entity == "document"), "urn:ecp:feed:documents", l["Feeds.Documents"],
                    "/feeds/documents.atom", "/documents", ct))
            .WithName("GetDocumentsFeed").WithSummary("Atom feed of every outcome document: drafted, each version circulated, each language version added.")
            .Produces<string>(StatusCodes.Status200OK, ConsultationsFeed.MediaType);

        feeds.MapGet("/documents/{id:guid}.atom", async (Guid id, HttpContext http, AppDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var title = await db.Documents.AsNoTracking().Where(d => d.Id == id).Select(d => d.Title).FirstOrDefaultAsync(ct);
                if (title is null) return new FeedSubjectNotFound().ToProblem(l);
                var amendments = await db.Amendments.AsNoTracking().Where(a => a.DocumentId == id).OrderByDescending(a => a.Id).Select(a => a.Id).Take(MaxParts).ToListAsync(ct);
                var decisions = await db.Decisions.AsNoTracking().Where(d => d.DocumentId == id).Select(d => d.Id).Take(MaxParts).ToListAsync(ct);
                return await FeedAsync(http, db, l, Entries(db, ("document", [id]), ("amendment", amendments), ("decision", decisions)), $"urn:ecp:feed:document:{id}",
                    l["Feeds.Document", title], $"/feeds/documents/{id}.atom", $"/documents/{id}", ct);
            })
            .WithName("GetDocumentFeed").WithSummary("Atom feed of one document: its versions and language versions, its amendments and their decisions, and the decisions on it.")
            .Produces<string>(StatusCodes.Status200OK, ConsultationsFeed.MediaType).ProducesProblem(StatusCodes.Status404NotFound);

        feeds.MapGet("/decisions.atom", async (HttpContext http, AppDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await FeedAsync(http, db, l, db.RecordEntries.AsNoTracking().Where(e => e.Entity == "decision"), "urn:ecp:feed:decisions", l["Feeds.Decisions"],
                    "/feeds/decisions.atom", "/documents", ct))
            .WithName("GetDecisionsFeed").WithSummary("Atom feed of every decision: opened, each Member State's position, each advisory view, the outcome.")
            .Produces<string>(StatusCodes.Status200OK, ConsultationsFeed.MediaType);

        MapReportsFeed(feeds);
    }

    /// <summary>Annual performance reports as they are submitted or revised (drafts are private
    /// and have no place here).</summary>
    private static void MapReportsFeed(RouteGroupBuilder feeds)
        => feeds.MapGet("/reports.atom", async (HttpContext http, AppDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await FeedAsync(http, db, l, db.RecordEntries.AsNoTracking().Where(e => e.Entity == AnnualReportActions.ReportEntity
                        && (e.Action == AnnualReportActions.Submitted || e.Action == AnnualReportActions.Revised)
                        || e.Entity == AnnualReportActions.CycleEntity && e.Action == AnnualReportActions.Compiled),
                    "urn:ecp:feed:reports", l["Feeds.Reports"], "/feeds/reports.atom", "/record?entity=report", ct))
            .WithName("GetReportsFeed").WithSummary("Atom feed of annual performance reports submitted and revised, and of the cycles' compilations (Tunis Agenda ¶71).")
            .Produces<string>(StatusCodes.Status200OK, ConsultationsFeed.MediaType);

    /// <summary>The record entries about these things.</summary>
    private static IQueryable<RecordEntry> Entries(AppDbContext db, params (string Entity, IReadOnlyCollection<Guid> Ids)[] things)
    {
        var query = db.RecordEntries.AsNoTracking().Where(_ => false);
        foreach (var (entity, ids) in things.Where(t => t.Ids.Count > 0))
        {
            var keys = ids.Select(i => i.ToString()).ToList();
            query = query.Concat(db.RecordEntries.AsNoTracking().Where(e => e.Entity == entity && keys.Contains(e.EntityId)));
        }
        return query;
    }

    private static async Task<IResult> FeedAsync(HttpContext http, AppDbContext db, IStringLocalizer<SharedResource> l, IQueryable<RecordEntry> entries,
        string id, string title, string path, string alternate, CancellationToken ct)
    {
        var newest = (await entries.OrderByDescending(e => e.Sequence).Take(Size).ToListAsync(ct)).Select(RecordQuery.ToView).ToList();
        var lines = await RecentActivity.ReadAsync(db, newest, ct);
        var site = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        var atom = ConsultationsFeed.Atom;
        var feed = new XElement(atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", Languages.ToUnLanguage(CultureInfo.CurrentUICulture)),
            new XElement(atom + "id", id),
            new XElement(atom + "title", title),
            // The last change; a feed with no entry has never changed (a fixed instant).
            new XElement(atom + "updated", ConsultationsFeed.AtomTime(lines.Count > 0 ? lines[0].Time : DateTimeOffset.UnixEpoch)),
            new XElement(atom + "author", new XElement(atom + "name", l["App.Name"].Value)),
            ConsultationsFeed.Link("self", ConsultationsFeed.MediaType, site + path),
            ConsultationsFeed.Link("alternate", "text/html", site + alternate),
            lines.Select(line =>
            {
                var html = Html(RecentActivity.Render(line, l));
                return new XElement(atom + "entry",
                    new XElement(atom + "id", $"urn:ecp:record:{line.Sequence}"),
                    new XElement(atom + "title", WebUtility.HtmlDecode(Tags().Replace(html, ""))),
                    new XElement(atom + "updated", ConsultationsFeed.AtomTime(line.Time)),
                    ConsultationsFeed.Link("alternate", "text/html", site + (line.Target?.Href ?? line.RecordHref)),
                    ConsultationsFeed.Link("via", "text/html", site + line.RecordHref),
                    new XElement(atom + "category", new XAttribute("term", line.Action)),
                    new XElement(atom + "content", new XAttribute("type", "html"), html));
            }));
        return await ConsultationsFeed.WriteAsync(feed, ct);
    }

    private static string Html(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
