using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests.Meetings;

/// <summary>Makes bodies and meetings over the API for one test, and reads calendars with an
/// independent parser (ical.js under node).</summary>
public sealed class Scheduling(EcpFactory app)
{
    /// <summary>A body of the listed Member States (or all) with its seats per non-government group.</summary>
    public async Task<Guid> BodyAsync(int seatsPerGroup, params string[] listedMembers)
    {
        var chair = await app.Drafting.ChairAsync();
        var body = await (await chair.Api.PostJsonAsync("/api/v1/bodies", new
        {
            name = $"Working Group {Guid.NewGuid():N}",
            acronym = "WGEC",
            mandateReference = "A/RES/67/195 ¶20",
            membershipRule = listedMembers.Length == 0 ? "all-member-states" : "listed-member-states",
            members = listedMembers,
            observerRule = "Limited to Member States, with seats for each non-government stakeholder group.",
            seatsPerNonGovernmentGroup = seatsPerGroup,
        })).ExpectAsync(HttpStatusCode.Created);
        return Drafting.Id(body);
    }

    public static object Request(Guid bodyId, string kind = "member-states-only", int? seatsPerGroup = null, string title = "First meeting of the Working Group",
        object[]? agenda = null) => new
    {
        bodyId,
        title,
        startsAt = "2026-06-05T08:00:00Z",
        endsAt = "2026-06-05T16:00:00Z",
        timeZone = "Europe/Zurich",
        place = "Palais des Nations, Room XXIV, Geneva",
        remoteUrl = "https://meet.example.org/wgec-1",
        kind,
        seatsPerGroup,
        agenda = agenda ?? [new { title = "Adoption of the agenda" }, new { title = "Questionnaire on enhanced cooperation" }],
    };

    public async Task<JsonNode> MeetingAsync(Guid bodyId, string kind = "member-states-only", int? seatsPerGroup = null)
    {
        var chair = await app.Drafting.ChairAsync();
        return await (await chair.Api.PostJsonAsync("/api/v1/meetings", Request(bodyId, kind, seatsPerGroup))).ExpectAsync(HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> RegisterAsync(TestPerson person, object meetingId, string capacity)
        => person.Api.PostJsonAsync($"/api/v1/meetings/{meetingId}/registrations", new { capacity });

    /// <summary>A person's registration in a meeting view.</summary>
    public static JsonNode Of(JsonNode meeting, TestPerson person)
        => meeting["registrations"]!.AsArray().Single(r => (string)r!["personId"]! == person.Id.ToString() && (string)r["status"]! != "withdrawn")!;

    /// <summary>Parses iCalendar text with ical.js (installed by test.sh from package.json).</summary>
    public static async Task<JsonNode> ParseIcsAsync(string ics)
    {
        var script = Path.Combine(Repository.Root, "tests", "Ecp.Tests", "Meetings", "parse-ics.mjs");
        Assert.True(Directory.Exists(Path.Combine(Repository.Root, "node_modules", "ical.js")), "ical.js is not installed: run ./test.sh (it runs npm ci).");
        var start = new ProcessStartInfo("node", [script]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(ics);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"ical.js could not parse the calendar: {await stderr}\n{ics}");
        return JsonNode.Parse(await stdout)!;
    }
}
