using System.Net;
using System.Text.Json.Nodes;
using Ecp.Common;
using Ecp.Features.Consultations;
using Ecp.Features.Registry;
using Ecp.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Ecp.Tests.Consultations;

/// <summary>
/// Consultations over the real HTTP pipeline, with a fake clock: the closing instant is enforced
/// by the clock at the moment of the request, not by any background job.
/// </summary>
public sealed class ConsultationTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Start);
    private readonly EcpFactory factory = new();

    public async Task InitializeAsync()
    {
        factory.Clock = clock;
        await factory.InitializeAsync();
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Submission_OneSecondAfterClose_IsRefusedWithoutAnyJob()
    {
        var secretariat = await factory.People.SecretariatAsync();
        var id = await OpenConsultationAsync(secretariat, closesIn: TimeSpan.FromHours(2));
        var stakeholder = await factory.People.StakeholderAsync();

        clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        await (await stakeholder.Api.PostJsonAsync($"/api/v1/consultations/{id}/contributions", Contribution("Just in time."))).ExpectAsync(HttpStatusCode.Created);

        clock.Advance(TimeSpan.FromSeconds(2)); // one second past the closing instant
        var head = await factory.CreatePublicClient().RecordHeadAsync();
        var late = await (await stakeholder.Api.PostJsonAsync($"/api/v1/consultations/{id}/contributions", Contribution("Too late."))).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("consultation-closed", (string?)late["code"]);
        Assert.Contains("UTC", (string?)late["detail"]);
        Assert.Equal(head, await factory.CreatePublicClient().RecordHeadAsync());
        var view = await factory.CreatePublicClient().GetJsonAsync($"/api/v1/consultations/{id}");
        Assert.Equal("closed", (string?)view["phase"]);
        Assert.Single(view["contributions"]!.AsArray());
    }

    [Fact]
    public async Task Extension_MovesTheCloseAndIsRecordedWithItsReason()
    {
        var secretariat = await factory.People.SecretariatAsync();
        var id = await OpenConsultationAsync(secretariat, closesIn: TimeSpan.FromHours(1));
        var newClose = Start.AddDays(2);
        await (await secretariat.Api.PostJsonAsync($"/api/v1/consultations/{id}/extensions", new { closesAt = newClose, reason = "Requests from several regional groups." }))
            .ExpectAsync(HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromHours(3));
        var stakeholder = await factory.People.StakeholderAsync();
        await (await stakeholder.Api.PostJsonAsync($"/api/v1/consultations/{id}/contributions", Contribution("After the first deadline, within the extension."))).ExpectAsync(HttpStatusCode.Created);

        var entries = await factory.CreatePublicClient().RecordEntriesAsync("consultation", id);
        var extended = entries.Single(e => (string?)e!["action"] == "consultation.extended")!;
        Assert.Equal("Requests from several regional groups.", (string?)extended["payload"]!["reason"]);

        var earlier = await (await secretariat.Api.PostJsonAsync($"/api/v1/consultations/{id}/extensions", new { closesAt = Start.AddDays(1), reason = "x" }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(earlier["errors"]!["closesAt"]);
    }

    [Fact]
    public async Task Contribution_FromIneligibleRoles_IsRefused()
    {
        var secretariat = await factory.People.SecretariatAsync();
        var governmentsOnly = await OpenConsultationAsync(secretariat, TimeSpan.FromDays(1), eligibility: "member-states-only");
        var stakeholder = await factory.People.StakeholderAsync();
        var registered = await factory.People.RegisteredAsync();
        var delegatePerson = await factory.People.DelegateAsync("SEN");

        var refused = await (await stakeholder.Api.PostJsonAsync($"/api/v1/consultations/{governmentsOnly}/contributions", Contribution("x"))).ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.False(string.IsNullOrWhiteSpace((string?)refused["detail"]));
        await (await registered.Api.PostJsonAsync($"/api/v1/consultations/{governmentsOnly}/contributions", Contribution("x"))).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await secretariat.Api.PostJsonAsync($"/api/v1/consultations/{governmentsOnly}/contributions", Contribution("x"))).ExpectProblemAsync(HttpStatusCode.Forbidden);
        var accepted = await (await delegatePerson.Api.PostJsonAsync($"/api/v1/consultations/{governmentsOnly}/contributions", Contribution("The view of Senegal."))).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("SEN", (string?)accepted["memberState"]);
        Assert.Equal("government", (string?)accepted["stakeholderGroup"]);

        var civilSocietyOnly = await OpenConsultationAsync(secretariat, TimeSpan.FromDays(1), eligibility: "chosen-groups", groups: ["civil-society"]);
        await (await stakeholder.Api.PostJsonAsync($"/api/v1/consultations/{civilSocietyOnly}/contributions", Contribution("ok"))).ExpectAsync(HttpStatusCode.Created);
        var business = await factory.People.StakeholderAsync(group: "private-sector");
        await (await business.Api.PostJsonAsync($"/api/v1/consultations/{civilSocietyOnly}/contributions", Contribution("no"))).ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Contribution_WithoutConsent_PublicSeesOnlyTheGroupAndRecordCommitsByHash()
    {
        var secretariat = await factory.People.SecretariatAsync();
        var id = await OpenConsultationAsync(secretariat, TimeSpan.FromDays(1));
        var stakeholder = await factory.People.StakeholderAsync();
        var created = await (await stakeholder.Api.PostJsonAsync($"/api/v1/consultations/{id}/contributions", Contribution("Please do not name me.", consent: false)))
            .ExpectAsync(HttpStatusCode.Created);
        var contributionId = (string)created["id"]!;

        var publicView = (await factory.CreatePublicClient().GetJsonAsync($"/api/v1/consultations/{id}"))["contributions"]![0]!;
        Assert.Null(publicView["authorName"]);
        Assert.Null(publicView["authorId"]);
        Assert.Equal("civil-society", (string?)publicView["stakeholderGroup"]);
        Assert.NotNull(publicView["answers"]);

        var secretariatView = (await secretariat.Api.GetJsonAsync($"/api/v1/consultations/{id}"))["contributions"]![0]!;
        Assert.Equal(stakeholder.DisplayName, (string?)secretariatView["authorName"]);

        var entry = (await factory.CreatePublicClient().RecordEntriesAsync("contribution", contributionId)).Single()!;
        Assert.StartsWith("committed/", (string)entry["actor"]!);
        Assert.Equal("", (string?)entry["actorName"]);
        Assert.Equal("civil-society", (string?)entry["actorGroup"]);
        Assert.DoesNotContain(stakeholder.Id.ToString(), entry.ToJsonString());

        var page = await factory.CreatePublicClient().GetPageAsync($"/consultations/{id}");
        Assert.DoesNotContain(stakeholder.DisplayName, page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task HiddenContribution_StaysCountedOnTheRecordAndTheAuthorSeesWhy()
    {
        var secretariat = await factory.People.SecretariatAsync();
        var id = await OpenConsultationAsync(secretariat, TimeSpan.FromDays(1));
        var author = await factory.People.StakeholderAsync();
        var created = await (await author.Api.PostJsonAsync($"/api/v1/consultations/{id}/contributions", Contribution("Buy cheap watches here!"))).ExpectAsync(HttpStatusCode.Created);
        var contributionId = (string)created["id"]!;

        var stakeholderHide = await author.Api.PostJsonAsync($"/api/v1/contributions/{contributionId}/hide", new { reason = "spam" });
        await stakeholderHide.ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await secretariat.Api.PostJsonAsync($"/api/v1/contributions/{contributionId}/hide", new { reason = "spam", note = "Advertising." })).ExpectAsync(HttpStatusCode.OK);

        var publicView = await factory.CreatePublicClient().GetJsonAsync($"/api/v1/consultations/{id}");
        Assert.Equal(1, (int)publicView["attribution"]!["total"]!);
        Assert.Equal(1, (int)publicView["attribution"]!["hidden"]!);
        var shown = publicView["contributions"]![0]!;
        Assert.Equal("spam", (string?)shown["hiddenReason"]);
        Assert.Null(shown["answers"]);
        var authorView = (await author.Api.GetJsonAsync($"/api/v1/consultations/{id}"))["contributions"]![0]!;
        Assert.Equal("spam", (string?)authorView["hiddenReason"]);
        Assert.Equal("Advertising.", (string?)authorView["hiddenNote"]);
        Assert.NotNull(authorView["answers"]);

        var actions = await factory.CreatePublicClient().RecordActionsAsync("contribution", contributionId);
        Assert.Equal(["contribution.submitted", "contribution.hidden"], actions);
        Assert.True((bool)(await factory.CreatePublicClient().GetJsonAsync("/api/v1/record/verify"))["isValid"]!);
    }

    [Fact]
    public async Task ContributionEditAndWithdraw_AfterClose_AreConflictProblemsNamingTheClose()
    {
        // Issue 8, finding 3: both answered 500 (the message's {0} had no argument).
        var secretariat = await factory.People.SecretariatAsync();
        var id = await OpenConsultationAsync(secretariat, TimeSpan.FromHours(1));
        var author = await factory.People.StakeholderAsync();
        var created = await (await author.Api.PostJsonAsync($"/api/v1/consultations/{id}/contributions", Contribution("Before the close."))).ExpectAsync(HttpStatusCode.Created);
        var contributionId = (string)created["id"]!;
        clock.Advance(TimeSpan.FromHours(2));

        foreach (var response in new[]
                 {
                     await author.Api.PutAsJsonAsync($"/api/v1/contributions/{contributionId}", Contribution("After the close.")),
                     await author.Api.PostAsync($"/api/v1/contributions/{contributionId}/withdraw", null),
                 })
        {
            var problem = await response.ExpectProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal("consultation-closed", (string?)problem["code"]);
            var detail = (string?)problem["detail"];
            Assert.Contains("2026-03-01T10:00:00", detail);
            Assert.DoesNotContain("{0}", detail);
        }
    }

    [Fact]
    public async Task Contribution_EditedAndWithdrawn_KeepsEveryVersionOnTheRecord()
    {
        var secretariat = await factory.People.SecretariatAsync();
        var id = await OpenConsultationAsync(secretariat, TimeSpan.FromDays(1));
        var author = await factory.People.StakeholderAsync();
        var created = await (await author.Api.PostJsonAsync($"/api/v1/consultations/{id}/contributions", Contribution("First thoughts."))).ExpectAsync(HttpStatusCode.Created);
        var contributionId = (string)created["id"]!;

        var other = await factory.People.StakeholderAsync();
        await (await other.Api.PutAsJsonAsync($"/api/v1/contributions/{contributionId}", Contribution("Not mine."))).ExpectProblemAsync(HttpStatusCode.Forbidden);
        var edited = await (await author.Api.PutAsJsonAsync($"/api/v1/contributions/{contributionId}", Contribution("Second, better thoughts."))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, (int)edited["version"]!);
        var versions = (await factory.CreatePublicClient().GetJsonAsync($"/api/v1/contributions/{contributionId}/versions")).AsArray();
        Assert.Equal(["First thoughts.", "Second, better thoughts."], versions.Select(v => (string)v!["answers"]![0]!["text"]!));

        await (await author.Api.PostAsync($"/api/v1/contributions/{contributionId}/withdraw", null)).ExpectAsync(HttpStatusCode.OK);
        var view = await factory.CreatePublicClient().GetJsonAsync($"/api/v1/consultations/{id}");
        Assert.Equal("withdrawn", (string?)view["contributions"]![0]!["status"]);
        Assert.Equal(1, (int)view["attribution"]!["withdrawn"]!);
        Assert.Equal(["contribution.submitted", "contribution.edited", "contribution.withdrawn"],
            await factory.CreatePublicClient().RecordActionsAsync("contribution", contributionId));
    }

    [Fact]
    public async Task WordShare_OneAuthorOverAThird_IsFlagged()
    {
        var secretariat = await factory.People.SecretariatAsync();
        var id = await OpenConsultationAsync(secretariat, TimeSpan.FromDays(1));
        var prolific = await factory.People.StakeholderAsync();
        var brief = await factory.People.StakeholderAsync(group: "private-sector");
        await (await prolific.Api.PostJsonAsync($"/api/v1/consultations/{id}/contributions", Contribution(string.Join(' ', Enumerable.Repeat("word", 80))))).ExpectAsync(HttpStatusCode.Created);
        await (await brief.Api.PostJsonAsync($"/api/v1/consultations/{id}/contributions", Contribution("Short and sweet."))).ExpectAsync(HttpStatusCode.Created);

        var view = await factory.CreatePublicClient().GetJsonAsync($"/api/v1/consultations/{id}");
        var dominant = view["attribution"]!["dominant"]!;
        Assert.Equal(prolific.DisplayName, (string?)dominant["label"]);
        Assert.True((double)dominant["share"]! > 0.9);
        var page = await factory.CreatePublicClient().GetPageAsync($"/consultations/{id}");
        Assert.NotNull(page.QuerySelector(".warning-notice"));
    }

    [Fact]
    public async Task Contribution_BadInput_ClearErrorsAndNothingChanges()
    {
        var secretariat = await factory.People.SecretariatAsync();
        var id = await OpenConsultationAsync(secretariat, TimeSpan.FromDays(1));
        var author = await factory.People.StakeholderAsync();
        var head = await factory.CreatePublicClient().RecordHeadAsync();
        var noAnswer = await (await author.Api.PostJsonAsync($"/api/v1/consultations/{id}/contributions", new { language = "fr", answers = Array.Empty<object>() }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(noAnswer["errors"]!["answers"]);
        var unknownQuestion = await (await author.Api.PostJsonAsync($"/api/v1/consultations/{id}/contributions",
            new { language = "xx", answers = new[] { new { question = 9, text = "?" } } })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(unknownQuestion["errors"]!["language"]);
        Assert.Equal(head, await factory.CreatePublicClient().RecordHeadAsync());
    }

    [Fact]
    public void Consultation_PhaseFollowsTheClock()
    {
        var opens = Start;
        var closes = Start.AddDays(1);
        var consultation = Consultation.Draft(Guid.NewGuid(), "Topic", "Description", ["Q1?"], Eligibility.AllStakeholders, [], opens, closes, Start).Value;
        Assert.False(consultation.AcceptsContributionsAt(Start.AddHours(1)));
        Assert.True(consultation.Open(Start).IsSuccess);
        Assert.True(consultation.AcceptsContributionsAt(closes.AddTicks(-1)));
        Assert.False(consultation.AcceptsContributionsAt(closes));
        Assert.Equal(ConsultationPhase.Closed, consultation.PhaseAt(closes));
        Assert.False(consultation.Extend(closes.AddDays(1), "late", closes).IsSuccess);
        Assert.False(consultation.Open(Start).IsSuccess);
        var delegateActor = new Actor(Guid.NewGuid(), "a", "D", Role.Delegate, StakeholderGroup.Government, "FRA");
        var registered = new Actor(Guid.NewGuid(), "b", "R", Role.Registered);
        Assert.True(consultation.IsEligible(delegateActor));
        Assert.False(consultation.IsEligible(registered));
    }

    [Fact]
    public async Task Submissions_ManyAtOnce_EachNumberedOnceOneRecordEntryEachChainIntact()
    {
        var secretariat = await factory.People.SecretariatAsync();
        var id = await OpenConsultationAsync(secretariat, TimeSpan.FromDays(1));
        var people = new List<TestPerson>();
        for (var i = 0; i < 8; i++) people.Add(await factory.People.StakeholderAsync());

        // 40 submissions in flight together: the writer takes them in batches, one commit each.
        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
            await (await people[i % people.Count].Api.PostJsonAsync($"/api/v1/consultations/{id}/contributions", Contribution($"Point {i}.")))
                .ExpectAsync(HttpStatusCode.Created)));

        Assert.Equal(Enumerable.Range(1, 40), responses.Select(r => (int)r["number"]!).Order());
        Assert.All(responses, r => Assert.Equal("civil-society", (string?)r["stakeholderGroup"]));
        var view = await factory.CreatePublicClient().GetJsonAsync($"/api/v1/consultations/{id}");
        Assert.Equal(40, view["contributions"]!.AsArray().Count);
        var recorded = 0;
        foreach (var r in responses)
        {
            var entries = await factory.CreatePublicClient().RecordEntriesAsync("contribution", (string)r["id"]!);
            var entry = Assert.Single(entries);
            Assert.Equal("contribution.submitted", (string?)entry!["action"]);
            Assert.Equal((int)r["number"]!, (int)entry["payload"]!["number"]!);
            recorded++;
        }
        Assert.Equal(40, recorded);
        Assert.True((bool)(await factory.CreatePublicClient().GetJsonAsync("/api/v1/record/verify"))["isValid"]!);
    }

    [Fact]
    public async Task Submissions_IneligibleAmongEligibleAtOnce_OnlyTheIneligibleAreRefused()
    {
        var secretariat = await factory.People.SecretariatAsync();
        var governmentsOnly = await OpenConsultationAsync(secretariat, TimeSpan.FromDays(1), eligibility: "member-states-only");
        var delegates = new[] { await factory.People.DelegateAsync("SEN"), await factory.People.DelegateAsync("FJI") };
        var stakeholder = await factory.People.StakeholderAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            var who = i % 3 == 2 ? stakeholder : delegates[i % 2];
            using var response = await who.Api.PostJsonAsync($"/api/v1/consultations/{governmentsOnly}/contributions", Contribution($"View {i}."));
            return (Who: who, response.StatusCode);
        }));

        Assert.All(results.Where(r => r.Who == stakeholder), r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.All(results.Where(r => r.Who != stakeholder), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var view = await factory.CreatePublicClient().GetJsonAsync($"/api/v1/consultations/{governmentsOnly}");
        Assert.Equal(8, view["contributions"]!.AsArray().Count);
        Assert.Equal(Enumerable.Range(1, 8), view["contributions"]!.AsArray().Select(c => (int)c!["number"]!).Order());
    }

    [Fact]
    public async Task Submission_AccreditedAfterItsTokenWasRemembered_CountsAtOnce()
    {
        var secretariat = await factory.People.SecretariatAsync();
        var id = await OpenConsultationAsync(secretariat, TimeSpan.FromDays(1));
        var applicant = await factory.People.RegisteredAsync();
        // The node now remembers the token; who its holder is must still be read afresh.
        await (await applicant.Api.PostJsonAsync($"/api/v1/consultations/{id}/contributions", Contribution("Before accreditation.")))
            .ExpectProblemAsync(HttpStatusCode.Forbidden);

        var accreditation = await (await applicant.Api.PostJsonAsync("/api/v1/accreditations",
            new { kind = "stakeholder", stakeholderGroup = "private-sector", motivation = "I work on Internet policy." })).ExpectAsync(HttpStatusCode.Created);
        await (await secretariat.Api.PostJsonAsync($"/api/v1/accreditations/{(string)accreditation["id"]!}/approve", new { })).ExpectAsync(HttpStatusCode.OK);

        var accepted = await (await applicant.Api.PostJsonAsync($"/api/v1/consultations/{id}/contributions", Contribution("After accreditation.")))
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("private-sector", (string?)accepted["stakeholderGroup"]);
    }

    private async Task<string> OpenConsultationAsync(TestPerson secretariat, TimeSpan closesIn, string eligibility = "all-stakeholders", string[]? groups = null)
    {
        var body = await (await secretariat.Api.PostJsonAsync("/api/v1/bodies", new
        {
            name = $"Working Group {Guid.NewGuid():N}",
            acronym = "WG",
            mandateReference = "A/RES/67/195 ¶20",
            membershipRule = "all-member-states",
            observerRule = "Open consultation to all stakeholders.",
        })).ExpectAsync(HttpStatusCode.Created);
        var now = clock.GetUtcNow();
        var created = await (await secretariat.Api.PostJsonAsync("/api/v1/consultations", new
        {
            bodyId = (string)body["id"]!,
            topic = "Multilingualism online",
            description = "How to bring the next billion online in their own languages.",
            questions = new[] { "What should governments do?", "What should others do?" },
            eligibility,
            groups,
            opensAt = now,
            closesAt = now + closesIn,
        })).ExpectAsync(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        await (await secretariat.Api.PostAsync($"/api/v1/consultations/{id}/open", null)).ExpectAsync(HttpStatusCode.OK);
        return id;
    }

    private static object Contribution(string text, bool consent = true)
        => new { language = "en", consentToCite = consent, answers = new[] { new { question = 1, text } } };
}

internal static class JsonHelpers
{
    public static Task<HttpResponseMessage> PutAsJsonAsync(this HttpClient client, string url, object body)
        => System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(client, url, body);
}
