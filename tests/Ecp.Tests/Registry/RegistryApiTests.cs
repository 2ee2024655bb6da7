using System.Net;
using System.Text.Json.Nodes;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests.Registry;

public sealed class RegistryApiTests(EcpFactory app) : IClassFixture<EcpFactory>
{
    private static readonly string[] RegionalGroups = ["african", "asia-pacific", "eastern-european", "latin-american-caribbean", "western-european-other"];

    [Fact]
    public async Task MemberStates_Listed_All193WithNamesInSixLanguagesAndARegionalGroup()
    {
        var states = (await app.CreatePublicClient().GetJsonAsync("/api/v1/member-states")).AsArray();

        Assert.Equal(193, states.Count);
        Assert.Equal(193, states.Select(s => (string)s!["code"]!).Distinct().Count());
        foreach (var state in states)
        {
            foreach (var language in new[] { "ar", "zh", "en", "fr", "ru", "es" })
            {
                Assert.False(string.IsNullOrWhiteSpace((string?)state!["names"]?[language]), $"{state!["code"]} has no name in {language}");
            }
            Assert.Contains((string)state!["regionalGroup"]!["code"]!, RegionalGroups);
        }
    }

    [Fact]
    public async Task MemberStates_GroupFilter_OnlyThatGroup()
    {
        var african = (await app.CreatePublicClient().GetJsonAsync("/api/v1/member-states?group=african")).AsArray();

        Assert.InRange(african.Count, 50, 60); // 54 at the time of writing
        Assert.All(african, s => Assert.Equal("african", (string)s!["regionalGroup"]!["code"]!));
        Assert.Contains(african, s => (string)s!["code"]! == "KEN");
        Assert.DoesNotContain(african, s => (string)s!["code"]! == "FRA");
    }

    [Fact]
    public async Task MemberState_KnownCode_ReturnsIt()
    {
        var france = await app.CreatePublicClient().GetJsonAsync("/api/v1/member-states/FRA");

        Assert.Equal("FRA", (string)france["code"]!);
        Assert.Equal("FR", (string)france["alpha2"]!);
        Assert.Equal("France", (string)france["names"]!["fr"]!);
        Assert.Equal("western-european-other", (string)france["regionalGroup"]!["code"]!);
    }

    [Fact]
    public async Task MemberState_UnknownCode_404ProblemDetail()
    {
        var response = await app.CreatePublicClient().GetAsync("/api/v1/member-states/XYZ");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
    }

    [Fact]
    public async Task StakeholderGroups_Listed_TheSixGroups()
    {
        var groups = (await app.CreatePublicClient().GetJsonAsync("/api/v1/stakeholder-groups")).AsArray();

        Assert.Equal(
            ["government", "private-sector", "civil-society", "technical-academic", "intergovernmental-organization", "international-organization"],
            groups.Select(g => (string)g!["code"]!).ToArray());
        Assert.All(groups, g => Assert.False(string.IsNullOrWhiteSpace((string?)g!["name"])));
    }

    [Fact]
    public async Task Organizations_AfterRegistration_ListsIt()
    {
        var secretariat = await app.People.SecretariatAsync();
        var name = $"Internet Society chapter {Guid.NewGuid():N}";
        var created = await (await secretariat.Api.PostJsonAsync("/api/v1/organizations",
            new { name, acronym = "ISOC", stakeholderGroup = "technical-academic", country = "che", consultativeStatus = "special", isRelevantOrganization = true }))
            .ExpectAsync(HttpStatusCode.Created);

        var listed = (await app.CreatePublicClient().GetJsonAsync("/api/v1/organizations")).AsArray()
            .Single(o => (string)o!["id"]! == (string)created["id"]!)!;

        Assert.Equal(name, (string)listed["name"]!);
        Assert.Equal("technical-academic", (string)listed["stakeholderGroup"]!["code"]!);
        Assert.Equal("CHE", (string)listed["country"]!);
        Assert.Equal("special", (string)listed["consultativeStatus"]!);
        Assert.True((bool)listed["relevantOrganization"]!);
        var relevant = (await app.CreatePublicClient().GetJsonAsync("/api/v1/organizations?relevant=true")).AsArray();
        Assert.Contains(relevant, o => (string)o!["id"]! == (string)created["id"]!);
    }

    [Fact]
    public async Task Health_Requested_200()
    {
        var response = await app.CreatePublicClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_Requested_JsonDescribingTheApi()
    {
        var response = await app.CreatePublicClient().GetAsync("/openapi/v1.json");

        var document = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var paths = document["paths"]!.AsObject();
        Assert.True(paths.ContainsKey("/api/v1/member-states"), "the member-states path is described");
        Assert.True(paths.ContainsKey("/api/v1/record"), "the record path is described");
        Assert.True(paths.ContainsKey("/api/v1/accreditations/{id}/approve"), "the approve path is described");
    }
}
