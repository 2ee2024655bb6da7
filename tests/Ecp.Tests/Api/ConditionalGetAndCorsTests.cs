using System.Net;
using System.Net.Http.Headers;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests.Api;

/// <summary>Public reads for outside clients: an ETag on every read answer, 304 when it has not
/// changed, and CORS that lets any site read but no site write.</summary>
public sealed class ConditionalGetAndCorsTests(EcpFactory app) : IClassFixture<EcpFactory>
{
    [Theory]
    [InlineData("/api/v1/issues")]
    [InlineData("/api/v1/member-states")]
    [InlineData("/api/v1/record?limit=5")]
    [InlineData("/feeds/consultations.atom")]
    public async Task Read_Unchanged_304WithTheSameTagAndNoBody(string url)
    {
        var client = app.CreatePublicClient();
        var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.False(tag.IsWeak);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(tag);
        var second = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(tag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Read_AfterAChange_200WithANewTag()
    {
        var client = app.CreatePublicClient();
        var before = await client.GetAsync("/api/v1/issues/taxation");
        var tag = before.Headers.ETag!;
        var stakeholder = await app.People.StakeholderAsync();
        await (await stakeholder.Api.PostJsonAsync("/api/v1/issues/taxation/scope-assessments", new { scope = "national-public-policy", reason = "Tax is sovereign." }))
            .ExpectAsync(HttpStatusCode.OK);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/issues/taxation");
        request.Headers.IfNoneMatch.Add(tag);
        var after = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(tag, after.Headers.ETag);
        Assert.Contains("\"nationalPublicPolicy\":1", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Read_WithAnotherTag_200WithTheBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/issues");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"not-this-one\""));

        var response = await app.CreatePublicClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Cors_PublicRead_AnyOriginMayRead()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/issues");
        request.Headers.Add("Origin", "https://research.example");

        var response = await app.CreatePublicClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("ETag", response.Headers.GetValues("Access-Control-Expose-Headers").Single());
    }

    [Fact]
    public async Task Cors_WritePreflight_NotAllowed()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/issues/taxation/scope-assessments");
        preflight.Headers.Add("Origin", "https://attacker.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

        var response = await app.CreatePublicClient().SendAsync(preflight);

        Assert.False(response.Headers.TryGetValues("Access-Control-Allow-Methods", out var methods) && methods.Any(m => m.Contains("POST")));
    }
}
