using System.Net;
using Ecp.Features.Search;
using Ecp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ecp.Tests.Search;

/// <summary>An index on disk is trusted only for the record it was built from: a node started on
/// another database with that index (a copied data directory, a restored backup) rebuilds it
/// instead of serving another record's texts and skipping its own.</summary>
public sealed class SearchIndexIdentityTests
{
    [Fact]
    public async Task IndexBuiltFromAnotherDatabase_IsRebuilt_ForgettingTheOtherRecordsTexts()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ecp-search-identity-" + Guid.NewGuid().ToString("N"));
        try
        {
            var first = "crannog" + Guid.NewGuid().ToString("N")[..6];
            await using (var a = new EcpFactory())
            {
                a.Settings["Ecp:Search:IndexPath"] = directory;
                await a.InitializeAsync();
                await PublishAsync(a, first);
                Assert.Equal(1, await CountAsync(a, first));
            }

            var second = "souterrain" + Guid.NewGuid().ToString("N")[..6];
            await using var b = new EcpFactory();
            b.Settings["Ecp:Search:IndexPath"] = directory;
            await b.InitializeAsync();
            await PublishAsync(b, second);
            Assert.Equal(0, await CountAsync(b, first));
            Assert.Equal(1, await CountAsync(b, second));
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); } catch (DirectoryNotFoundException) { }
        }
    }

    private static async Task PublishAsync(EcpFactory factory, string word)
    {
        var secretariat = await factory.People.SecretariatAsync();
        var body = await (await secretariat.Api.PostJsonAsync("/api/v1/bodies", Drafting.BodyRequest())).ExpectAsync(HttpStatusCode.Created);
        var created = await (await secretariat.Api.PostJsonAsync("/api/v1/consultations", new
        {
            bodyId = (string)body["id"]!, topic = "Identity", description = "Which record.",
            eligibility = "all-stakeholders", opensAt = DateTimeOffset.UtcNow.AddMinutes(-1), closesAt = DateTimeOffset.UtcNow.AddDays(5),
            questions = new object[] { "What matters most?" },
        })).ExpectAsync(HttpStatusCode.Created);
        var consultation = (string)created["id"]!;
        await (await secretariat.Api.PostAsync($"/api/v1/consultations/{consultation}/open", null)).ExpectAsync(HttpStatusCode.OK);
        var author = await factory.People.StakeholderAsync();
        await (await author.Api.PostJsonAsync($"/api/v1/consultations/{consultation}/contributions", new
        {
            language = "en", consentToCite = false, answers = new object[] { new { question = 1, text = $"A {word} view." } },
        })).ExpectAsync(HttpStatusCode.Created);
    }

    private static async Task<int> CountAsync(EcpFactory factory, string word)
    {
        await factory.Services.GetRequiredService<SearchProjection>().WaitForRecordAsync();
        return (int)(await factory.CreatePublicClient().GetJsonAsync($"/api/v1/search?q={word}&kind=contribution"))["total"]!;
    }
}
