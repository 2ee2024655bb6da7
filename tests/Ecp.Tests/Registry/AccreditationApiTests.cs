using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests.Registry;

/// <summary>A person applies over the API, the secretariat decides, and the role follows at once.</summary>
public sealed class AccreditationApiTests(EcpFactory app) : IClassFixture<EcpFactory>
{
    [Fact]
    public async Task Accreditation_ApprovedBySecretariat_ApplicantIsDelegateAtOnce()
    {
        var applicant = await app.People.RegisteredAsync();
        var secretariat = await app.People.SecretariatAsync();

        var requested = await (await applicant.Api.PostJsonAsync("/api/v1/accreditations",
            new { kind = "delegate", memberState = "BRA", motivation = "Appointed by the Permanent Mission." })).ExpectAsync(HttpStatusCode.Created);
        var id = (string)requested["id"]!;
        Assert.Equal("pending", (string)requested["status"]!);

        var queue = (await secretariat.Api.GetJsonAsync("/api/v1/accreditations?status=pending")).AsArray();
        Assert.Contains(queue, a => (string)a!["id"]! == id);

        var approved = await (await secretariat.Api.PostJsonAsync($"/api/v1/accreditations/{id}/approve", new { })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("approved", (string)approved["status"]!);

        // Same token, no new log-in: the role is read from the database on every request.
        var me = await applicant.Api.GetJsonAsync("/api/v1/me");
        Assert.Equal("delegate", (string)me["role"]!);
        Assert.Equal("BRA", (string)me["memberState"]!);
        // The delegation's names are for the secretariat and the delegation itself (see Delegation_Public_SeesOnlyTheCount).
        var delegation = (await applicant.Api.GetJsonAsync("/api/v1/member-states/BRA/delegation"))["members"]!.AsArray();
        Assert.Contains(delegation, d => (string)d!["id"]! == applicant.Id.ToString() && (string)d["displayName"]! == applicant.DisplayName);
        var stillPending = (await secretariat.Api.GetJsonAsync("/api/v1/accreditations?status=pending")).AsArray();
        Assert.DoesNotContain(stillPending, a => (string)a!["id"]! == id);
    }

    [Fact]
    public async Task Delegation_TwoDelegatesOfOneState_BothListedInOneDelegation()
    {
        var first = await app.People.DelegateAsync("KEN");
        var second = await app.People.DelegateAsync("KEN");

        var delegation = (await first.Api.GetJsonAsync("/api/v1/member-states/ken/delegation"))["members"]!.AsArray();

        var ids = delegation.Select(d => (string)d!["id"]!).ToList();
        Assert.Contains(first.Id.ToString(), ids);
        Assert.Contains(second.Id.ToString(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Approve_NoBody_Approves()
    {
        var pending = await app.People.PendingAccreditationAsync();
        var secretariat = await app.People.SecretariatAsync();

        // The note is optional: a bare POST (curl -X POST) must be enough.
        var response = await secretariat.Api.PostAsync($"/api/v1/accreditations/{pending.Id}/approve", content: null);

        Assert.Equal("approved", (string)(await response.ExpectAsync(HttpStatusCode.OK))["status"]!);
    }

    [Fact]
    public async Task Reject_WithReason_RejectedAndReasonShownToApplicant()
    {
        var applicant = await app.People.RegisteredAsync();
        var secretariat = await app.People.SecretariatAsync();
        var id = (string)(await (await applicant.Api.PostJsonAsync("/api/v1/accreditations",
            new { kind = "stakeholder", stakeholderGroup = "private-sector", motivation = "We run an exchange point." })).ExpectAsync(HttpStatusCode.Created))["id"]!;

        var rejected = await (await secretariat.Api.PostJsonAsync($"/api/v1/accreditations/{id}/reject", new { reason = "  Please apply through your organization.  " }))
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("rejected", (string)rejected["status"]!);
        var own = (await applicant.Api.GetJsonAsync("/api/v1/accreditations")).AsArray().Single(a => (string)a!["id"]! == id)!;
        Assert.Equal("rejected", (string)own["status"]!);
        Assert.Equal("Please apply through your organization.", (string)own["reason"]!);
        Assert.Equal("registered", (string)(await applicant.Api.GetJsonAsync("/api/v1/me"))["role"]!);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"reason\":\"   \"}")]
    public async Task Reject_WithoutReason_400AndNothingChanges(string body)
    {
        var pending = await app.People.PendingAccreditationAsync();
        var secretariat = await app.People.SecretariatAsync();
        var head = await secretariat.Api.RecordHeadAsync();

        var response = await secretariat.Api.PostAsync($"/api/v1/accreditations/{pending.Id}/reject",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem["errors"]!["reason"]!.AsArray());
        Assert.Equal(head, await secretariat.Api.RecordHeadAsync());
        var queue = (await secretariat.Api.GetJsonAsync("/api/v1/accreditations?status=pending")).AsArray();
        Assert.Contains(queue, a => (string)a!["id"]! == pending.Id.ToString());
    }

    [Theory]
    [InlineData("approve", "approve")]
    [InlineData("approve", "reject")]
    [InlineData("reject", "approve")]
    [InlineData("reject", "reject")]
    public async Task Decide_AlreadyDecided_409AndNothingChanges(string first, string second)
    {
        var pending = await app.People.PendingAccreditationAsync();
        var secretariat = await app.People.SecretariatAsync();
        var decision = new { reason = "Decided once." };
        await (await secretariat.Api.PostJsonAsync($"/api/v1/accreditations/{pending.Id}/{first}", decision)).ExpectAsync(HttpStatusCode.OK);
        var head = await secretariat.Api.RecordHeadAsync();

        var again = await secretariat.Api.PostJsonAsync($"/api/v1/accreditations/{pending.Id}/{second}", decision);

        var problem = await again.ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("accreditation-decided", (string)problem["code"]!);
        Assert.Equal(head, await secretariat.Api.RecordHeadAsync());
    }

    [Fact]
    public async Task Decide_UnknownAccreditation_404()
    {
        var secretariat = await app.People.SecretariatAsync();

        var response = await secretariat.Api.PostJsonAsync($"/api/v1/accreditations/{Guid.NewGuid()}/approve", new { });

        await response.ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("")]
    [InlineData("TWN")] // not a UN Member State
    public async Task Request_InvalidMemberState_400AndNothingChanges(string memberState)
    {
        var applicant = await app.People.RegisteredAsync();
        var head = await applicant.Api.RecordHeadAsync();

        var response = await applicant.Api.PostJsonAsync("/api/v1/accreditations", new { kind = "delegate", memberState, motivation = "Let me in." });

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem["errors"]!["memberState"]!.AsArray());
        Assert.Equal(head, await applicant.Api.RecordHeadAsync());
        Assert.Empty((await applicant.Api.GetJsonAsync("/api/v1/accreditations")).AsArray());
    }

    [Fact]
    public async Task Request_SecondWhilePending_409AndFirstKept()
    {
        var applicant = await app.People.RegisteredAsync();
        await (await applicant.Api.PostJsonAsync("/api/v1/accreditations", new { kind = "delegate", memberState = "IND", motivation = "First." }))
            .ExpectAsync(HttpStatusCode.Created);

        var second = await applicant.Api.PostJsonAsync("/api/v1/accreditations", new { kind = "stakeholder", stakeholderGroup = "civil-society", motivation = "Second." });

        var problem = await second.ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("accreditation-pending", (string)problem["code"]!);
        var mine = (await applicant.Api.GetJsonAsync("/api/v1/accreditations")).AsArray();
        Assert.Equal("IND", (string)Assert.Single(mine)!["memberState"]!);
    }

    [Fact]
    public async Task Reporter_OfRelevantOrganization_ApprovedWithTheOrganization()
    {
        var secretariat = await app.People.SecretariatAsync();
        var applicant = await app.People.RegisteredAsync();
        var organization = await (await secretariat.Api.PostJsonAsync("/api/v1/organizations",
            new { name = $"Regional Internet Registry {Guid.NewGuid():N}", stakeholderGroup = "technical-academic", isRelevantOrganization = true }))
            .ExpectAsync(HttpStatusCode.Created);
        var organizationId = (string)organization["id"]!;

        var id = (string)(await (await applicant.Api.PostJsonAsync("/api/v1/accreditations",
            new { kind = "reporter", organizationId, motivation = "I write our annual report." })).ExpectAsync(HttpStatusCode.Created))["id"]!;
        await (await secretariat.Api.PostJsonAsync($"/api/v1/accreditations/{id}/approve", new { note = "Welcome." })).ExpectAsync(HttpStatusCode.OK);

        var me = await applicant.Api.GetJsonAsync("/api/v1/me");
        Assert.Equal("reporter", (string)me["role"]!);
        Assert.Equal(organizationId, (string)me["organizationId"]!);
        Assert.Equal("technical-academic", (string)me["stakeholderGroup"]!["code"]!);
    }

    [Fact]
    public async Task Reporter_OfOrganizationNotRelevant_400()
    {
        var organization = await app.People.OrganizationAsync(relevant: false);
        var applicant = await app.People.RegisteredAsync();

        var response = await applicant.Api.PostJsonAsync("/api/v1/accreditations",
            new { kind = "reporter", organizationId = organization.Id, motivation = "I write our annual report." });

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem["errors"]!["organizationId"]!.AsArray());
    }

    [Fact]
    public async Task Stakeholder_AsGovernment_400()
    {
        var applicant = await app.People.RegisteredAsync();

        var response = await applicant.Api.PostJsonAsync("/api/v1/accreditations",
            new { kind = "stakeholder", stakeholderGroup = "government", motivation = "Governments are delegates." });

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem["errors"]!["stakeholderGroup"]!.AsArray());
    }
}
