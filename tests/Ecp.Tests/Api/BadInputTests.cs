using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests.Api;

/// <summary>Whatever a client sends, the API answers with a problem detail in the caller's language.</summary>
public sealed class BadInputTests(EcpFactory app) : IClassFixture<EcpFactory>
{
    [Fact]
    public async Task Post_MalformedJson_400ProblemWithDetail()
    {
        var person = await app.People.RegisteredAsync();

        var response = await person.Api.SendAsync(MalformedJson());

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]));
        Assert.DoesNotContain("Problem.", (string)problem["detail"]!); // a message, not a resource key
    }

    [Fact]
    public async Task Post_MalformedJsonInFrench_ProblemInFrench()
    {
        var person = await app.People.RegisteredAsync();

        var english = await (await person.Api.SendAsync(MalformedJson("en"))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var french = await (await person.Api.SendAsync(MalformedJson("fr"))).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEqual((string?)english["detail"], (string?)french["detail"]);
        Assert.NotEqual((string?)english["title"], (string?)french["title"]);
    }

    [Fact]
    public async Task Post_WrongJsonType_400Problem()
    {
        var person = await app.People.RegisteredAsync();

        var response = await person.Api.PostAsync("/api/v1/accreditations",
            new StringContent("""{"kind":"delegate","memberState":["BRA"],"motivation":42}""", Encoding.UTF8, "application/json"));

        await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_InvalidFields_ErrorsKeyedByCamelCasedField()
    {
        var secretariat = await app.People.SecretariatAsync();

        var response = await secretariat.Api.PostJsonAsync("/api/v1/organizations",
            new { name = "", stakeholderGroup = "government", country = "XYZ", consultativeStatus = "gold" });

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("validation", (string)problem["code"]!);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["consultativeStatus", "country", "name", "stakeholderGroup"], errors.Select(e => e.Key).Order(StringComparer.Ordinal).ToArray());
        Assert.All(errors, e => Assert.All(e.Value!.AsArray(), m => Assert.False(string.IsNullOrWhiteSpace((string?)m))));
    }

    [Fact]
    public async Task Post_InvalidFieldsInFrench_MessagesInFrench()
    {
        var person = await app.People.RegisteredAsync();

        async Task<JsonNode> Ask(string language)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/accreditations")
            {
                Content = new StringContent("""{"kind":"delegate","memberState":"XYZ"}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
            return await (await person.Api.SendAsync(request)).ExpectProblemAsync(HttpStatusCode.BadRequest);
        }

        var english = await Ask("en");
        var french = await Ask("fr");

        Assert.NotEqual((string?)english["errors"]!["motivation"]![0], (string?)french["errors"]!["motivation"]![0]);
        Assert.NotEqual((string?)english["errors"]!["memberState"]![0], (string?)french["errors"]!["memberState"]![0]);
    }

    [Fact]
    public async Task Get_UnknownApiRoute_404Problem()
    {
        var response = await app.CreatePublicClient().GetAsync("/api/v1/no-such-thing");

        await response.ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    private static HttpRequestMessage MalformedJson(string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/accreditations")
        {
            Content = new StringContent("{\"kind\": \"delegate\", \"memberState\": ", Encoding.UTF8, "application/json"),
        };
        if (language is not null) request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return request;
    }
}
