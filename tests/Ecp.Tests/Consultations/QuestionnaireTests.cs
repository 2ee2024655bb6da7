using System.Net;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests.Consultations;

/// <summary>Questionnaire mode: typed questions, answers checked against their type, results by
/// respondent category, a chart with its table, and every answer as CSV.</summary>
public sealed class QuestionnaireTests(EcpFactory factory) : IClassFixture<EcpFactory>
{
    [Fact]
    public async Task Questionnaire_AnsweredByTwoCategories_ResultsTalliedByCategoryAndExportedAsCsv()
    {
        var id = await QuestionnaireAsync();
        var delegatePerson = await factory.People.DelegateAsync("ZAF");
        var stakeholder = await factory.People.StakeholderAsync();
        await (await delegatePerson.Api.PostJsonAsync($"/api/v1/consultations/{id}/contributions", Answers(scale: 2, choice: 1, issues: [1, 3], text: "More cooperation."))).ExpectAsync(HttpStatusCode.Created);
        await (await stakeholder.Api.PostJsonAsync($"/api/v1/consultations/{id}/contributions", Answers(scale: 4, choice: 2, issues: [3], text: "Publish reports."))).ExpectAsync(HttpStatusCode.Created);

        var results = (await factory.CreatePublicClient().GetJsonAsync($"/api/v1/consultations/{id}/results")).AsArray();
        var scale = results[0]!;
        Assert.Equal("scale", (string?)scale["type"]);
        Assert.Equal(1, (int)scale["rows"]![1]!["byCategory"]!["government"]!);   // point 2
        Assert.Equal(1, (int)scale["rows"]![3]!["byCategory"]!["civil-society"]!); // point 4
        var issues = results[2]!["rows"]!.AsArray();
        Assert.Equal(2, (int)issues[2]!["total"]!); // both named the third issue
        Assert.Equal(2, (int)results[3]!["respondents"]!);

        var csv = await factory.CreatePublicClient().GetAsync($"/api/v1/consultations/{id}/results.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("contribution,category,stakeholder_group", lines[0]);
        Assert.Equal(1 + 8, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("C-1,government,government,ZAF") && l.Contains("Cybersecurity; Access"));

        var page = await factory.CreatePublicClient().GetPageAsync($"/consultations/{id}/results");
        Assert.Equal(4 * 2, page.QuerySelectorAll("main table").Length); // by category, and by ECOSOC status
        Assert.Equal(3, page.QuerySelectorAll("main svg[aria-hidden=true]").Length); // no chart for free text
    }

    [Fact]
    public async Task Questionnaire_AnswerOutsideItsType_IsRefused()
    {
        var id = await QuestionnaireAsync();
        var stakeholder = await factory.People.StakeholderAsync();
        var head = await factory.CreatePublicClient().RecordHeadAsync();
        await (await stakeholder.Api.PostJsonAsync($"/api/v1/consultations/{id}/contributions", Answers(scale: 6, choice: 1, issues: [1], text: "x"))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await (await stakeholder.Api.PostJsonAsync($"/api/v1/consultations/{id}/contributions", Answers(scale: 3, choice: 9, issues: [1], text: "x"))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await (await stakeholder.Api.PostJsonAsync($"/api/v1/consultations/{id}/contributions", Answers(scale: 3, choice: 1, issues: [1, 1], text: "x"))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(head, await factory.CreatePublicClient().RecordHeadAsync());
    }

    [Fact]
    public async Task Questionnaire_ChoiceQuestionWithOneOption_IsRefused()
    {
        var secretariat = await factory.People.SecretariatAsync();
        var body = await (await secretariat.Api.PostJsonAsync("/api/v1/bodies", Drafting.BodyRequest())).ExpectAsync(HttpStatusCode.Created);
        var refused = await (await secretariat.Api.PostJsonAsync("/api/v1/consultations", new
        {
            bodyId = (string)body["id"]!, topic = "Q", description = "D", eligibility = "all-stakeholders",
            opensAt = DateTimeOffset.UtcNow, closesAt = DateTimeOffset.UtcNow.AddDays(1),
            questionDefinitions = new[] { new { text = "Pick", type = "single-choice", options = new[] { "Only" } } },
        })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(refused["errors"]!["questions"]);
    }

    [Fact]
    public async Task DraftConsultation_TypedQuestionsInQuestions_CreatedWithTheirTypesBesidePlainStrings()
    {
        var secretariat = await factory.People.SecretariatAsync();
        var body = await (await secretariat.Api.PostJsonAsync("/api/v1/bodies", Drafting.BodyRequest())).ExpectAsync(HttpStatusCode.Created);
        var created = await (await secretariat.Api.PostJsonAsync("/api/v1/consultations", new
        {
            bodyId = (string)body["id"]!, topic = "Typed through the API", description = "D", eligibility = "all-stakeholders",
            opensAt = DateTimeOffset.UtcNow, closesAt = DateTimeOffset.UtcNow.AddDays(1),
            questions = new object[]
            {
                "What else?",
                new { text = "How far?", type = "scale" },
                new { text = "Whose role?", type = "single-choice", options = new[] { "Governments", "All" } },
                new { text = "Which issues?", type = "multiple-choice", options = new[] { "Access", "Privacy", "Security" } },
            },
        })).ExpectAsync(HttpStatusCode.Created);

        // The shape GET returns is the shape POST takes.
        var questions = (await factory.CreatePublicClient().GetJsonAsync($"/api/v1/consultations/{(string)created["id"]!}"))["questions"]!.AsArray();
        Assert.Equal(["free-text", "scale", "single-choice", "multiple-choice"], questions.Select(q => (string)q!["type"]!));
        Assert.Equal(["Access", "Privacy", "Security"], questions[3]!["options"]!.AsArray().Select(o => (string)o!));
        Assert.Empty(questions[1]!["options"]!.AsArray());
    }

    [Fact]
    public async Task NewConsultationPage_TypedLines_CreateTheSameTypedQuestionsAsTheApi()
    {
        var secretariat = await factory.People.SecretariatAsync();
        var body = await (await secretariat.Api.PostJsonAsync("/api/v1/bodies", Drafting.BodyRequest())).ExpectAsync(HttpStatusCode.Created);
        var (browser, _) = await factory.People.LogInAsync(secretariat);
        var posted = await browser.SubmitFormAsync("/consultations/new", new Dictionary<string, string>
        {
            ["Input.BodyId"] = (string)body["id"]!, ["Input.Topic"] = "Typed on the page", ["Input.Description"] = "D",
            ["QuestionText"] = "What else? [bracketed, but plain]\nHow far? [scale]\nWhose role? [single-choice: Governments; All]\nWhich issues? [multiple-choice: Access; Privacy; Security]",
            ["Input.Eligibility"] = "all-stakeholders",
            ["Input.OpensAt"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm"), ["Input.ClosesAt"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-ddTHH:mm"),
        }, "main form");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var questions = (await factory.CreatePublicClient().GetJsonAsync("/api/v1" + posted.Headers.Location!.OriginalString.Replace("http://localhost", "")))["questions"]!.AsArray();
        Assert.Equal(["free-text", "scale", "single-choice", "multiple-choice"], questions.Select(q => (string)q!["type"]!));
        Assert.Equal(["What else? [bracketed, but plain]", "How far?", "Whose role?", "Which issues?"], questions.Select(q => (string)q!["text"]!));
        Assert.Equal(["Access", "Privacy", "Security"], questions[3]!["options"]!.AsArray().Select(o => (string)o!));

        // The same rule as the API: a choice needs two options.
        var refused = await browser.SubmitFormAsync("/consultations/new", new Dictionary<string, string>
        {
            ["Input.BodyId"] = (string)body["id"]!, ["Input.Topic"] = "Refused", ["Input.Description"] = "D",
            ["QuestionText"] = "Pick [single-choice: Only]", ["Input.Eligibility"] = "all-stakeholders",
            ["Input.OpensAt"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm"), ["Input.ClosesAt"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-ddTHH:mm"),
        }, "main form");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotNull((await Html.ParseAsync(refused)).QuerySelector(".error-summary a[href='#QuestionText']"));
    }

    [Theory]
    [InlineData("scale", new[] { "1", "2", "3", "4", "5", "6", "7", "8", "9", "10" })]
    [InlineData("free-text", new[] { "Yes", "No" })]
    [InlineData("ranking", new[] { "A", "B" })]
    [InlineData("multiple-choice", new[] { "Only" })]
    public async Task DraftConsultation_TypedQuestionOutsideTheRules_IsRefusedAndNothingRecorded(string type, string[] options)
    {
        var secretariat = await factory.People.SecretariatAsync();
        var body = await (await secretariat.Api.PostJsonAsync("/api/v1/bodies", Drafting.BodyRequest())).ExpectAsync(HttpStatusCode.Created);
        var head = await factory.CreatePublicClient().RecordHeadAsync();
        var refused = await (await secretariat.Api.PostJsonAsync("/api/v1/consultations", new
        {
            bodyId = (string)body["id"]!, topic = "Q", description = "D", eligibility = "all-stakeholders",
            opensAt = DateTimeOffset.UtcNow, closesAt = DateTimeOffset.UtcNow.AddDays(1),
            questions = new object[] { "Fine?", new { text = "Pick", type, options } },
        })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(refused["errors"]!["questions"]);
        Assert.Equal(head, await factory.CreatePublicClient().RecordHeadAsync());
    }

    [Fact]
    public async Task Questionnaire_RespondentsWithEcosocStatus_TalliedByStatusInApiPageAndCsv()
    {
        var id = await QuestionnaireAsync();
        var secretariat = await factory.People.SecretariatAsync();
        var special = await (await secretariat.Api.PostJsonAsync("/api/v1/organizations", new
        {
            name = $"NGO {Guid.NewGuid():N}", stakeholderGroup = "civil-society", consultativeStatus = "special",
        })).ExpectAsync(HttpStatusCode.Created);
        var ngo = await factory.People.StakeholderAsync(Guid.Parse((string)special["id"]!));
        var unaffiliated = await factory.People.StakeholderAsync();
        var delegatePerson = await factory.People.DelegateAsync("KEN");
        await (await ngo.Api.PostJsonAsync($"/api/v1/consultations/{id}/contributions", Answers(scale: 5, choice: 2, issues: [2], text: "Open."))).ExpectAsync(HttpStatusCode.Created);
        await (await unaffiliated.Api.PostJsonAsync($"/api/v1/consultations/{id}/contributions", Answers(scale: 5, choice: 2, issues: [2], text: "Yes."))).ExpectAsync(HttpStatusCode.Created);
        await (await delegatePerson.Api.PostJsonAsync($"/api/v1/consultations/{id}/contributions", Answers(scale: 5, choice: 1, issues: [1], text: "No."))).ExpectAsync(HttpStatusCode.Created);

        var results = (await factory.CreatePublicClient().GetJsonAsync($"/api/v1/consultations/{id}/results")).AsArray();
        var five = results[0]!["rows"]![4]!;
        Assert.Equal(3, (int)five["total"]!);
        Assert.Equal(1, (int)five["byEcosocStatus"]!["special"]!);
        Assert.Equal(1, (int)five["byEcosocStatus"]!["none"]!); // the unaffiliated stakeholder; the government is not counted here
        Assert.Equal(0, (int)five["byEcosocStatus"]!["general"]!);
        Assert.Equal(0, (int)five["byEcosocStatus"]!["roster"]!);

        var csv = (await (await factory.CreatePublicClient().GetAsync($"/api/v1/consultations/{id}/results.csv")).Content.ReadAsStringAsync())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = csv[0].Split(',');
        var (ecosoc, question) = (Array.IndexOf(header, "ecosoc_status"), Array.IndexOf(header, "question"));
        Assert.Equal(["special", "none", ""], csv.Skip(1).Select(l => l.Split(',')).Where(f => f[question] == "1").Select(f => f[ecosoc]));

        var page = await factory.CreatePublicClient().GetPageAsync($"/consultations/{id}/results?culture=fr");
        var table = page.QuerySelectorAll("main section")[0].QuerySelectorAll("table")[1];
        Assert.Equal(["Général", "Spécial", "Liste", "Aucun"], table.QuerySelectorAll("thead th").Skip(1).Select(th => th.TextContent.Trim()));
        Assert.Equal(["0", "1", "0", "1"], table.QuerySelectorAll("tbody tr")[4].QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
    }

    [Fact]
    public async Task ContributeForm_EveryQuestionTypeAnsweredOnThePage_StoredAsTheApiWouldStoreIt()
    {
        var id = await QuestionnaireAsync();
        var (browser, _) = await factory.People.LogInAsync(await factory.People.DelegateAsync("URY"));
        var page = await browser.GetPageAsync($"/consultations/{id}");
        // The names and values the form itself offers: a point of the scale, an option, a text.
        string Input(string selector) => page.QuerySelector(selector)?.GetAttribute("name") ?? throw new InvalidOperationException(selector);
        var point = page.QuerySelector("input[id='choice-1-4']")!;

        using var posted = await browser.SubmitFormAsync(page, $"/consultations/{id}", new Dictionary<string, string>
        {
            [point.GetAttribute("name")!] = point.GetAttribute("value")!,
            [Input("input[id='choice-2-3']")] = "3",
            [Input("input[id='choice-3-2']")] = "2",
            ["Answers[4]"] = "Report every year.",
            ["Contribute.Language"] = "en",
        }, "form[action*='handler=Contribute']");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var results = (await factory.CreatePublicClient().GetJsonAsync($"/api/v1/consultations/{id}/results")).AsArray();
        Assert.Equal(1, (int)results[0]!["rows"]![3]!["byCategory"]!["government"]!); // point 4 of the scale
        Assert.Equal(1, (int)results[1]!["rows"]![2]!["byCategory"]!["government"]!); // "Both"
        Assert.Equal(1, (int)results[2]!["rows"]![1]!["byCategory"]!["government"]!); // "Privacy"
    }

    private async Task<string> QuestionnaireAsync()
    {
        var secretariat = await factory.People.SecretariatAsync();
        var body = await (await secretariat.Api.PostJsonAsync("/api/v1/bodies", Drafting.BodyRequest())).ExpectAsync(HttpStatusCode.Created);
        var created = await (await secretariat.Api.PostJsonAsync("/api/v1/consultations", new
        {
            bodyId = (string)body["id"]!, topic = "Implementation of enhanced cooperation", description = "WGEC questionnaire.",
            eligibility = "all-stakeholders", opensAt = DateTimeOffset.UtcNow.AddMinutes(-1), closesAt = DateTimeOffset.UtcNow.AddDays(5),
            questionDefinitions = new object[]
            {
                new { text = "How far has it come?", type = "scale" },
                new { text = "Whose role?", type = "single-choice", options = new[] { "Governments", "All stakeholders", "Both" } },
                new { text = "Which issues?", type = "multiple-choice", options = new[] { "Cybersecurity", "Privacy", "Access" } },
                new { text = "What next?", type = "free-text" },
            },
        })).ExpectAsync(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        await (await secretariat.Api.PostAsync($"/api/v1/consultations/{id}/open", null)).ExpectAsync(HttpStatusCode.OK);
        return id;
    }

    private static object Answers(int scale, int choice, int[] issues, string text) => new
    {
        language = "en",
        consentToCite = true,
        answers = new object[]
        {
            new { question = 1, scale },
            new { question = 2, choices = new[] { choice } },
            new { question = 3, choices = issues },
            new { question = 4, text },
        },
    };
}
