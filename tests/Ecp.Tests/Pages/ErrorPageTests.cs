using System.Net;
using Ecp.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ecp.Tests.Pages;

/// <summary>A person who meets an error meets a page in their language, in words for a person;
/// an API client meets a problem detail (issue 8, finding 3 and "Messages").</summary>
public sealed class ErrorPageTests(EcpFactory factory) : IClassFixture<EcpFactory>
{
    [Theory]
    [InlineData("en", "The form has expired")]
    [InlineData("fr", "Le formulaire a expiré")]
    [InlineData("ar", "انتهت صلاحية الاستمارة")]
    public async Task FormPost_WithoutAntiforgeryToken_IsAFormExpiredPageWithALinkBack(string language, string title)
    {
        var client = factory.CreatePublicClient();
        using var response = await client.PostAsync($"/account/log-in?culture={language}",
            new FormUrlEncodedContent([new("Input.Email", "someone@example.org"), new("Input.Password", "not-checked")]));

        var page = await ExpectPageAsync(response, HttpStatusCode.BadRequest, language);
        Assert.Equal(title, page.QuerySelector("h1")?.TextContent);
        Assert.DoesNotContain("JSON", page.QuerySelector("main")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/account/log-in?culture={language}");
    }

    [Theory]
    [InlineData("GET", "/no-such-page", HttpStatusCode.NotFound, "Page not found")]
    [InlineData("GET", "/consultations/00000000-0000-0000-0000-000000000001", HttpStatusCode.NotFound, "Page not found")]
    [InlineData("POST", "/health", HttpStatusCode.MethodNotAllowed, "This page cannot be used this way")]
    [InlineData("GET", "/set-language", HttpStatusCode.BadRequest, "This request could not be handled")]
    [InlineData("GET", "/error?status=429", HttpStatusCode.TooManyRequests, "Too many requests")]
    [InlineData("GET", "/error", HttpStatusCode.InternalServerError, "Something went wrong")]
    public async Task PageAddress_Failing_AnswersAnErrorPage(string method, string url, HttpStatusCode status, string title)
    {
        using var response = await factory.CreatePublicClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        var page = await ExpectPageAsync(response, status, "en");
        Assert.Equal(title, page.QuerySelector("h1")?.TextContent);
        Assert.DoesNotContain("JSON", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task PageAddress_NotFoundInArabic_IsAnArabicRightToLeftPage()
    {
        using var response = await factory.CreatePublicClient().GetAsync("/no-such-page?culture=ar");
        var page = await ExpectPageAsync(response, HttpStatusCode.NotFound, "ar");
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal("الصفحة غير موجودة", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task PageThatThrows_IsA500PageInTheCallersLanguage()
    {
        // A clock that fails while the consultations list is being read: a bug, as far as the user can tell.
        using var failing = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(
            sp => new FailingClock(sp.GetRequiredService<IHttpContextAccessor>(), "/consultations")))));
        var client = failing.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var response = await client.GetAsync("/consultations?culture=es");
        var page = await ExpectPageAsync(response, HttpStatusCode.InternalServerError, "es");
        Assert.Equal("Se ha producido un error", page.QuerySelector("h1")?.TextContent);
        Assert.DoesNotContain("InvalidOperationException", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public void Localizer_TheAppResolves_IsTheSafeOne()
        => Assert.IsType<Ecp.Common.SafeLocalizer>(factory.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Ecp.Resources.SharedResource>>());

    [Theory]
    [InlineData("GET", "/api/v1/no-such-thing", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/api/v1/record", HttpStatusCode.MethodNotAllowed)]
    public async Task ApiAddress_Failing_AnswersAProblemDetail(string method, string url, HttpStatusCode status)
    {
        using var response = await factory.CreatePublicClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        await response.ExpectProblemAsync(status);
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> ExpectPageAsync(HttpResponseMessage response, HttpStatusCode status, string language)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await Html.ParseAsync(response);
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        return page;
    }

    private sealed class FailingClock(IHttpContextAccessor http, string path) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow()
            => http.HttpContext?.Request.Path == path ? throw new InvalidOperationException("The clock failed.") : base.GetUtcNow();
    }
}
