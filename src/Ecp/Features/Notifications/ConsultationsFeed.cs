using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Consultations;
using Ecp.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Notifications;

/// <summary>
/// /feeds/consultations.atom: the last 50 consultation events, read from the public record
/// (opened, extended, each with its record sequence number as id) and from the clock (closed,
/// which no one records: the closing instant passes). Atom 1.0 written with XDocument, since
/// System.ServiceModel.Syndication is not part of ASP.NET Core.
/// </summary>
public static class ConsultationsFeed
{
    public const string Path = "/feeds/consultations.atom";
    public const string MediaType = "application/atom+xml";
    public const int Size = 50;
    /// <summary>The category of a closing: not a record action (a consultation closes by its time, unrecorded).</summary>
    public const string ClosedCategory = "consultation.closed";
    internal static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private sealed record FeedEntry(string Id, DateTimeOffset Updated, string Title, string Summary, string Category, Guid ConsultationId);

    public static async Task<IResult> GetAsync(HttpContext http, AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var newest = await NewestAsync(db, now, l, ct);
        var feed = Feed(newest, $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}", l);

        return await WriteAsync(feed, ct);
    }

    /// <summary>A feed as the answer. Small (50 entries): built in memory, so the answer has a
    /// length and no synchronous I/O.</summary>
    internal static async Task<IResult> WriteAsync(XElement feed, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true }))
        {
            // Topics, body names and reasons are stored user text: only XML-legal characters go out.
            await new XDocument(new XDeclaration("1.0", "utf-8", null), XmlCharacters.Legalize(feed)).SaveAsync(writer, ct);
        }
        return TypedResults.Bytes(buffer.ToArray(), MediaType + "; charset=utf-8");
    }

    /// <summary>The last <see cref="Size"/> events: openings and extensions from the record, closings from the consultations.</summary>
    private static async Task<List<FeedEntry>> NewestAsync(AppDbContext db, DateTimeOffset now, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var recorded = await db.RecordEntries.AsNoTracking()
            .Where(e => e.Entity == "consultation" && (e.Action == ConsultationActions.Opened || e.Action == ConsultationActions.Extended))
            .OrderByDescending(e => e.Sequence)
            .Take(Size)
            .Select(e => new { e.Sequence, e.Time, e.Action, e.Payload })
            .ToListAsync(ct);
        var closed = await db.Consultations.AsNoTracking()
            .Where(c => c.Phase != ConsultationPhase.Draft && c.ClosesAt <= now)
            .OrderByDescending(c => c.ClosesAt)
            .Take(Size)
            .Select(c => new { c.Id, c.ClosesAt })
            .ToListAsync(ct);
        var events = recorded.Select(e => (e.Sequence, e.Time, e.Action, Payload: Parse(e.Payload))).ToList();
        var ids = events.Select(e => e.Payload.GetProperty("consultationId").GetGuid()).Concat(closed.Select(c => c.Id)).Distinct().ToList();
        var names = await (
                from c in db.Consultations.AsNoTracking()
                where ids.Contains(c.Id)
                join b in db.Bodies.AsNoTracking() on c.BodyId equals b.Id
                select new { c.Id, c.Topic, Body = b.Name })
            .ToDictionaryAsync(c => c.Id, ct);

        var entries = new List<FeedEntry>();
        foreach (var e in events)
        {
            var id = e.Payload.GetProperty("consultationId").GetGuid();
            if (!names.TryGetValue(id, out var c)) continue;
            var closesAt = Time(e.Payload, "closesAt");
            entries.Add(e.Action == ConsultationActions.Opened
                ? new FeedEntry($"urn:ecp:record:{e.Sequence}", e.Time, l["Feed.Opened", c.Topic], l["Feed.OpenedSummary", c.Body, Time(e.Payload, "opensAt"), closesAt], e.Action, id)
                : new FeedEntry($"urn:ecp:record:{e.Sequence}", e.Time, l["Feed.Extended", c.Topic],
                    l["Feed.ExtendedSummary", c.Body, closesAt, Time(e.Payload, "previousClosesAt"), e.Payload.TryGetProperty("reason", out var r) ? r.GetString() ?? "" : ""], e.Action, id));
        }
        foreach (var x in closed)
        {
            if (!names.TryGetValue(x.Id, out var c)) continue;
            // Closed once and for good (an extension needs an open consultation), so the
            // consultation's id names this event.
            entries.Add(new FeedEntry($"urn:ecp:consultation:{x.Id}:closed", x.ClosesAt, l["Feed.Closed", c.Topic],
                l["Feed.ClosedSummary", c.Body, Format(x.ClosesAt)], ClosedCategory, x.Id));
        }
        return entries.OrderByDescending(e => e.Updated).ThenByDescending(e => e.Id, StringComparer.Ordinal).Take(Size).ToList();
    }

    private static XElement Feed(List<FeedEntry> newest, string site, IStringLocalizer<SharedResource> l)
    {
        return new XElement(Atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", Languages.ToUnLanguage(CultureInfo.CurrentUICulture)),
            new XElement(Atom + "id", "urn:ecp:feed:consultations"),
            new XElement(Atom + "title", l["Feed.Title"].Value),
            new XElement(Atom + "subtitle", l["Feed.Subtitle"].Value),
            // The last change; an empty feed has never changed (a fixed instant, so that its
            // ETag holds and a conditional GET answers 304).
            new XElement(Atom + "updated", AtomTime(newest.Count > 0 ? newest[0].Updated : DateTimeOffset.UnixEpoch)),
            new XElement(Atom + "author", new XElement(Atom + "name", l["App.Name"].Value)),
            Link("self", MediaType, site + Path),
            Link("alternate", "text/html", site + "/consultations"),
            newest.Select(e => new XElement(Atom + "entry",
                new XElement(Atom + "id", e.Id),
                new XElement(Atom + "title", e.Title),
                new XElement(Atom + "updated", AtomTime(e.Updated)),
                Link("alternate", "text/html", $"{site}/consultations/{e.ConsultationId}"),
                new XElement(Atom + "category", new XAttribute("term", e.Category)),
                new XElement(Atom + "summary", e.Summary))));
    }

    private static JsonElement Parse(string payload)
    {
        using var json = JsonDocument.Parse(payload);
        return json.RootElement.Clone();
    }

    internal static XElement Link(string rel, string type, string href)
        => new(Atom + "link", new XAttribute("rel", rel), new XAttribute("type", type), new XAttribute("href", href));

    private static string Time(JsonElement payload, string property)
        => payload.TryGetProperty(property, out var v) && v.GetString() is { } s
            ? Format(DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal))
            : "";

    private static string Format(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>RFC 3339, as Atom requires.</summary>
    internal static string AtomTime(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
