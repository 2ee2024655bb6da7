using System.Net;
using System.Text.Json.Nodes;
using Ecp.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Ecp.Tests.Api;

/// <summary>
/// A small, real world for tests driven by the OpenAPI document: one of each thing the API names
/// by id (made through the API), the callers (the public, a registered person, an accredited
/// stakeholder and delegate, the secretariat), and a valid request for every write operation.
/// The clock is fake so one consultation can be closed without waiting.
/// </summary>
public sealed class ApiWorld : IAsyncLifetime
{
    private int extensions;

    /// <summary>A closed port on the loopback: a delivery fails at once and never leaves the machine.</summary>
    private const string WebhookUrl = "http://127.0.0.1:9/hook";

    private static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    public EcpFactory Factory { get; } = new();

    public TestPerson Secretariat { get; private set; } = null!;
    public TestPerson Registered { get; private set; } = null!;
    public TestPerson Stakeholder { get; private set; } = null!;
    public TestPerson Delegate { get; private set; } = null!;
    public HttpClient Public { get; private set; } = null!;

    public Guid BodyId { get; private set; }
    public Guid DocumentId { get; private set; }
    public Guid AmendmentId { get; private set; }
    public Guid DecisionId { get; private set; }
    public Guid OpenConsultationId { get; private set; }
    public Guid ClosedConsultationId { get; private set; }
    public Guid ContributionId { get; private set; }
    /// <summary>A contribution to the closed consultation (editing or withdrawing it must be refused).</summary>
    public Guid ClosedContributionId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid AccreditationId { get; private set; }
    public Guid FollowId { get; private set; }
    public Guid WebhookId { get; private set; }
    public Guid AssessmentId { get; private set; }
    public Guid ClosedAssessmentId { get; private set; }
    /// <summary>A result on a document adopted by consensus, with one milestone.</summary>
    public Guid ResultId { get; private set; }
    public Guid MilestoneId { get; private set; }
    public Guid AdoptedDocumentId { get; private set; }
    /// <summary>An open meeting of the world's body (every Member State), the stakeholder registered to it.</summary>
    public Guid MeetingId { get; private set; }
    public Guid RegistrationId { get; private set; }
    /// <summary>The stakeholder's request for the floor on item 1 of that meeting.</summary>
    public Guid FloorRequestId { get; private set; }
    /// <summary>A second token of the registered person, so revoking it leaves their own working.</summary>
    public Guid SpareTokenId { get; private set; }
    /// <summary>A reporter of a relevant organization, requested in two cycles: it submitted a
    /// report in <see cref="SubmittedYear"/> (revised by the tests) and drafts in <see cref="DraftingYear"/>.</summary>
    public TestPerson Reporter { get; private set; } = null!;
    public Guid ReportingOrganizationId { get; private set; }
    public int SubmittedYear { get; private set; }
    public int DraftingYear { get; private set; }
    public Guid ReportId { get; private set; }
    /// <summary>A closed cycle with one submitted report, [R-1]: its compilation may be published and revised again and again.</summary>
    public int ClosedYear { get; private set; }
    private AnnualReports.Reporting reporting = null!;

    public async Task InitializeAsync()
    {
        Factory.Clock = Clock;
        // Webhooks may aim at the loopback (a closed port: a delivery fails at once, never leaves the machine).
        Factory.Settings["Ecp:Webhooks:AllowLoopback"] = "true";
        await Factory.InitializeAsync();
        Public = Factory.CreatePublicClient();
        Secretariat = await Factory.Drafting.ChairAsync();
        Registered = await Factory.People.RegisteredAsync();
        Stakeholder = await Factory.People.StakeholderAsync();
        Delegate = await Factory.People.DelegateAsync("BRA");

        BodyId = await Factory.Drafting.BodyAsync();
        DocumentId = Drafting.Id(await Factory.Drafting.DocumentAsync(BodyId, [Drafting.Operative("invites Member States to share experience;"), Drafting.Operative("invites all stakeholders to cooperate.")]));
        AmendmentId = Drafting.Id(await Factory.Drafting.AmendmentAsync(DocumentId, Stakeholder));
        DecisionId = Drafting.Id(await Factory.Drafting.DecisionAsync());
        OrganizationId = (await Factory.People.OrganizationAsync()).Id;
        AccreditationId = (await Factory.People.PendingAccreditationAsync()).Id;
        SpareTokenId = (await Factory.People.IssueTokenAsync(Registered)).Id;

        ClosedConsultationId = await ConsultationAsync(TimeSpan.FromDays(1));
        ClosedContributionId = await ContributionAsync(ClosedConsultationId, Stakeholder);
        // Closes the first; the second stays open for a month.
        Clock.Advance(TimeSpan.FromDays(2));
        OpenConsultationId = await ConsultationAsync(TimeSpan.FromDays(30));
        ContributionId = await ContributionAsync(OpenConsultationId, Stakeholder);
        FollowId = Drafting.Id(await (await Registered.Api.PostJsonAsync("/api/v1/follows", new { bodyId = BodyId })).ExpectAsync(HttpStatusCode.Created));
        WebhookId = Drafting.Id(await (await Registered.Api.PostJsonAsync("/api/v1/webhooks", new { bodyId = BodyId, url = WebhookUrl })).ExpectAsync(HttpStatusCode.Created));

        reporting = new AnnualReports.Reporting(Factory, Clock);
        (ReportingOrganizationId, Reporter) = await reporting.ReporterAsync();
        SubmittedYear = await reporting.CycleAsync(TimeSpan.FromDays(30), ReportingOrganizationId);
        DraftingYear = await reporting.CycleAsync(TimeSpan.FromDays(30), ReportingOrganizationId);
        ReportId = Drafting.Id(await (await Reporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{SubmittedYear}/reports", AnnualReports.Reporting.Report()))
            .ExpectAsync(HttpStatusCode.Created));
        ClosedYear = await ClosedCycleAsync();
        ClosedAssessmentId = await AssessmentAsync();
        await (await Secretariat.Api.PostAsync($"/api/v1/assessments/{ClosedAssessmentId}/close", null)).ExpectAsync(HttpStatusCode.OK);
        AssessmentId = await AssessmentAsync();
        AdoptedDocumentId = Drafting.Id(await Factory.Drafting.AdoptedDocumentAsync());
        ResultId = Drafting.Id(await (await Secretariat.Api.PostJsonAsync("/api/v1/results", new { documentId = AdoptedDocumentId, title = "Capacity building" })).ExpectAsync(HttpStatusCode.Created));
        MilestoneId = await MilestoneAsync();
        MeetingId = await MeetingAsync();
        RegistrationId = await RegistrationAsync(MeetingId, Stakeholder);
        FloorRequestId = Drafting.Id((await (await Stakeholder.Api.PostJsonAsync($"/api/v1/meetings/{MeetingId}/speakers", new { agendaItem = 1 })).ExpectAsync(HttpStatusCode.OK))[0]!);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>A cycle past its deadline, with the reporter's report submitted (late) and the cycle closed.</summary>
    private async Task<int> ClosedCycleAsync()
    {
        var year = await reporting.CycleAsync(TimeSpan.FromDays(-1), ReportingOrganizationId);
        await (await Reporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", AnnualReports.Reporting.Report())).ExpectAsync(HttpStatusCode.Created);
        await (await Secretariat.Api.PostAsync($"/api/v1/reporting-cycles/{year}/close", null)).ExpectAsync(HttpStatusCode.OK);
        return year;
    }

    /// <summary>The callers every operation is tried as.</summary>
    public IEnumerable<(string Name, HttpClient Client)> Callers()
    {
        yield return ("anonymous", Public);
        yield return ("registered", Registered.Api);
        yield return ("stakeholder", Stakeholder.Api);
        yield return ("delegate", Delegate.Api);
        yield return ("secretariat", Secretariat.Api);
    }

    /// <summary>Real values for a route parameter, by the collection the path names.</summary>
    public IReadOnlyList<string> RealValues(string path, string parameter)
    {
        if (parameter == "code") return ["BRA"];
        if (parameter == "number") return ["1"];
        if (parameter == "year") return [SubmittedYear.ToString(System.Globalization.CultureInfo.InvariantCulture), DraftingYear.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // The segment may carry a suffix after the parameter ("/feeds/bodies/{id}.atom").
        var collection = segments[Array.FindIndex(segments, s => s.StartsWith("{" + parameter + "}", StringComparison.Ordinal)) - 1];
        // Issues are named by their code, the id of the taxonomy.
        if (collection == "issues") return ["net-neutrality", "root-zone"];
        Guid[] ids = collection switch
        {
            "consultations" => [OpenConsultationId, ClosedConsultationId],
            "contributions" => [ContributionId, ClosedContributionId],
            "documents" => [DocumentId],
            "amendments" => [AmendmentId],
            "decisions" => [DecisionId],
            "organizations" => [OrganizationId],
            "people" => [Registered.Id],
            "accreditations" => [AccreditationId],
            "tokens" => [SpareTokenId],
            "follows" => [FollowId],
            "webhooks" => [WebhookId],
            "bodies" => [BodyId],
            "reports" => [ReportId],
            "assessments" => [AssessmentId, ClosedAssessmentId],
            "results" => [ResultId],
            "milestones" => [MilestoneId],
            "meetings" => [MeetingId],
            "registrations" => [RegistrationId],
            "speakers" => [FloorRequestId],
            _ => [],
        };
        return ids.Select(i => i.ToString()).ToList();
    }

    /// <summary>Every id the world holds, for uuid fields of a body.</summary>
    public IReadOnlyList<Guid> AllIds()
        => [BodyId, DocumentId, AmendmentId, DecisionId, OpenConsultationId, ClosedConsultationId, ContributionId, OrganizationId, AccreditationId, ReportingOrganizationId, ReportId, AssessmentId, ResultId, MeetingId];

    /// <summary>
    /// A request the operation accepts (2xx), with targets made fresh where the operation uses
    /// them up (an accreditation decided, a decision closed): the caller, the path and the body.
    /// </summary>
    public async Task<(HttpClient Caller, string Path, JsonObject Body)?> ValidRequestAsync(string operationId)
    {
        var now = Clock.GetUtcNow();
        switch (operationId)
        {
            case "InviteParticipants":
                return (Secretariat.Api, "/api/v1/invitations", Json(new { rows = new[] { new { name = "Invited Delegate", email = $"invited-{Guid.NewGuid():N}@example.org", role = "delegate", memberStateOrOrganization = "BRA", language = "fr" } } }));
            case "RegisterOrganization":
                return (Secretariat.Api, "/api/v1/organizations", Json(new { name = $"Organization {Guid.NewGuid():N}", acronym = "ORG", stakeholderGroup = "civil-society", country = "BRA", consultativeStatus = "general", isRelevantOrganization = false }));
            case "RequestAccreditation":
                return ((await Factory.People.RegisteredAsync()).Api, "/api/v1/accreditations", Json(new { kind = "stakeholder", stakeholderGroup = "civil-society", motivation = "I work on Internet policy." }));
            case "ApproveAccreditation":
                return (Secretariat.Api, $"/api/v1/accreditations/{(await Factory.People.PendingAccreditationAsync()).Id}/approve", Json(new { note = "Welcome." }));
            case "RejectAccreditation":
                return (Secretariat.Api, $"/api/v1/accreditations/{(await Factory.People.PendingAccreditationAsync()).Id}/reject", Json(new { reason = "Not a delegate of that State." }));
            case "ChooseLanguage":
                return (Registered.Api, "/api/v1/me/language", Json(new { language = "fr" }));
            case "ChooseNaming":
                return (Registered.Api, "/api/v1/me/naming", Json(new { consent = true }));
            case "IssueApiToken":
                return (Registered.Api, "/api/v1/me/tokens", Json(new { name = "laptop" }));
            case "EstablishBody":
                return (Secretariat.Api, "/api/v1/bodies", Json(Drafting.BodyRequest()));
            case "SignRecordCheckpoint":
                return (Secretariat.Api, "/api/v1/record/checkpoints", Json(new { }));
            case "DraftDocument":
                return (Secretariat.Api, "/api/v1/documents", Json(Drafting.DocumentRequest(BodyId, [Drafting.Operative("invites Member States to share experience;")])));
            case "AddLanguageVersion":
            {
                var document = Drafting.Id(await Factory.Drafting.DocumentAsync(BodyId, [Drafting.Operative("invites Member States to share experience;")]));
                return (Secretariat.Api, $"/api/v1/documents/{document}/versions/1/languages", Json(new { language = "fr", paragraphs = new[] { "invite les États Membres à partager leur expérience ;" } }));
            }
            case "CirculateVersion":
                return (Secretariat.Api, $"/api/v1/documents/{DocumentId}/versions", Json(new { label = "second draft" }));
            case "ProposeAmendment":
                return (Stakeholder.Api, $"/api/v1/documents/{DocumentId}/amendments", Json(new { paragraph = "1", action = "replace", text = "invites Member States to share good practice;", explanation = "Clearer." }));
            case "CommentOnParagraph":
                return (Stakeholder.Api, $"/api/v1/documents/{DocumentId}/comments", Json(new { paragraph = "1", text = "We support this paragraph." }));
            case "DecideAmendment":
            {
                var amendment = Drafting.Id(await Factory.Drafting.AmendmentAsync(DocumentId, Stakeholder));
                return (Secretariat.Api, $"/api/v1/amendments/{amendment}/decision", Json(new { decision = "merge", reason = "Merged with the original wording.", mergedText = "invites Member States to share experience and good practice;" }));
            }
            case "OpenDecision":
            {
                var document = Drafting.Id(await Factory.Drafting.DocumentAsync(BodyId, [Drafting.Operative("invites Member States to share experience;")]));
                return (Secretariat.Api, "/api/v1/decisions", Json(new { documentId = document }));
            }
            case "StatePosition":
                return (Delegate.Api, $"/api/v1/decisions/{DecisionId}/positions", Json(new { position = "reservation", statement = "Brazil joins the consensus with a reservation on paragraph 2." }));
            case "StateAdvisoryView":
                return (Stakeholder.Api, $"/api/v1/decisions/{DecisionId}/advisory-views", Json(new { stance = "concerns", text = "Civil society asks for a review clause." }));
            case "CloseDecision":
                return (Secretariat.Api, $"/api/v1/decisions/{Drafting.Id(await Factory.Drafting.DecisionAsync())}/close", Json(new { outcome = "withdrawn" }));
            case "DraftConsultation":
                return (Secretariat.Api, "/api/v1/consultations", Json(ConsultationRequest(now, TimeSpan.FromDays(10))));
            case "ExtendConsultation":
                // Each extension must move the close later than the last one.
                return (Secretariat.Api, $"/api/v1/consultations/{OpenConsultationId}/extensions", Json(new { closesAt = now.AddDays(40 + Interlocked.Increment(ref extensions)), reason = "Requests from several regional groups." }));
            case "SubmitContribution":
                return ((await Factory.People.StakeholderAsync()).Api, $"/api/v1/consultations/{OpenConsultationId}/contributions", Json(Contribution("Multilingual content needs local hosting.")));
            case "EditContribution":
                return (Stakeholder.Api, $"/api/v1/contributions/{ContributionId}", Json(Contribution("Multilingual content needs local hosting, and local languages in domain names.")));
            case "HideContribution":
                return (Secretariat.Api, $"/api/v1/contributions/{await ContributionAsync(OpenConsultationId, await Factory.People.StakeholderAsync())}/hide", Json(new { reason = "spam", note = "Advertising." }));
            case "PublishSynthesis":
                return (Secretariat.Api, $"/api/v1/consultations/{await ClosedConsultationAsync()}/synthesis", Json(new { markdown = "Most contributors ask for local hosting [C-1]." }));
            case "PresentConsultation":
            {
                var synthesized = await ClosedConsultationAsync();
                await (await Secretariat.Api.PostJsonAsync($"/api/v1/consultations/{synthesized}/synthesis", new { markdown = "Local hosting [C-1]." })).ExpectAsync(HttpStatusCode.OK);
                return (Secretariat.Api, $"/api/v1/consultations/{synthesized}/presented", Json(new { meeting = "WGEC, third meeting, Geneva" }));
            }
            case "CreateWebhook":
                return ((await Factory.People.RegisteredAsync()).Api, "/api/v1/webhooks", Json(new { bodyId = BodyId, url = WebhookUrl }));
            case "FollowTarget":
                return ((await Factory.People.RegisteredAsync()).Api, "/api/v1/follows", Json(new { consultationId = OpenConsultationId }));
            case "AssessScope":
                return (Stakeholder.Api, "/api/v1/issues/net-neutrality/scope-assessments", Json(new { scope = "international-public-policy", reason = "Traffic management rules cross borders." }));
            case "ProposeMappingChange":
                return (Stakeholder.Api, "/api/v1/issues/root-zone/mapping-proposals", Json(new
                {
                    kind = "external", title = "RFC 7720, DNS Root Name Service Protocol and Deployment Requirements", url = "https://www.rfc-editor.org/rfc/rfc7720",
                    statusNote = "Published by the IETF in 2015.", gaps = new[] { "awareness" }, reason = "The protocol requirements of the root service.",
                }));
            case "DecideMappingProposal":
            {
                var proposal = await (await Stakeholder.Api.PostJsonAsync("/api/v1/issues/root-zone/mapping-proposals",
                    new { kind = "organization", organizationId = OrganizationId, reason = "They run a root server." })).ExpectAsync(HttpStatusCode.Created);
                return (Secretariat.Api, $"/api/v1/issues/root-zone/mapping-proposals/{Drafting.Id(proposal)}/decision", Json(new { decision = "reject", reason = "Not an operator of the root." }));
            }
            case "AddIssue":
                return (Secretariat.Api, "/api/v1/issues", Json(new { cluster = "security", code = $"issue-{Guid.NewGuid():N}", names = new { en = "Ransomware", fr = "Rançongiciels" } }));
            case "RenameIssue":
                return (Secretariat.Api, $"/api/v1/issues/{await IssueAsync()}/names", Json(new { names = new { en = "Cross-border data flows", es = "Flujos transfronterizos de datos" } }));
            case "MergeIssue":
                return (Secretariat.Api, $"/api/v1/issues/{await IssueAsync()}/merge", Json(new { into = await IssueAsync(), reason = "The same issue under two names." }));
            case "RetireIssue":
                return (Secretariat.Api, $"/api/v1/issues/{await IssueAsync()}/retire", Json(new { reason = "No longer an Internet-related issue." }));
            case "TagWithIssue":
                return (Secretariat.Api, $"/api/v1/issues/{await IssueAsync()}/tags", Json(new { subject = "document", subjectId = DocumentId }));
            case "UntagIssue":
            {
                var issue = await IssueAsync();
                var tagged = await (await Secretariat.Api.PostJsonAsync($"/api/v1/issues/{issue}/tags", new { subject = "document", subjectId = DocumentId })).ExpectAsync(HttpStatusCode.OK);
                return (Secretariat.Api, $"/api/v1/issues/{issue}/tags/{(string)tagged["tagged"]![0]!["id"]!}/remove", Json(new { }));
            }
            case "OpenReportingCycle":
                return (Secretariat.Api, "/api/v1/reporting-cycles", Json(new { year = reporting.NextYear(), opensAt = now, deadline = now.AddDays(30), organizationIds = new[] { ReportingOrganizationId } }));
            case "GrantExtension":
                // Each extension must move the deadline later than the last one.
                return (Secretariat.Api, $"/api/v1/reporting-cycles/{DraftingYear}/extensions",
                    Json(new { organizationId = ReportingOrganizationId, deadline = now.AddDays(40 + Interlocked.Increment(ref extensions)), reason = "The board meets after the deadline." }));
            case "SaveReportDraft":
                return (Reporter.Api, $"/api/v1/reporting-cycles/{DraftingYear}/drafts", Json(AnnualReports.Reporting.Report()));
            case "SubmitReport":
            {
                // Once per organization and cycle: a fresh reporter and cycle each time.
                var (organization, reporter) = await reporting.ReporterAsync();
                return (reporter.Api, $"/api/v1/reporting-cycles/{await reporting.CycleAsync(TimeSpan.FromDays(30), organization)}/reports", Json(AnnualReports.Reporting.Report()));
            }
            case "CloseReportingCycle":
                return (Secretariat.Api, $"/api/v1/reporting-cycles/{await reporting.CycleAsync(TimeSpan.FromDays(-1), ReportingOrganizationId)}/close", Json(new { }));
            case "PublishCompilation":
                return (Secretariat.Api, $"/api/v1/reporting-cycles/{ClosedYear}/compilation", Json(new { markdown = "## The year\n\nOpen consultations [R-1]." }));
            case "ReviseReport":
                return (Reporter.Api, $"/api/v1/reports/{ReportId}/revisions", Json(AnnualReports.Reporting.Report(reason: "A consultation was left out.")));
            case "AddReportLanguageVersion":
                // Once per language and revision: each request translates a fresh correction.
                await (await Reporter.Api.PostJsonAsync($"/api/v1/reports/{ReportId}/revisions", AnnualReports.Reporting.Report(reason: "A figure was updated."))).ExpectAsync(HttpStatusCode.OK);
                return (Reporter.Api, $"/api/v1/reports/{ReportId}/languages", Json(AnnualReports.Reporting.FrenchVersion()));
            case "OpenAssessmentRound":
                return (Secretariat.Api, "/api/v1/assessments", Json(new { title = "Assessment of implementation, 2027", closesAt = now.AddDays(30), dimensions = new[] { new { code = "open-data", name = "Open data published by the organizations" } } }));
            case "CloseAssessmentRound":
                return (Secretariat.Api, $"/api/v1/assessments/{await AssessmentAsync()}/close", Json(new { }));
            case "RateDimension":
                return (Stakeholder.Api, $"/api/v1/assessments/{AssessmentId}/ratings", Json(new { dimension = "equal-footing", score = 3, comment = "Some progress since Tunis." }));
            case "DefineResult":
                return (Secretariat.Api, "/api/v1/results", Json(new { documentId = AdoptedDocumentId, paragraph = "1", title = "Experience shared", description = "Reports from Member States." }));
            case "UpdateResultStatus":
                return (Secretariat.Api, $"/api/v1/results/{ResultId}/status", Json(new { status = "in-progress", progress = 40, reason = "Two workshops held." }));
            case "AddMilestone":
                return (Secretariat.Api, $"/api/v1/results/{ResultId}/milestones", Json(new { title = "Regional workshop", dueOn = "2027-05-01" }));
            case "CompleteMilestone":
                return (Secretariat.Api, $"/api/v1/results/{ResultId}/milestones/{await MilestoneAsync()}/done", Json(new { doneOn = "2026-06-02" }));
            case "AssignImplementers":
                return (Secretariat.Api, $"/api/v1/results/{ResultId}/implementers", Json(new { organizationIds = new[] { OrganizationId } }));
            case "ScheduleMeeting":
                return (Secretariat.Api, "/api/v1/meetings", Json(Meetings.Scheduling.Request(BodyId)));
            case "ChangeMeeting":
                // A fresh meeting: the change makes it Member-States-only, the world's own stays open.
                return (Secretariat.Api, $"/api/v1/meetings/{await MeetingAsync()}/changes", Json(Meetings.MeetingsApiTests.ChangeRequest(BodyId)));
            case "CancelMeeting":
                return (Secretariat.Api, $"/api/v1/meetings/{await MeetingAsync()}/cancel", Json(new { reason = "The room is not available." }));
            case "RecordMinutes":
                return (Secretariat.Api, $"/api/v1/meetings/{await MeetingAsync()}/minutes",
                    Json(new { summary = (string)(await Factory.CreatePublicClient().GetJsonAsync($"/api/v1/documents/{DocumentId}"))["symbol"]! }));
            case "RegisterForMeeting":
                return ((await Factory.People.StakeholderAsync()).Api, $"/api/v1/meetings/{MeetingId}/registrations", Json(new { capacity = "member" }));
            case "WithdrawRegistration":
            {
                var attendee = await Factory.People.StakeholderAsync();
                return (attendee.Api, $"/api/v1/meetings/{MeetingId}/registrations/{await RegistrationAsync(MeetingId, attendee)}/withdraw", Json(new { }));
            }
            case "ConfirmRegistration":
                return (Secretariat.Api, $"/api/v1/meetings/{MeetingId}/registrations/{await RegistrationAsync(MeetingId, await Factory.People.StakeholderAsync())}/confirm", Json(new { }));
            case "RequestFloor":
            {
                var speaker = await Factory.People.StakeholderAsync();
                await RegistrationAsync(MeetingId, speaker);
                return (speaker.Api, $"/api/v1/meetings/{MeetingId}/speakers", Json(new { agendaItem = 1 }));
            }
            case "OrderSpeakers":
            {
                var (meeting, request) = await FloorRequestAsync();
                return (Secretariat.Api, $"/api/v1/meetings/{meeting}/speakers/order", Json(new { agendaItem = 1, order = new[] { request } }));
            }
            case "GiveFloor":
            {
                var (meeting, request) = await FloorRequestAsync();
                return (Secretariat.Api, $"/api/v1/meetings/{meeting}/speakers/{request}/give", Json(new { }));
            }
            case "CloseFloor":
            {
                var (meeting, request) = await FloorRequestAsync();
                await (await Secretariat.Api.PostAsync($"/api/v1/meetings/{meeting}/speakers/{request}/give", null)).ExpectAsync(HttpStatusCode.OK);
                return (Secretariat.Api, $"/api/v1/meetings/{meeting}/speakers/{request}/close", Json(new { }));
            }
            default:
                return null;
        }
    }

    /// <summary>A fresh issue, for a write that changes or ends one.</summary>
    private async Task<string> IssueAsync()
    {
        var added = await (await Secretariat.Api.PostJsonAsync("/api/v1/issues", new { cluster = "legal", code = $"issue-{Guid.NewGuid():N}", names = new { en = "Online gambling" } }))
            .ExpectAsync(HttpStatusCode.Created);
        return (string)added["code"]!;
    }
    /// <summary>A fresh milestone of the world's result, still to be done.</summary>
    private async Task<Guid> MilestoneAsync()
    {
        var result = await (await Secretariat.Api.PostJsonAsync($"/api/v1/results/{ResultId}/milestones", new { title = "Milestone", dueOn = "2027-01-31" })).ExpectAsync(HttpStatusCode.OK);
        return Drafting.Id(result["milestones"]!.AsArray().Last(m => m!["doneOn"] is null)!);
    }

    /// <summary>An open meeting of the world's body.</summary>
    private async Task<Guid> MeetingAsync()
        => Drafting.Id(await (await Secretariat.Api.PostJsonAsync("/api/v1/meetings", Meetings.Scheduling.Request(BodyId, kind: "open-to-all-stakeholders"))).ExpectAsync(HttpStatusCode.Created));

    /// <summary>A fresh meeting (one speaker at a time per meeting) and a stakeholder's request for the floor on item 1.</summary>
    private async Task<(Guid Meeting, Guid Request)> FloorRequestAsync()
    {
        var meeting = await MeetingAsync();
        var speaker = await Factory.People.StakeholderAsync();
        await RegistrationAsync(meeting, speaker);
        var list = await (await speaker.Api.PostJsonAsync($"/api/v1/meetings/{meeting}/speakers", new { agendaItem = 1 })).ExpectAsync(HttpStatusCode.OK);
        return (meeting, Drafting.Id(list[0]!));
    }

    private static async Task<Guid> RegistrationAsync(Guid meetingId, TestPerson attendee)
    {
        var view = await (await Meetings.Scheduling.RegisterAsync(attendee, meetingId, "member")).ExpectAsync(HttpStatusCode.OK);
        return Drafting.Id(Meetings.Scheduling.Of(view, attendee));
    }

    /// <summary>An open assessment round on the default dimensions.</summary>
    private async Task<Guid> AssessmentAsync()
        => Drafting.Id(await (await Secretariat.Api.PostJsonAsync("/api/v1/assessments", new { title = "Assessment of implementation" })).ExpectAsync(HttpStatusCode.Created));

    /// <summary>A consultation that closed, with one contribution ([C-1]), made now by moving the fake clock.</summary>
    private async Task<Guid> ClosedConsultationAsync()
    {
        var id = await ConsultationAsync(TimeSpan.FromHours(1));
        await ContributionAsync(id, Stakeholder);
        Clock.Advance(TimeSpan.FromHours(2));
        return id;
    }

    private async Task<Guid> ConsultationAsync(TimeSpan closesIn)
    {
        var created = await (await Secretariat.Api.PostJsonAsync("/api/v1/consultations", ConsultationRequest(Clock.GetUtcNow(), closesIn))).ExpectAsync(HttpStatusCode.Created);
        var id = Drafting.Id(created);
        await (await Secretariat.Api.PostAsync($"/api/v1/consultations/{id}/open", null)).ExpectAsync(HttpStatusCode.OK);
        return id;
    }

    private async Task<Guid> ContributionAsync(Guid consultationId, TestPerson author)
        => Drafting.Id(await (await author.Api.PostJsonAsync($"/api/v1/consultations/{consultationId}/contributions", Contribution("Local hosting matters.")))
            .ExpectAsync(HttpStatusCode.Created));

    private object ConsultationRequest(DateTimeOffset now, TimeSpan closesIn) => new
    {
        bodyId = BodyId,
        topic = "Multilingualism online",
        description = "How to bring the next billion online in their own languages.",
        questions = new[] { "What should governments do?" },
        eligibility = "all-stakeholders",
        opensAt = now,
        closesAt = now + closesIn,
    };

    private static object Contribution(string text) => new { language = "en", consentToCite = true, answers = new[] { new { question = 1, text } } };

    private static JsonObject Json(object value) => System.Text.Json.JsonSerializer.SerializeToNode(value, System.Text.Json.JsonSerializerOptions.Web)!.AsObject();
}
