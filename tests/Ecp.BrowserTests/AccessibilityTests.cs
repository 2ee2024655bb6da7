using Ecp.BrowserTests.Infrastructure;
using Ecp.Common;
using Ecp.Features.Accounts;
using Ecp.Features.AnnualReports;
using Ecp.Features.Assessments;
using Ecp.Features.Decisions;
using Ecp.Features.Drafts;
using Ecp.Features.Meetings;
using Ecp.Features.Registry;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ecp.BrowserTests;

/// <summary>
/// The data the pages need to show everything they can show: an organization, a delegate of
/// Brazil, a logged-in person with an API token, a request waiting in the secretariat's queue;
/// and a body with an Opinion under negotiation (two versions, decided and open amendments, a
/// comment), a document under decision and one adopted by consensus with a reservation.
/// </summary>
public sealed class AccessibilityFixture : BrowserFixture
{
    public Organization Organization { get; private set; } = null!;
    public Person Delegate { get; private set; } = null!;

    /// <summary>Under negotiation: version 2 circulated, an amendment to it open.</summary>
    public Negotiation Negotiation { get; private set; } = null!;
    public Decision OpenDecision { get; private set; } = null!;
    public Decision ClosedDecision { get; private set; } = null!;

    /// <summary>Cookies of a registered person (no request yet), of the delegate of Brazil, of the
    /// organization's reporter (a draft of its 2025 report saved) and of the secretariat.</summary>
    public string PersonState { get; private set; } = null!;
    public string DelegateState { get; private set; } = null!;
    public string ReporterState { get; private set; } = null!;
    public string SecretariatState { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Organization = await RegisterOrganizationAsync(UniqueName("Internet Society Chapter"));
        var brazil = await this.AccreditedDelegateAsync(UniqueName("Delegate"), "BRA");
        Delegate = brazil.Person;
        var applicant = await SignedUpAsync(UniqueName("Applicant"), UniqueEmail("applicant"));
        await RequestAsDelegateAsync(applicant, "KEN");

        var email = UniqueEmail("person");
        var person = await SignedUpAsync(UniqueName("Registered"), email);
        await Server.RunAsync<IssueApiToken, IssueApiToken.Issued>(u => u.HandleAsync(Actor.Of(person), new IssueApiToken.Command { Name = "laptop" }));

        await DraftsAsync(brazil);
        await AssessmentAsync(brazil);
        Cycle = await Server.RunAsync<OpenReportingCycle, ReportingCycle>(u => u.HandleAsync(Actor.Of(Secretariat), new OpenReportingCycle.Command
        {
            Year = 2025, Deadline = DateTimeOffset.UtcNow.AddDays(30), OrganizationIds = [Organization.Id],
        }));

        // A cycle past its deadline, closed and compiled: the compilation page and the secretariat's form.
        await Server.RunAsync<OpenReportingCycle, ReportingCycle>(u => u.HandleAsync(Actor.Of(Secretariat), new OpenReportingCycle.Command
        {
            Year = 2024, OpensAt = DateTimeOffset.UtcNow.AddDays(-90), Deadline = DateTimeOffset.UtcNow.AddDays(-1), OrganizationIds = [Organization.Id],
        }));
        await Server.RunAsync<CloseReportingCycle, ReportingCycle>(u => u.HandleAsync(Actor.Of(Secretariat), 2024));
        await Server.RunAsync<PublishCompilation, CycleCompilation>(u => u.HandleAsync(Actor.Of(Secretariat), 2024,
            new PublishCompilation.Command { Markdown = "## The year\n\nNo organization reported; the secretariat wrote to each." }));

        var reporterEmail = UniqueEmail("reporter");
        var reporter = await SignedUpAsync(UniqueName("Reporter"), reporterEmail);
        await ApproveAsync(await Server.RunAsync<RequestAccreditation, Accreditation>(u => u.HandleAsync(Actor.Of(reporter),
            new RequestAccreditation.Command { Kind = "reporter", OrganizationId = Organization.Id, Motivation = "I file our annual report." })));
        var asReporter = await this.PersonAsync(reporter.Id);
        await Server.RunAsync<SaveReportDraft, AnnualReport>(u => u.HandleAsync(Actor.Of(asReporter), 2025, new ReportCommand
        {
            Language = "en", Activities = "Held four open consultations.",
            Indicators = [new IndicatorInput { Name = "Open consultations held", Value = 4, Unit = "consultations" }],
        }));

        PersonState = await LoggedInStateAsync(email, Password);
        ReporterState = await LoggedInStateAsync(reporterEmail, Password);
        DelegateState = await LoggedInStateAsync(brazil.Email, Password);
        SecretariatState = await LoggedInStateAsync(SecretariatEmail, SecretariatPassword);
    }

    /// <summary>A closed round and an open one, rated by Brazil and a civil society participant, so
    /// the results (charts, tables, the between-group gap, the trend) have something to show.</summary>
    private async Task AssessmentAsync(Participant brazil)
    {
        var stakeholder = await SignedUpAsync(UniqueName("Civil society"), UniqueEmail("stakeholder"));
        await ApproveAsync(await Server.RunAsync<RequestAccreditation, Accreditation>(u => u.HandleAsync(Actor.Of(stakeholder),
            new RequestAccreditation.Command { Kind = "stakeholder", StakeholderGroup = "civil-society", Motivation = "We follow enhanced cooperation." })));
        var civilSociety = await this.PersonAsync(stakeholder.Id);
        foreach (var (title, government, others) in new[] { ("Assessment of implementation, first round", 2, 4), ("Assessment of implementation, second round", 3, 3) })
        {
            var round = await Server.RunAsync<OpenAssessmentRound, AssessmentRound>(u => u.HandleAsync(Actor.Of(Secretariat), new OpenAssessmentRound.Command { Title = title }));
            foreach (var dimension in round.Dimensions.Select(d => d.Code))
            {
                await Server.RunAsync<RateDimension, Rating>(u => u.HandleAsync(Actor.Of(brazil.Person), round.Id, new RateDimension.Command { Dimension = dimension, Score = government }));
                await Server.RunAsync<RateDimension, Rating>(u => u.HandleAsync(Actor.Of(civilSociety), round.Id, new RateDimension.Command { Dimension = dimension, Score = others, Comment = "Views are heard, rarely acted on." }));
            }
            if (Round is not null) await Server.RunAsync<CloseAssessmentRound, AssessmentRound>(u => u.HandleAsync(Actor.Of(Secretariat), Round.Id));
            Round ??= round;
            OpenRound = round;
        }
    }

    /// <summary>A reporting cycle asking the organization for its 2025 report.</summary>
    public ReportingCycle Cycle { get; private set; } = null!;

    /// <summary>The first round (closed once the second opened) and the open second one.</summary>
    public AssessmentRound Round { get; private set; } = null!;
    public AssessmentRound OpenRound { get; private set; } = null!;

    private async Task DraftsAsync(Participant brazil)
    {
        var kenya = await this.AccreditedDelegateAsync(UniqueName("Delegate of Kenya"), "KEN");
        var body = await this.EstablishBodyAsync(UniqueName("Working Group on Enhanced Cooperation"), "WGEC");
        // A reference text, cited by the document under decision: "Cites" and "Cited by" links.
        await this.DraftAsync(body, "reference-text", "Tunis Agenda for the Information Society (extracts)", "WSIS-05/TUNIS/DOC/6(Rev.1)-E",
            new DraftDocument.ParagraphInput { Number = "69", Text = "We further recognize the need for enhanced cooperation in the future." });
        Negotiation = await this.NegotiatedOpinionAsync(body, "Opinion 6 (WTPF-13)", "On supporting operationalizing the enhanced cooperation process", brazil, kenya);

        var underDecision = await this.DraftAsync(body, "report", "Report of the Working Group on Enhanced Cooperation", "E/CN.16/2018/CRP.3",
            Drafting.Preambular("The Working Group,"),
            new DraftDocument.ParagraphInput { Kind = "operative", Text = "Recalls the need for enhanced cooperation;", Cites = ["WSIS-05/TUNIS/DOC/6(Rev.1)-E#69"] },
            Drafting.Operative("Recommends that the Commission continue the discussion."));
        OpenDecision = await this.OpenDecisionAsync(underDecision, body);
        await this.StatePositionAsync(kenya.Person, OpenDecision, "support", "Kenya supports the report.");

        var adopted = await this.DraftAsync(body, "recommendation", "Recommendation on capacity building", "E/CN.16/2018/CRP.4",
            Drafting.Operative("Invites Member States to support capacity building in developing countries."));
        ClosedDecision = await this.AdoptedByConsensusAsync(body, adopted, brazil, kenya);

        // A Member-States-only meeting with an agenda item taking up the document under decision; Brazil sits as member.
        Meeting = await Server.RunAsync<ScheduleMeeting, Meeting>(u => u.HandleAsync(Actor.Of(Secretariat), new ScheduleMeeting.Command
        {
            BodyId = body.Id, Title = "Second meeting of the Working Group", StartsAt = DateTimeOffset.UtcNow.AddDays(20), EndsAt = DateTimeOffset.UtcNow.AddDays(20).AddHours(6),
            TimeZone = "Europe/Zurich", Place = "Palais des Nations, Geneva", RemoteUrl = "https://meet.example.org/wgec-2", Kind = "member-states-only", SeatsPerGroup = 1,
            Agenda = [new AgendaItemRequest { Title = "Adoption of the agenda" }, new AgendaItemRequest { Title = "The draft report", DocumentId = underDecision.Id }],
        }));
        await Server.RunAsync<RegisterForMeeting, MeetingRegistration>(u => u.HandleAsync(Actor.Of(brazil.Person), Meeting.Id, new RegisterForMeeting.Command { Capacity = "member" }));
        await Server.RunAsync<RegisterForMeeting, MeetingRegistration>(u => u.HandleAsync(Actor.Of(kenya.Person), Meeting.Id, new RegisterForMeeting.Command { Capacity = "member" }));
        // Brazil has the floor on item 2, Kenya waits.
        var floor = await Server.RunAsync<RequestFloor, FloorRequest>(u => u.HandleAsync(Actor.Of(brazil.Person), Meeting.Id, new RequestFloor.Command { AgendaItem = 2 }));
        await Server.RunAsync<RequestFloor, FloorRequest>(u => u.HandleAsync(Actor.Of(kenya.Person), Meeting.Id, new RequestFloor.Command { AgendaItem = 2 }));
        await Server.RunAsync<GiveFloor, FloorRequest>(u => u.HandleAsync(Actor.Of(Secretariat), Meeting.Id, floor.Id));
    }

    public Meeting Meeting { get; private set; } = null!;
}

/// <summary>Every page, in English and in Arabic (right to left), meets WCAG 2.1 A and AA as far
/// as axe-core can tell: a floor, not a substitute for testing with assistive technologies.</summary>
public sealed class AccessibilityTests(AccessibilityFixture app) : IClassFixture<AccessibilityFixture>
{
    private enum Who { Public, Person, Delegate, Reporter, Secretariat }

    /// <summary>Page key: who looks, where, and whether a form is first submitted empty so that
    /// the error summary shows.</summary>
    private static readonly Dictionary<string, (Who Who, string Path, bool SubmitEmpty)> Pages = new()
    {
        ["home"] = (Who.Public, "/", false),
        ["member-states"] = (Who.Public, "/member-states", false),
        ["member-state"] = (Who.Public, "/member-states/BRA", false),
        ["organizations"] = (Who.Public, "/organizations", false),
        ["organization"] = (Who.Public, "/organizations/{organization}", false),
        ["person"] = (Who.Public, "/people/{delegate}", false),
        ["record"] = (Who.Public, "/record", false),
        ["record-filtered"] = (Who.Public, "/record?entity=member-state&entityId=BRA", false),
        ["sign-up"] = (Who.Public, "/account/sign-up", false),
        ["log-in"] = (Who.Public, "/account/log-in", false),
        ["not-found"] = (Who.Public, "/member-states/XYZ", false),
        ["account"] = (Who.Person, "/account", false),
        ["webhooks"] = (Who.Person, "/account/webhooks", false),
        ["webhooks-errors"] = (Who.Person, "/account/webhooks", true),
        ["accreditation-request"] = (Who.Person, "/accreditation/request", false),
        ["secretariat-accreditations"] = (Who.Secretariat, "/secretariat/accreditations", false),
        ["organizations-new"] = (Who.Secretariat, "/organizations/new", false),
        ["sign-up-errors"] = (Who.Public, "/account/sign-up", true),
        ["log-in-errors"] = (Who.Public, "/account/log-in", true),
        ["accreditation-request-errors"] = (Who.Person, "/accreditation/request", true),
        ["organizations-new-errors"] = (Who.Secretariat, "/organizations/new", true),
        // Drafts and decisions. "-errors": the page's first form (amendment, the Chair's decision
        // on an amendment, position) submitted empty.
        ["documents"] = (Who.Public, "/documents", false),
        ["documents-new"] = (Who.Secretariat, "/documents/new", false),
        ["documents-new-errors"] = (Who.Secretariat, "/documents/new", true),
        ["document"] = (Who.Public, "/documents/{document}", false),
        ["document-delegate"] = (Who.Delegate, "/documents/{document}", false),
        ["document-delegate-errors"] = (Who.Delegate, "/documents/{document}", true),
        ["document-chair"] = (Who.Secretariat, "/documents/{document}", false),
        // Fails today: the summary links to #Decide_Decision, and the radios are decide-accept-{id}.
        ["document-chair-errors"] = (Who.Secretariat, "/documents/{document}", true),
        ["compare"] = (Who.Public, "/documents/{document}/compare?from=1&to=2", false),
        ["decision"] = (Who.Public, "/decisions/{decision}", false),
        ["decision-delegate"] = (Who.Delegate, "/decisions/{decision}", false),
        ["decision-delegate-errors"] = (Who.Delegate, "/decisions/{decision}", true),
        ["decision-chair"] = (Who.Secretariat, "/decisions/{decision}", false),
        ["decision-closed"] = (Who.Public, "/decisions/{closed-decision}", false),
        // The issue map. "-errors": the scope assessment (delegate) and the rename (secretariat)
        // submitted empty.
        ["open-data"] = (Who.Public, "/open-data", false),
        ["issues"] = (Who.Public, "/issues", false),
        ["issues-filtered"] = (Who.Public, "/issues?gap=capacity&uncovered=true", false),
        ["issue"] = (Who.Public, "/issues/net-neutrality", false),
        ["issue-delegate"] = (Who.Delegate, "/issues/net-neutrality", false),
        ["issue-delegate-errors"] = (Who.Delegate, "/issues/net-neutrality", true),
        ["issue-chair"] = (Who.Secretariat, "/issues/root-zone", false),
        // Assessment rounds: a closed round's results with the trend, the open one to rate.
        ["reports"] = (Who.Public, "/reports", false),
        ["reporting-cycle"] = (Who.Public, "/reports/2025", false),
        ["reporting-cycle-chair"] = (Who.Secretariat, "/reports/2024", false),
        ["compilation"] = (Who.Public, "/reports/2024/compilation", false),
        ["reporting-grid"] = (Who.Public, "/reports/compliance", false),
        // The reporter's form, prefilled from the draft (ReportingJourneyTests shows its errors).
        ["my-report"] = (Who.Reporter, "/reports/2025/my-report", false),
        ["reporting-cycle-reporter"] = (Who.Reporter, "/reports/2025", false),
        ["assessments"] = (Who.Public, "/assessments", false),
        ["assessment-results"] = (Who.Public, "/assessments/{round}", false),
        ["assessment-delegate"] = (Who.Delegate, "/assessments/{open-round}", false),
        ["assessment-chair"] = (Who.Secretariat, "/assessments/{open-round}", false),
        // Meetings: the list, a meeting as the public, a seated delegate, a reporter who may ask to attend, and the secretariat see it.
        ["meetings"] = (Who.Public, "/meetings", false),
        ["meeting"] = (Who.Public, "/meetings/{meeting}", false),
        ["meeting-delegate"] = (Who.Delegate, "/meetings/{meeting}", false),
        ["meeting-reporter"] = (Who.Reporter, "/meetings/{meeting}", false),
        ["meeting-chair"] = (Who.Secretariat, "/meetings/{meeting}", false),
        ["meetings-new"] = (Who.Secretariat, "/meetings/new", false),
        ["meetings-new-errors"] = (Who.Secretariat, "/meetings/new", true),
        ["speakers"] = (Who.Public, "/meetings/{meeting}/speakers", false),
        ["speakers-delegate"] = (Who.Delegate, "/meetings/{meeting}/speakers", false),
        ["speakers-chair"] = (Who.Secretariat, "/meetings/{meeting}/speakers", false),
    };

    public static TheoryData<string, string> PagesInEnglishAndArabic()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in Pages.Keys)
        {
            data.Add(page, "en");
            data.Add(page, "ar");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PagesInEnglishAndArabic))]
    public async Task Page_InLanguage_NoWcagViolations(string pageKey, string culture)
    {
        var (who, path, submitEmpty) = Pages[pageKey];
        path = path.Replace("{organization}", app.Organization.Id.ToString()).Replace("{delegate}", app.Delegate.Id.ToString())
            .Replace("{document}", app.Negotiation.Document.Id.ToString())
            .Replace("{round}", app.Round.Id.ToString()).Replace("{open-round}", app.OpenRound.Id.ToString())
            .Replace("{decision}", app.OpenDecision.Id.ToString()).Replace("{closed-decision}", app.ClosedDecision.Id.ToString())
            .Replace("{meeting}", app.Meeting.Id.ToString());
        var state = who switch
        {
            Who.Person => app.PersonState,
            Who.Delegate => app.DelegateState,
            Who.Reporter => app.ReporterState,
            Who.Secretariat => app.SecretariatState,
            _ => null,
        };
        await using var context = await app.NewContextAsync(storageState: state);
        var page = await context.NewPageAsync();

        // The language both remembered (cookie) and asked for (?culture=): the status-code page
        // of "not-found" only sees the cookie (LanguageTests covers ?culture= on error pages).
        await page.GotoAsync($"/set-language?culture={culture}&returnUrl=/");
        var response = await page.GotoAsync(path + (path.Contains('?') ? "&" : "?") + "culture=" + culture);
        Assert.NotNull(response);
        Assert.Equal(pageKey == "not-found" ? 404 : 200, response.Status);
        if (submitEmpty)
        {
            // The form posts back to the same address, ?culture= included.
            await page.SubmitButton().ClickAsync();
            await Expect(page.ErrorSummary()).ToBeVisibleAsync();
            await AssertErrorLinksReachFieldsAsync(page);
        }
        var lang = await page.LangAsync();
        Assert.True(lang == culture, $"{page.Url} is in lang={lang}, not {culture}: the check would not test the {culture} page.");
        Assert.Equal(culture == "ar" ? "rtl" : "ltr", await page.Locator("html").GetAttributeAsync("dir"));

        await Axe.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Axe_ImageWithoutAlt_ReportsImageAlt()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/x.png\">')");
        var violations = await Axe.RunAsync(page);

        var imageAlt = Assert.Single(violations, v => v.Id == "image-alt");
        Assert.Contains(imageAlt.Nodes, n => n.Html.Contains("/x.png", StringComparison.Ordinal));
    }

    /// <summary>GOV.UK pattern: each message of the summary links to the field it is about.</summary>
    private static async Task AssertErrorLinksReachFieldsAsync(IPage page)
    {
        var links = page.ErrorSummary().Locator("a[href^='#']");
        var count = await links.CountAsync();
        Assert.True(count > 0, "The error summary links to no field.");
        for (var i = 0; i < count; i++)
        {
            var href = (await links.Nth(i).GetAttributeAsync("href"))!;
            var exists = await page.EvaluateAsync<bool>("id => document.getElementById(id) !== null", href[1..]);
            Assert.True(exists, $"The error summary links to {href}, which is not on the page.");
        }
    }
}
