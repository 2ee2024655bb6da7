using System.Text.Json;
using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.OpenData;

/// <summary>
/// People, organizations and memberships as one Popolo JSON document (https://www.popoloproject.com/):
/// the registry's organizations and the 193 Member States (as governments, id "member-state/XXX"),
/// the people who consented to be named, and their memberships (a delegate of the State's
/// government, a stakeholder or reporter of their organization). Written as it is read, row by row.
/// </summary>
public static class PopoloExport
{
    public const string MediaType = "application/json";

    public static async Task WriteAsync(Stream body, AppDbContext db, MemberStateCatalog states, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(body, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();

        json.WriteStartArray("persons");
        await foreach (var p in Named(db).Select(p => new { p.Id, p.DisplayName }).AsAsyncEnumerable().WithCancellation(ct))
        {
            json.WriteStartObject();
            json.WriteString("id", p.Id.ToString());
            json.WriteString("name", p.DisplayName);
            json.WriteEndObject();
            await FlushSometimesAsync(json, ct);
        }
        json.WriteEndArray();

        json.WriteStartArray("organizations");
        foreach (var state in states.All.OrderBy(s => s.Code, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("id", StateId(state.Code));
            json.WriteString("name", state.Names["en"]);
            json.WriteString("classification", "government");
            json.WriteStartArray("other_names");
            foreach (var (language, name) in state.Names.Where(n => n.Key != "en").OrderBy(n => n.Key, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteString("note", language);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("identifiers");
            json.WriteStartObject();
            json.WriteString("scheme", "ISO 3166-1 alpha-3");
            json.WriteString("identifier", state.Code);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        await foreach (var o in db.Organizations.AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.Id, o.Name, o.Acronym, o.StakeholderGroup }).AsAsyncEnumerable().WithCancellation(ct))
        {
            json.WriteStartObject();
            json.WriteString("id", o.Id.ToString());
            json.WriteString("name", o.Name);
            json.WriteString("classification", o.StakeholderGroup.ToCode());
            if (o.Acronym is { } acronym)
            {
                json.WriteStartArray("other_names");
                json.WriteStartObject();
                json.WriteString("name", acronym);
                json.WriteString("note", "acronym");
                json.WriteEndObject();
                json.WriteEndArray();
            }
            json.WriteEndObject();
            await FlushSometimesAsync(json, ct);
        }
        json.WriteEndArray();

        json.WriteStartArray("memberships");
        await foreach (var m in Named(db).Where(p => p.OrganizationId != null || p.MemberStateCode != null)
            .Select(p => new { p.Id, p.Role, p.OrganizationId, p.MemberStateCode }).AsAsyncEnumerable().WithCancellation(ct))
        {
            json.WriteStartObject();
            json.WriteString("person_id", m.Id.ToString());
            json.WriteString("organization_id", m.MemberStateCode is { } code ? StateId(code) : m.OrganizationId!.Value.ToString());
            json.WriteString("role", m.Role.ToCode());
            json.WriteEndObject();
            await FlushSometimesAsync(json, ct);
        }
        json.WriteEndArray();

        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    private static IQueryable<Person> Named(AppDbContext db) => db.People.AsNoTracking().Where(p => p.ConsentsToBeNamed).OrderBy(p => p.Id);

    private static string StateId(string code) => $"member-state/{code}";

    /// <summary>Hands what is written to the response every few kilobytes, so memory stays flat.</summary>
    private static async Task FlushSometimesAsync(Utf8JsonWriter json, CancellationToken ct)
    {
        if (json.BytesPending > 16 * 1024) await json.FlushAsync(ct);
    }
}
