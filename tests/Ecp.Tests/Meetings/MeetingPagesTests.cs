using System.Net;
using Ecp.Tests.Infrastructure;
using static Ecp.Tests.Meetings.Scheduling;

namespace Ecp.Tests.Meetings;

/// <summary>The meeting pages through their forms (antiforgery, model binding, no JavaScript).</summary>
public sealed class MeetingPagesTests(EcpFactory app) : IClassFixture<EcpFactory>
{
    private readonly Scheduling scheduling = new(app);

    [Fact]
    public async Task ScheduleForm_ReadsLocalTimesInTheMeetingsZone_AndAgendaLinesWithAddresses()
    {
        var body = await scheduling.BodyAsync(5, "BRA");
        var document = Drafting.Id(await app.Drafting.DocumentAsync(body, [Drafting.Operative("invites Member States to share experience.")]));
        var (chair, _) = await app.People.LogInAsync(await app.Drafting.ChairAsync());

        using var posted = await chair.SubmitFormAsync("/meetings/new", new Dictionary<string, string>
        {
            ["Form.BodyId"] = body.ToString(),
            ["Form.Title"] = "CWG-Internet open consultation meeting",
            ["Form.TimeZone"] = "America/New_York",
            ["Form.Start"] = "2026-06-05T10:00",
            ["Form.End"] = "2026-06-05T12:30",
            ["Form.Place"] = "UN Headquarters, New York",
            ["Form.Kind"] = "open-to-all-stakeholders",
            ["Form.AgendaText"] = $"Opening\nDraft recommendations /documents/{document}\n",
        }, "form[method=post]:not([action])");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var id = posted.Headers.Location!.OriginalString.Split('/')[^1];
        var meeting = await app.CreatePublicClient().GetJsonAsync($"/api/v1/meetings/{id}");
        Assert.Equal(DateTimeOffset.Parse("2026-06-05T14:00:00Z"), (DateTimeOffset)meeting["startsAt"]!); // EDT is UTC-4
        Assert.Equal(["Opening", "Draft recommendations"], meeting["agenda"]!.AsArray().Select(a => (string)a!["title"]!));
        Assert.Equal(document.ToString(), (string)meeting["agenda"]![1]!["linkId"]!);
        var page = await (await app.CreatePublicClient().GetAsync($"/meetings/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("2026-06-05 10:00 – 2026-06-05 12:30", page);
        Assert.Contains("America/New_York", page);
    }

    [Fact]
    public async Task WaitingStakeholder_SeesTheirPosition_AndTakesTheSeatWhenTheFirstWithdraws()
    {
        var body = await scheduling.BodyAsync(1, "BRA");
        var meeting = (string)(await scheduling.MeetingAsync(body))["id"]!;
        var first = await app.People.StakeholderAsync();
        var second = await app.People.StakeholderAsync();
        var (asFirst, _) = await app.People.LogInAsync(first);
        var (asSecond, _) = await app.People.LogInAsync(second);
        var url = $"/meetings/{meeting}";

        foreach (var browser in new[] { asFirst, asSecond })
        {
            using var registered = await browser.SubmitFormAsync(url, new Dictionary<string, string> { ["Register.Capacity"] = "observer" }, "form[action*='handler=Register']");
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }
        var waitingPage = await asSecond.GetPageAsync(url);
        Assert.Contains("You are number 1 on the waiting list", waitingPage.QuerySelector("#my-registration")!.TextContent);
        Assert.Contains(second.DisplayName, waitingPage.QuerySelector("#waiting-list + p + table")!.TextContent);

        using var withdrawn = await asFirst.SubmitFormAsync(url, new Dictionary<string, string>(), "#my-registration form");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var seatedPage = await asSecond.GetPageAsync(url);
        Assert.Contains("You have a seat", seatedPage.QuerySelector("#my-registration")!.TextContent);
        Assert.Contains("No one is waiting.", seatedPage.Body!.TextContent);
    }

    [Fact]
    public async Task MeetingPage_AttendanceByStakeholderGroupAndRegionalGroup_TableAndChart()
    {
        var body = await scheduling.BodyAsync(5, "BRA", "KEN", "FRA");
        var meeting = (string)(await scheduling.MeetingAsync(body))["id"]!;
        foreach (var (who, capacity) in new[] { (await app.People.DelegateAsync("BRA"), "member"), (await app.People.DelegateAsync("KEN"), "member"),
                     (await app.People.DelegateAsync("FRA"), "member"), (await app.People.StakeholderAsync(), "observer") })
        {
            await (await RegisterAsync(who, meeting, capacity)).ExpectAsync(HttpStatusCode.OK);
        }
        var business = await app.People.StakeholderAsync(group: "private-sector");
        await (await RegisterAsync(business, meeting, "observer")).ExpectAsync(HttpStatusCode.OK);

        var page = await app.CreatePublicClient().GetPageAsync($"/meetings/{meeting}");
        var tables = page.QuerySelectorAll("#attendance ~ table").ToList();
        string Count(int table, string label) => tables[table].QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == label).QuerySelector("td")!.TextContent;
        Assert.Equal(("3", "1", "1"), (Count(0, "Government"), Count(0, "Civil society"), Count(0, "Private sector")));
        Assert.Equal(("1", "1", "1", "0"), (Count(1, "African States"), Count(1, "Latin American and Caribbean States"), Count(1, "Western European and other States"), Count(1, "Asia-Pacific States")));
        Assert.Equal(2, page.QuerySelectorAll("#attendance ~ svg[role=img]").Length);
    }
}
