using System.Net;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests.Text;

/// <summary>The consultation the text tests need: one question, open to all, two days long.</summary>
internal static class TextScenario
{
    public static object ConsultationRequest(Guid bodyId, string topic, DateTimeOffset? closesAt = null) => new
    {
        bodyId,
        topic,
        description = "A consultation of the text tests.",
        questions = new[] { "Why?" },
        eligibility = "all-stakeholders",
        opensAt = DateTimeOffset.UtcNow,
        closesAt = closesAt ?? DateTimeOffset.UtcNow.AddDays(2),
    };

    public static async Task<Guid> OpenConsultationAsync(TestPerson secretariat, Guid bodyId, string topic)
    {
        var created = await (await secretariat.Api.PostJsonAsync("/api/v1/consultations", ConsultationRequest(bodyId, topic))).ExpectAsync(HttpStatusCode.Created);
        var id = Drafting.Id(created);
        await (await secretariat.Api.PostAsync($"/api/v1/consultations/{id}/open", null)).ExpectAsync(HttpStatusCode.OK);
        return id;
    }
}
