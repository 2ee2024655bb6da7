using Ecp.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ecp.Tests.Pages;

/// <summary>Every kind of answer carries the same protections (issue 8, finding 6 and "Headers").</summary>
public sealed class SecurityHeadersTests(EcpFactory factory) : IClassFixture<EcpFactory>
{
    [Theory]
    [InlineData("GET", "/")]                                  // a page
    [InlineData("GET", "/account/log-in")]                    // a form
    [InlineData("GET", "/secretariat/accreditations")]        // a redirect to log in
    [InlineData("GET", "/no-such-page")]                      // the error page
    [InlineData("POST", "/account/log-in")]                   // the form-expired page
    [InlineData("GET", "/set-language?culture=fr&returnUrl=%2F")]
    [InlineData("GET", "/api/v1/record")]                     // the API
    [InlineData("GET", "/api/v1/no-such-thing")]              // a problem detail
    [InlineData("GET", "/openapi/v1.json")]
    [InlineData("GET", "/feeds/consultations.atom")]          // a feed
    [InlineData("GET", "/css/site.css")]                      // a static file
    [InlineData("GET", "/health")]
    public async Task Response_OfEveryKind_CarriesTheSecurityHeaders(string method, string url)
    {
        using var response = await factory.CreatePublicClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        Assert.True((int)response.StatusCode < 500, $"{method} {url} answered {(int)response.StatusCode}");
        var csp = Header(response, "Content-Security-Policy");
        foreach (var directive in new[] { "default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'" })
        {
            Assert.Contains(directive, csp.Split(';', StringSplitOptions.TrimEntries));
        }
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS over plain HTTP");
    }

    [Fact]
    public async Task Response_OverHttps_CarriesHsts()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://ecp.example"), AllowAutoRedirect = false });
        using var response = await client.GetAsync("/");
        Assert.Contains("max-age=", Header(response, "Strict-Transport-Security"));
    }

    private static string Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} has no {name} header.");
}
