using System.Net;
using System.Text;
using Ecp.Common;
using Ecp.Data;
using Ecp.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ecp.Tests.Infrastructure.Drafting;

namespace Ecp.Tests.Text;

/// <summary>The input rule where requests are bound: the API answers 400 naming the field, a form
/// shows the message beside the field, and nothing is stored or recorded.</summary>
public sealed class HostileInputTests(EcpFactory app) : IClassFixture<EcpFactory>
{
    [Fact]
    public async Task RegisterOrganization_NameWithRightToLeftOverride_400NamingTheFieldAndNothingRecorded()
    {
        var secretariat = await app.People.SecretariatAsync();
        var head = await app.CreatePublicClient().RecordHeadAsync();

        var problem = await (await secretariat.Api.PostJsonAsync("/api/v1/organizations",
            new { name = "org \u202E(QA)", stakeholderGroup = "civil-society" })).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("validation", (string?)problem["code"]);
        var message = (string)problem["errors"]!["name"]![0]!;
        Assert.Contains("U+202E", message);
        Assert.Equal(head, await app.CreatePublicClient().RecordHeadAsync());
    }

    [Fact]
    public async Task RegisterOrganization_NameOfZeroWidthCharactersInFrench_400WithTheFrenchMessage()
    {
        var secretariat = await app.People.SecretariatAsync();
        secretariat.Api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");

        var problem = await (await secretariat.Api.PostJsonAsync("/api/v1/organizations",
            new { name = "\u200B\u200C\u200D", stakeholderGroup = "civil-society" })).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("Saisissez un nom comportant au moins une lettre, un chiffre ou un signe visible.", (string)problem["errors"]!["name"]![0]!);
    }

    [Fact]
    public async Task DraftDocument_ParagraphWithNullCharacter_400NamingTheParagraph()
    {
        var chair = await app.Drafting.ChairAsync();
        var symbol = UniqueSymbol();

        var problem = await (await chair.Api.PostJsonAsync("/api/v1/documents",
            DocumentRequest(null, [Operative("fine"), Operative("invites \0 all")], symbol))).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("U+0000", (string)problem["errors"]!["paragraphs[1].text"]![0]!);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Documents.AnyAsync(d => d.Symbol == symbol));
    }

    [Fact]
    public async Task DraftConsultation_ClosingInTheYear9999_400NamingTheDate()
    {
        var secretariat = await app.People.SecretariatAsync();
        var body = await app.Drafting.BodyAsync();

        var problem = await (await secretariat.Api.PostJsonAsync("/api/v1/consultations",
            TextScenario.ConsultationRequest(body, "Dates", closesAt: new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero)))).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("Enter a date from 1945-01-01 to 2199-12-31.", (string)problem["errors"]!["closesAt"]![0]!);
    }

    [Fact]
    public async Task Api_LoneSurrogateEscapedInJson_400NotA500()
    {
        var secretariat = await app.People.SecretariatAsync();
        var json = """{"name":"lone \ud800 surrogate","stakeholderGroup":"civil-society"}""";

        using var response = await secretariat.Api.PostAsync("/api/v1/organizations", new StringContent(json, Encoding.UTF8, "application/json"));

        // System.Text.Json refuses the escape while binding (a JsonException): the framework's 400.
        await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Api_HostileQueryString_400NamingTheParameter()
    {
        var problem = await (await app.CreatePublicClient().GetAsync("/api/v1/organizations?group=%1B")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["group"]);
    }

    [Fact]
    public async Task Api_EveryEndpoint_CarriesTheInputRule()
    {
        // A feature that maps its endpoints on a group of its own must put it under the rule too
        // (WithInputRules); this finds the one that forgot.
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .ToList();

        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e => Assert.True(e.Metadata.GetMetadata<InputRulesMetadata>() is not null, $"{e.DisplayName} is not under the input rule."));
    }

    [Fact]
    public async Task SignUpForm_DisplayNameOfZeroWidthCharacters_ErrorBesideTheFieldAndInTheSummaryNothingStored()
    {
        var browser = app.CreateClient();
        var email = $"invisible-{Guid.NewGuid():N}@test.example";

        using var response = await browser.SubmitFormAsync("/account/sign-up", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "\u200B\u2060",
            ["Input.Email"] = email,
            ["Input.Password"] = TestPeople.Password,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#Input_DisplayName']"));
        Assert.Equal("true", page.QuerySelector("#Input_DisplayName")!.GetAttribute("aria-invalid"));
        Assert.Contains("visible", page.QuerySelector("#Input_DisplayName-error")!.TextContent);
        // The page is shown again with what was typed.
        Assert.Equal(email, page.QuerySelector("#Input_Email")!.GetAttribute("value"));
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AnyAsync(u => u.Email == email));
    }

    [Fact]
    public async Task RegisterOrganizationForm_NameWithEscapeInArabic_ArabicErrorOnThePageAndNothingStored()
    {
        var secretariat = await app.People.SecretariatAsync();
        var (browser, _) = await app.People.LogInAsync(secretariat);
        var name = $"Escaped {Guid.NewGuid():N}\u001B[2J";

        using var response = await browser.SubmitFormAsync("/organizations/new?culture=ar", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.StakeholderGroup"] = "civil-society",
        }, "main form[method=post]");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("ar", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("U+001B", page.QuerySelector("#Input_Name-error")!.TextContent);
        Assert.Contains("حرف", page.QuerySelector(".error-summary")!.TextContent);
        // The choices the GET handler loads are there: the page is whole.
        Assert.NotNull(page.QuerySelector("select#Input_StakeholderGroup option[value='civil-society']"));
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Organizations.AnyAsync(o => o.Name.StartsWith(name.Substring(0, 40))));
    }

    [Fact]
    public async Task ContributeForm_AnswerWithEscape_PageShownAgainWithTheErrorAndNothingSubmitted()
    {
        var secretariat = await app.People.SecretariatAsync();
        var consultation = await TextScenario.OpenConsultationAsync(secretariat, await app.Drafting.BodyAsync(), "Escapes");
        var (browser, _) = await app.People.LogInAsync(await app.People.DelegateAsync("CHL"));

        using var response = await browser.SubmitFormAsync($"/consultations/{consultation}", new Dictionary<string, string>
        {
            ["Answers[1]"] = "Because \u001B[2J of this.",
            ["Contribute.Language"] = "en",
        }, "form[action*='handler=Contribute']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("U+001B", page.QuerySelector(".error-summary")!.TextContent);
        // The page the GET handler loads for this consultation (route id and all), not an empty shell.
        Assert.Equal("Escapes", page.QuerySelector("h1")!.TextContent.Trim());
        var contributions = await app.CreatePublicClient().GetJsonAsync($"/api/v1/consultations/{consultation}");
        Assert.Equal(0, (int)contributions["attribution"]!["total"]!);
    }
}
