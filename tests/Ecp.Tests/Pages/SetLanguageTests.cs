using System.Net;
using Ecp.Common;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests.Pages;

/// <summary>The language switcher returns to a page of this site, whatever it is given: never
/// another host, never a 500 (issue 8, finding 3).</summary>
public sealed class SetLanguageTests(EcpFactory factory) : IClassFixture<EcpFactory>
{
    [Theory]
    [InlineData("%2F%5Cevil.example")]       // "/\evil.example": browsers read it as //evil.example
    [InlineData("%2F%09%2Fevil.example")]    // "/<tab>/evil.example": browsers drop the tab
    [InlineData("%2Fa%0Ab")]                 // a line feed: header injection
    [InlineData("%2Fa%0D%0ASet-Cookie:%20x=1")]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("%5C%5Cevil.example")]
    [InlineData("https%3A%2F%2Fevil.example%2F")]
    [InlineData("%2F%00")]
    [InlineData("%2F%C2%85")]                 // C1 control (NEL)
    [InlineData("%2F%E2%80%A8")]              // line separator
    [InlineData("%2Fa%5Cb")]
    [InlineData("evil.example")]
    [InlineData("")]
    public async Task SetLanguage_UnsafeReturnUrl_RedirectsHome(string returnUrl)
    {
        using var response = await factory.CreatePublicClient().GetAsync($"/set-language?culture=fr&returnUrl={returnUrl}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.Contains("fr"));
    }

    [Theory]
    [InlineData("%2F%C3%A9", "/%C3%A9")]                      // "/é": percent-encoded, not a 500
    [InlineData("%2Fconsultations%3Fpage%3D2", "/consultations?page=2")]
    [InlineData("%2Fa%20b", "/a%20b")]
    [InlineData("%2F%E4%B8%AD%E6%96%87", "/%E4%B8%AD%E6%96%87")]
    [InlineData("%2F", "/")]
    public async Task SetLanguage_LocalReturnUrl_RedirectsThere(string returnUrl, string expected)
    {
        using var response = await factory.CreatePublicClient().GetAsync($"/set-language?culture=ar&returnUrl={returnUrl}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/\\evil.example", "/follows")]
    [InlineData("/a\nb", "/follows")]
    [InlineData("//evil.example", "/follows")]
    [InlineData("/é", "/%C3%A9")]
    [InlineData("/member-states?x=1", "/member-states?x=1")]
    public async Task FollowForm_ReturnUrl_StaysOnThisSite(string returnUrl, string expected)
    {
        var person = await factory.People.RegisteredAsync();
        var bodyId = await factory.Drafting.BodyAsync();
        var (browser, _) = await factory.People.LogInAsync(person);
        var page = await browser.GetPageAsync("/follows");
        using var response = await browser.PostAsync("/follows?handler=Follow", new FormUrlEncodedContent(
            [new(Html.AntiforgeryField, page.AntiforgeryToken()), new("bodyId", bodyId.ToString()), new("returnUrl", returnUrl)]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public void ReturnUrl_LoneSurrogate_IsHome()
        => Assert.Equal("/", ReturnUrl.Safe("/a\uD800b"));
}
