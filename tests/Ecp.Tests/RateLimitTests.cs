using System.Net;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task ApiWrites_OverTheLimitPerMinute_429Problem()
    {
        await using var app = new EcpFactory { Settings = { ["Ecp:ApiWritesPerMinute"] = "3" } };
        await app.InitializeAsync();
        var person = await app.People.RegisteredAsync();

        for (var i = 1; i <= 3; i++)
        {
            await (await person.Api.PostJsonAsync("/api/v1/me/tokens", new { name = $"token {i}" })).ExpectAsync(HttpStatusCode.Created);
        }
        var fourth = await person.Api.PostJsonAsync("/api/v1/me/tokens", new { name = "token 4" });

        var problem = await fourth.ExpectProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
        // The limit is per caller: someone else still gets through.
        var other = await app.People.RegisteredAsync();
        await (await other.Api.PostJsonAsync("/api/v1/me/tokens", new { name = "mine" })).ExpectAsync(HttpStatusCode.Created);
    }
}
