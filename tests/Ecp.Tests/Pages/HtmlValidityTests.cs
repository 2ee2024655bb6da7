using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ecp.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Ecp.Tests.Pages;

/// <summary>
/// Every kind of page, filled with demo-like data made through the API, in English and in Arabic,
/// is valid HTML by the Nu checker (vnu.jar, from npm). One run of the checker for all pages: a JVM
/// start costs seconds. Without Java or vnu.jar the test fails: it cannot vouch for the pages.
/// </summary>
public sealed class HtmlValidityTests(EcpFactory factory, ITestOutputHelper output) : IClassFixture<EcpFactory>
{
    [Fact]
    public async Task EveryPageKind_InEnglishAndArabic_IsValidHtml()
    {
        var pages = await PagesAsync();
        var dir = Directory.CreateTempSubdirectory("ecp-html-");
        try
        {
            var files = new Dictionary<string, string>();
            var n = 0;
            foreach (var (label, client, url) in pages)
            {
                foreach (var language in new[] { "en", "ar" })
                {
                    var localized = url + (url.Contains('?') ? "&" : "?") + "culture=" + language;
                    using var response = await client.GetAsync(localized);
                    Assert.True((int)response.StatusCode is < 300 or >= 400, $"{label} {localized} redirected to {response.Headers.Location}");
                    Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
                    Assert.True(response.Headers.Contains("Content-Security-Policy"), $"{label} {localized} has no Content-Security-Policy");
                    var file = Path.Combine(dir.FullName, $"{++n:D3}-{language}.html");
                    await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync());
                    files[Path.GetFileName(file)] = $"{label} {localized} ({(int)response.StatusCode})";
                }
            }
            // A form sent back with errors (the error summary, fields marked invalid).
            foreach (var language in new[] { "en", "ar" })
            {
                var browser = factory.CreateClient();
                using var refused = await browser.SubmitFormAsync($"/account/log-in?culture={language}",
                    new Dictionary<string, string> { ["Input.Email"] = "", ["Input.Password"] = "" });
                var file = Path.Combine(dir.FullName, $"{++n:D3}-{language}.html");
                await File.WriteAllTextAsync(file, await refused.Content.ReadAsStringAsync());
                files[Path.GetFileName(file)] = $"log-in refused ({language}, {(int)refused.StatusCode})";
            }

            var errors = await CheckAsync(files.Keys.Select(f => Path.Combine(dir.FullName, f)).ToList());
            var report = errors.Select(e => $"{files.GetValueOrDefault(e.Url[(e.Url.LastIndexOf('/') + 1)..], e.Url)} line {e.Line}: {e.Message}").ToList();
            foreach (var line in report) output.WriteLine(line);
            Assert.True(files.Count >= 60, $"only {files.Count} pages were checked");
            Assert.True(report.Count == 0, $"{report.Count} HTML error(s) in {files.Count} pages:\n{string.Join("\n", report.Take(200))}");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The pages to check: (what, who looks, address).</summary>
    private async Task<List<(string Label, HttpClient Client, string Url)>> PagesAsync()
    {
        var people = factory.People;
        var chair = await factory.Drafting.ChairAsync();
        var organization = await people.OrganizationAsync(relevant: true);
        var stakeholder = await people.StakeholderAsync(organization.Id);
        var delegated = await people.DelegateAsync("BRA");
        var registered = await people.RegisteredAsync();
        await people.PendingAccreditationAsync();

        // A draft with two versions, an amendment, and a decision with a position stated.
        var document = await factory.Drafting.DocumentAsync("Encourages all stakeholders to take part.", "Requests the Secretariat to report.");
        var documentId = Drafting.Id(document);
        await (await chair.Api.PostJsonAsync($"/api/v1/documents/{documentId}/versions", new { label = "second draft" })).ExpectAsync(HttpStatusCode.Created);
        await factory.Drafting.AmendmentAsync(documentId, delegated);
        var decisionId = Drafting.Id(await factory.Drafting.DecisionAsync(documentId));
        await (await delegated.Api.PostJsonAsync($"/api/v1/decisions/{decisionId}/positions", new { position = "reservation", statement = "Brazil joins with a reservation." }))
            .ExpectAsync(HttpStatusCode.OK);

        // A consultation with contributions (one not to be cited), and a questionnaire with answers.
        var bodyId = await factory.Drafting.BodyAsync();
        var consultation = await ConsultationAsync(chair, bodyId, questions: null);
        await Contribute(stakeholder, consultation, new { question = 1, text = "Multilingual domain names matter." }, consent: true);
        await Contribute(delegated, consultation, new { question = 1, text = "Local content first." }, consent: false);
        var questionnaire = await ConsultationAsync(chair, bodyId, questions: new object[]
        {
            new { text = "How far has it come?", type = "scale" },
            new { text = "Whose role?", type = "single-choice", options = new[] { "Governments", "All stakeholders" } },
            new { text = "Which issues?", type = "multiple-choice", options = new[] { "Privacy", "Access" } },
            new { text = "What next?", type = "free-text" },
        });
        await Contribute(stakeholder, questionnaire, new object[]
        {
            new { question = 1, scale = 4 }, new { question = 2, choices = new[] { 1 } }, new { question = 3, choices = new[] { 1, 2 } }, new { question = 4, text = "More." },
        }, consent: true);
        await (await stakeholder.Api.PostJsonAsync("/api/v1/follows", new { bodyId })).ExpectAsync(HttpStatusCode.Created);
        var webhook = Drafting.Id(await (await stakeholder.Api.PostJsonAsync("/api/v1/webhooks", new { bodyId, url = "https://hooks.invalid/ecp" })).ExpectAsync(HttpStatusCode.Created));

        // A reporting cycle with a report submitted and an organization that did not report.
        var reporting = new AnnualReports.Reporting(factory, TimeProvider.System);
        var (reporting1, reporter) = await reporting.ReporterAsync();
        var (reporting2, drafter) = await reporting.ReporterAsync();
        var year = await reporting.CycleAsync(TimeSpan.FromDays(30), reporting1, reporting2);
        await (await drafter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/drafts", AnnualReports.Reporting.Report())).ExpectAsync(HttpStatusCode.OK);
        var report = Drafting.Id(await (await reporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", AnnualReports.Reporting.Report())).ExpectAsync(HttpStatusCode.Created));
        await (await reporter.Api.PostJsonAsync($"/api/v1/reports/{report}/revisions", AnnualReports.Reporting.Report("Held five open consultations on the root zone.", reason: "One consultation was left out.")))
            .ExpectAsync(HttpStatusCode.OK);
        // A cycle past its deadline with a report, closed and compiled (one report cited, one organization silent).
        var compiledYear = await reporting.CycleAsync(TimeSpan.FromDays(-1), reporting1, reporting2);
        await (await reporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{compiledYear}/reports", AnnualReports.Reporting.Report())).ExpectAsync(HttpStatusCode.Created);
        await (await chair.Api.PostAsync($"/api/v1/reporting-cycles/{compiledYear}/close", null)).ExpectAsync(HttpStatusCode.OK);
        await (await chair.Api.PostJsonAsync($"/api/v1/reporting-cycles/{compiledYear}/compilation", new { markdown = "## The year\n\n*Open* consultations [R-1]." })).ExpectAsync(HttpStatusCode.OK);
        await (await chair.Api.PostJsonAsync($"/api/v1/reporting-cycles/{compiledYear}/compilation", new { markdown = "## The year\n\n*Four* open consultations [R-1]." })).ExpectAsync(HttpStatusCode.OK);

        // An issue with a mapping, a pending proposal, scope assessments and a tagged document.
        var proposal = await (await stakeholder.Api.PostJsonAsync("/api/v1/issues/net-neutrality/mapping-proposals",
            new { kind = "organization", organizationId = organization.Id, statusNote = "Studies traffic management.", gaps = new[] { "research" }, reason = "Their 2024 report." })).ExpectAsync(HttpStatusCode.Created);
        await (await chair.Api.PostJsonAsync($"/api/v1/issues/net-neutrality/mapping-proposals/{Drafting.Id(proposal)}/decision", new { decision = "accept", reason = "Verified." }))
            .ExpectAsync(HttpStatusCode.OK);
        await (await stakeholder.Api.PostJsonAsync("/api/v1/issues/net-neutrality/mapping-proposals",
            new { kind = "external", title = "BEREC guidelines", url = "https://www.berec.europa.eu/", reason = "Regional regulator guidance." })).ExpectAsync(HttpStatusCode.Created);
        await (await stakeholder.Api.PostJsonAsync("/api/v1/issues/net-neutrality/scope-assessments", new { scope = "international-public-policy", reason = "Traffic crosses borders." }))
            .ExpectAsync(HttpStatusCode.OK);
        await (await delegated.Api.PostJsonAsync("/api/v1/issues/net-neutrality/scope-assessments", new { scope = "national-public-policy", reason = "A matter for national regulators." }))
            .ExpectAsync(HttpStatusCode.OK);
        await (await chair.Api.PostJsonAsync("/api/v1/issues/net-neutrality/tags", new { subject = "document", subjectId = documentId })).ExpectAsync(HttpStatusCode.OK);
        // Two assessment rounds, the first closed, rated by a government and a stakeholder.
        var closedRound = await AssessmentAsync(chair, [(delegated, 2), (stakeholder, 4)]);
        await (await chair.Api.PostAsync($"/api/v1/assessments/{closedRound}/close", null)).ExpectAsync(HttpStatusCode.OK);
        var round = await AssessmentAsync(chair, [(delegated, 3), (stakeholder, 5)]);
        // Results of an adopted document: a parent with a child in progress, a milestone, an implementer.
        var adopted = Drafting.Id(await factory.Drafting.AdoptedDocumentAsync("invites Member States to share experience;"));
        var parentResult = Drafting.Id(await (await chair.Api.PostJsonAsync("/api/v1/results", new { documentId = adopted, title = "Experience shared" })).ExpectAsync(HttpStatusCode.Created));
        var leafResult = Drafting.Id(await (await chair.Api.PostJsonAsync("/api/v1/results", new { documentId = adopted, paragraph = "1", title = "Regional workshops", parentId = parentResult })).ExpectAsync(HttpStatusCode.Created));
        await (await chair.Api.PostJsonAsync($"/api/v1/results/{leafResult}/status", new { status = "in-progress", progress = 40, reason = "Two of five held." })).ExpectAsync(HttpStatusCode.OK);
        await (await chair.Api.PostJsonAsync($"/api/v1/results/{leafResult}/milestones", new { title = "Workshop in Africa", dueOn = "2027-05-01" })).ExpectAsync(HttpStatusCode.OK);
        await (await chair.Api.PostJsonAsync($"/api/v1/results/{leafResult}/implementers", new { organizationIds = new[] { organization.Id } })).ExpectAsync(HttpStatusCode.OK);
        // A Member-States-only meeting with one seat per group: the stakeholder seated, another waiting, the delegate a member.
        var meeting = (string)(await (await chair.Api.PostJsonAsync("/api/v1/meetings", Meetings.Scheduling.Request(bodyId, seatsPerGroup: 1,
            agenda: [new { title = "Adoption of the agenda" }, new { title = "Draft recommendations", documentId }]))).ExpectAsync(HttpStatusCode.Created))["id"]!;
        var waiter = await people.StakeholderAsync(organization.Id);
        foreach (var (who, capacity) in new[] { (stakeholder, "observer"), (waiter, "observer"), (delegated, "member") })
        {
            await (await Meetings.Scheduling.RegisterAsync(who, meeting, capacity)).ExpectAsync(HttpStatusCode.OK);
        }
        // The speakers list on item 2: Brazil has the floor, civil society waits.
        var floor = await (await delegated.Api.PostJsonAsync($"/api/v1/meetings/{meeting}/speakers", new { agendaItem = 2 })).ExpectAsync(HttpStatusCode.OK);
        await (await stakeholder.Api.PostJsonAsync($"/api/v1/meetings/{meeting}/speakers", new { agendaItem = 2 })).ExpectAsync(HttpStatusCode.OK);
        await (await chair.Api.PostAsync($"/api/v1/meetings/{meeting}/speakers/{floor[0]!["id"]}/give", null)).ExpectAsync(HttpStatusCode.OK);

        var anyone = factory.CreatePublicClient();
        var (asWaiter, _) = await people.LogInAsync(waiter);
        var (asChair, _) = await people.LogInAsync(chair);
        var (asStakeholder, _) = await people.LogInAsync(stakeholder);
        var (asDelegate, _) = await people.LogInAsync(delegated);
        var (asRegistered, _) = await people.LogInAsync(registered);
        var (asReporter, _) = await people.LogInAsync(reporter);
        var (asDrafter, _) = await people.LogInAsync(drafter);
        return
        [
            ("home", anyone, "/"),
            ("member states", anyone, "/member-states"),
            ("member state", anyone, "/member-states/BRA"),
            ("organizations", anyone, "/organizations"),
            ("organization", anyone, $"/organizations/{organization.Id}"),
            ("person", anyone, $"/people/{stakeholder.Id}"),
            ("consultations", anyone, "/consultations"),
            ("consultation", anyone, $"/consultations/{consultation}"),
            ("questionnaire", anyone, $"/consultations/{questionnaire}"),
            ("results", anyone, $"/consultations/{questionnaire}/results"),
            ("search", anyone, "/search?q=access*"),
            ("search, malformed", anyone, "/search?q=%28access"),
            ("documents", anyone, "/documents"),
            ("document", anyone, $"/documents/{documentId}"),
            ("first version", anyone, $"/documents/{documentId}?version=1"),
            ("compare", anyone, $"/documents/{documentId}/compare?from=1&to=2"),
            ("decision", anyone, $"/decisions/{decisionId}"),
            ("reporting cycles", anyone, "/reports"),
            ("reporting cycle", anyone, $"/reports/{year}"),
            ("reporting cycle, secretariat", asChair, $"/reports/{year}"),
            ("reporting cycle closed, secretariat", asChair, $"/reports/{compiledYear}"),
            ("compilation", anyone, $"/reports/{compiledYear}/compilation"),
            ("organization x year grid", anyone, "/reports/compliance"),
            ("annual report, revised", anyone, $"/reports/report/{report}"),
            ("an organization's reports across the years", anyone, $"/organizations/{reporting1}/reports"),
            ("reporter's draft form", asDrafter, $"/reports/{year}/my-report"),
            ("reporter's correction form", asReporter, $"/reports/{year}/my-report"),
            ("reporter's cycle", asDrafter, $"/reports/{year}"),
            ("reporter's account", asDrafter, "/account"),
            ("annual report, its reporter (language version form)", asReporter, $"/reports/report/{report}"),
            ("open data", anyone, "/open-data"),
            ("issue map", anyone, "/issues"),
            ("issue map, filtered", anyone, "/issues?gap=research&uncovered=true"),
            ("issue", anyone, "/issues/net-neutrality"),
            ("assessments", anyone, "/assessments"),
            ("assessment round", anyone, $"/assessments/{round}"),
            ("closed assessment round", anyone, $"/assessments/{closedRound}"),
            ("record", anyone, "/record"),
            ("log in", anyone, "/account/log-in"),
            ("sign up", anyone, "/account/sign-up"),
            ("denied", anyone, "/account/denied"),
            ("not found", anyone, "/no-such-page"),
            ("error", anyone, "/error"),
            ("my account", asStakeholder, "/account"),
            ("follows", asStakeholder, "/follows"),
            ("webhooks", asStakeholder, "/account/webhooks"),
            ("webhook deliveries", asStakeholder, $"/account/webhooks/{webhook}"),
            ("contribution form", asStakeholder, $"/consultations/{consultation}"),
            ("questionnaire form", asStakeholder, $"/consultations/{questionnaire}"),
            ("delegate's decision", asDelegate, $"/decisions/{decisionId}"),
            ("delegate's document", asDelegate, $"/documents/{documentId}"),
            ("delegate's account", asDelegate, "/account"),
            ("accreditation request", asRegistered, "/accreditation/request"),
            ("queue", asChair, "/secretariat/accreditations"),
            ("new organization", asChair, "/organizations/new"),
            ("new consultation", asChair, "/consultations/new"),
            ("new document", asChair, "/documents/new"),
            ("chair's document", asChair, $"/documents/{documentId}"),
            ("chair's consultation", asChair, $"/consultations/{consultation}"),
            ("chair's decision", asChair, $"/decisions/{decisionId}"),
            ("participant's issue", asStakeholder, "/issues/net-neutrality"),
            ("chair's issue", asChair, "/issues/net-neutrality"),
            ("chair's assessments", asChair, "/assessments"),
            ("chair's assessment round", asChair, $"/assessments/{round}"),
            ("delegate's assessment round", asDelegate, $"/assessments/{round}"),
            ("stakeholder's assessment round", asStakeholder, $"/assessments/{round}"),
            ("results dashboard", anyone, "/results"),
            ("results, filtered", anyone, "/results?status=in-progress"),
            ("result", anyone, $"/results/{parentResult}"),
            ("chair's result", asChair, $"/results/{leafResult}"),
            ("adopted document", anyone, $"/documents/{adopted}"),
            ("chair's adopted document", asChair, $"/documents/{adopted}"),
            ("meetings", anyone, "/meetings"),
            ("a body's meetings", anyone, $"/meetings?body={bodyId}"),
            ("meeting", anyone, $"/meetings/{meeting}"),
            ("chair's meeting", asChair, $"/meetings/{meeting}"),
            ("seated stakeholder's meeting", asStakeholder, $"/meetings/{meeting}"),
            ("waiting stakeholder's meeting", asWaiter, $"/meetings/{meeting}"),
            ("reporter asking to attend", asReporter, $"/meetings/{meeting}"),
            ("new meeting", asChair, "/meetings/new"),
            ("speakers list", anyone, $"/meetings/{meeting}/speakers"),
            ("chair's speakers list", asChair, $"/meetings/{meeting}/speakers"),
            ("seated stakeholder's speakers list", asStakeholder, $"/meetings/{meeting}/speakers"),
        ];
    }

    /// <summary>A round on the default dimensions, each person rating "equal-footing".</summary>
    private static async Task<string> AssessmentAsync(TestPerson secretariat, (TestPerson Who, int Score)[] ratings)
    {
        var id = (string)(await (await secretariat.Api.PostJsonAsync("/api/v1/assessments", new { title = "Implementation of enhanced cooperation" })).ExpectAsync(HttpStatusCode.Created))["id"]!;
        foreach (var (who, score) in ratings)
        {
            await (await who.Api.PostJsonAsync($"/api/v1/assessments/{id}/ratings", new { dimension = "equal-footing", score, comment = "Some progress." })).ExpectAsync(HttpStatusCode.OK);
        }
        return id;
    }

    private async Task<string> ConsultationAsync(TestPerson secretariat, Guid bodyId, object[]? questions)
    {
        var created = await (await secretariat.Api.PostJsonAsync("/api/v1/consultations", new
        {
            bodyId,
            topic = questions is null ? "Multilingualism online" : "Implementation of enhanced cooperation",
            description = "How to bring the next billion online in their own languages.",
            eligibility = "all-stakeholders",
            opensAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            closesAt = DateTimeOffset.UtcNow.AddDays(5),
            questions = questions is null ? new[] { "What should be done?" } : null,
            questionDefinitions = questions,
        })).ExpectAsync(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        await (await secretariat.Api.PostAsync($"/api/v1/consultations/{id}/open", null)).ExpectAsync(HttpStatusCode.OK);
        return id;
    }

    private static async Task Contribute(TestPerson who, string consultation, object answers, bool consent)
        => await (await who.Api.PostJsonAsync($"/api/v1/consultations/{consultation}/contributions",
            new { language = "en", consentToCite = consent, answers = answers as object[] ?? [answers] })).ExpectAsync(HttpStatusCode.Created);

    private static async Task<List<(string Url, int Line, string Message)>> CheckAsync(IReadOnlyList<string> files)
    {
        var vnu = Path.Combine(Repository.Root, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        Assert.True(File.Exists(vnu), $"{vnu} is missing: run npm ci (the HTML check cannot be skipped).");
        var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-jar", vnu, "--errors-only", "--format", "json" }.Concat(files)) start.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("java is not installed: the HTML check cannot run (test.sh installs it).", e);
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var json = (await stderr).Trim();
            if (json.Length == 0) json = (await stdout).Trim();
            var messages = JsonNode.Parse(json)?["messages"]?.AsArray() ?? throw new InvalidOperationException($"vnu answered no JSON: {json}");
            return messages.Where(m => (string?)m!["type"] is "error" or "non-document-error")
                .Select(m => ((string?)m!["url"] ?? "", (int?)m["lastLine"] ?? 0, (string?)m["message"] ?? ""))
                .ToList();
        }
    }
}
