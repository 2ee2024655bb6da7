using System.Net;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests.Pages;

/// <summary>Delegates on slow connections: a page in a non-Latin language is sent as its own
/// characters, not as numeric entities that make it several times larger.</summary>
public sealed class PageWeightTests(EcpFactory app) : IClassFixture<EcpFactory>
{
    [Theory]
    [InlineData("ar", "المنصة")]
    [InlineData("ru", "Платформа")]
    [InlineData("zh", "平台")]
    public async Task Page_InANonLatinLanguage_IsSentAsCharactersNotEntities(string culture, string word)
    {
        using var response = await app.CreatePublicClient().GetAsync($"/?culture={culture}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
        Assert.Contains(word, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserText_WithMarkup_IsStillEncoded()
    {
        var secretariat = await app.People.SecretariatAsync();
        var name = $"<script>alert(1)</script> Société {Guid.NewGuid():N}";
        (await secretariat.Api.PostJsonAsync("/api/v1/organizations",
            new { name, stakeholderGroup = "civil-society", country = "FRA", consultativeStatus = "none" })).EnsureSuccessStatusCode();

        var html = await (await app.CreatePublicClient().GetAsync("/organizations?culture=fr")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Société", html, StringComparison.Ordinal);
    }
}
