using System.Net;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests.Api;

/// <summary>A query value with a control character is refused naming the parameter, on every
/// database (PostgreSQL answered 500 to ?entity=%00: its text cannot hold U+0000).</summary>
public sealed class QueryValueTests(EcpFactory factory) : IClassFixture<EcpFactory>
{
    [Theory]
    [InlineData("/api/v1/record?entity=%00", "entity")]
    [InlineData("/api/v1/record?actor=a%1Bb", "actor")]
    [InlineData("/api/v1/member-states?group=%00", "group")]
    public async Task Query_ControlCharacter_ValidationProblemNamingIt(string url, string parameter)
    {
        var problem = await (await factory.CreatePublicClient().GetAsync(url)).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![parameter]);
    }

    [Fact]
    public async Task Query_PlainValue_StillAnswers()
        => await factory.CreatePublicClient().GetJsonAsync("/api/v1/record?entity=document&limit=1");
}
