using System.Net;
using System.Text.RegularExpressions;
using Ecp.Common;
using Ecp.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ecp.Tests.Api;

/// <summary>
/// Who may call which write endpoint of the API. Every cell runs with a caller and a target made
/// for it alone. A new write endpoint fails <see cref="Matrix_EveryWriteEndpoint_HasARow"/> until
/// someone decides its row here.
/// </summary>
public sealed partial class AuthorizationMatrixTests(AuthorizationMatrixTests.World world) : IClassFixture<AuthorizationMatrixTests.World>
{
    /// <summary>The app of the matrix, on a clock that moves only when a cell moves it (a consultation
    /// "closed by the clock" is closed because the clock was advanced, not because a second passed).</summary>
    public sealed class World : IAsyncLifetime
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        public EcpFactory App { get; }

        public AnnualReports.Reporting Reporting { get; }

        public World()
        {
            App = new EcpFactory { Clock = Clock };
            Reporting = new AnnualReports.Reporting(App, Clock);
        }

        public Task InitializeAsync() => App.InitializeAsync();

        public Task DisposeAsync() => App.DisposeAsync().AsTask();
    }

    private readonly EcpFactory app = world.App;
    private readonly AnnualReports.Reporting reporting = world.Reporting;

    private const bool A = true;  // allowed: 2xx
    private const bool D = false; // denied: 401 without a token, 403 with one

    private static readonly Role[] Columns = [Role.Public, Role.Registered, Role.Delegate, Role.Stakeholder, Role.Reporter, Role.Secretariat];

    private static readonly Dictionary<string, bool[]> Matrix = new()
    {
        //                                                   public registered delegate stakeholder reporter secretariat
        ["POST /api/v1/organizations"] =                    [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/invitations"] =                      [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/invitations/csv"] =                  [D,     D,         D,       D,          D,       A],
        // Anyone with an account may ask for (another) accreditation; the secretariat is appointed, not accredited.
        ["POST /api/v1/accreditations"] =                   [D,     A,         A,       A,          A,       D],
        ["POST /api/v1/accreditations/{id}/approve"] =      [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/accreditations/{id}/reject"] =       [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/me/tokens"] =                        [D,     A,         A,       A,          A,       A],
        ["DELETE /api/v1/me/tokens/{id}"] =                 [D,     A,         A,       A,          A,       A],
        ["PUT /api/v1/me/language"] =                       [D,     A,         A,       A,          A,       A],
        ["PUT /api/v1/me/naming"] =                         [D,     A,         A,       A,          A,       A],
        // Drafting: the Chair (secretariat) runs the negotiation; participants amend and comment.
        ["POST /api/v1/bodies"] =                           [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/documents"] =                        [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/documents/{id}/versions"] =          [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/documents/{id}/versions/{number}/languages"] = [D, D,   D,       D,          D,       A],
        ["POST /api/v1/documents/{id}/amendments"] =        [D,     D,         A,       A,          A,       D],
        ["POST /api/v1/documents/{id}/comments"] =          [D,     D,         A,       A,          A,       D],
        ["POST /api/v1/amendments/{id}/decision"] =         [D,     D,         D,       D,          D,       A],
        // Deciding: only Member States take formal positions; other stakeholders state advisory views.
        ["POST /api/v1/decisions"] =                        [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/decisions/{id}/positions"] =         [D,     D,         A,       D,          D,       D],
        ["POST /api/v1/decisions/{id}/advisory-views"] =    [D,     D,         D,       A,          A,       D],
        ["POST /api/v1/decisions/{id}/close"] =             [D,     D,         D,       D,          D,       A],
        // Consulting: the secretariat runs consultations; accredited participants contribute and
        // change only their own contributions.
        ["POST /api/v1/consultations"] =                    [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/consultations/{id}/open"] =          [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/consultations/{id}/extensions"] =    [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/consultations/{id}/contributions"] = [D,     D,         A,       A,          A,       D],
        ["POST /api/v1/consultations/{id}/synthesis"] =     [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/consultations/{id}/presented"] =     [D,     D,         D,       D,          D,       A],
        ["PUT /api/v1/contributions/{id}"] =                [D,     D,         A,       A,          A,       D],
        ["POST /api/v1/contributions/{id}/withdraw"] =      [D,     D,         A,       A,          A,       D],
        ["POST /api/v1/contributions/{id}/attachments"] =   [D,     D,         A,       A,          A,       D],
        ["POST /api/v1/contributions/{id}/hide"] =          [D,     D,         D,       D,          D,       A],
        // Following is an account preference: anyone with an account, for themselves.
        ["POST /api/v1/follows"] =                          [D,     A,         A,       A,          A,       A],
        ["DELETE /api/v1/follows/{id}"] =                   [D,     A,         A,       A,          A,       A],
        // Webhooks likewise: one's own subscriptions.
        ["POST /api/v1/webhooks"] =                         [D,     A,         A,       A,          A,       A],
        ["POST /api/v1/webhooks/{id}/remove"] =             [D,     A,         A,       A,          A,       A],
        // Assessing: the secretariat opens and closes rounds; every accredited participant rates.
        ["POST /api/v1/assessments"] =                      [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/assessments/{id}/close"] =           [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/assessments/{id}/ratings"] =         [D,     D,         A,       A,          A,       D],
        // The record's checkpoints are signed on a timer; the secretariat may ask for one now.
        ["POST /api/v1/record/checkpoints"] =               [D,     D,         D,       D,          D,       A],
        // The issue map: participants assess scope (¶69) and propose mapping changes (as may the
        // secretariat, which decides them); the taxonomy and its tags are the secretariat's.
        ["POST /api/v1/issues/{id}/scope-assessments"] =    [D,     D,         A,       A,          A,       D],
        ["POST /api/v1/issues/{id}/mapping-proposals"] =    [D,     D,         A,       A,          A,       A],
        ["POST /api/v1/issues/{id}/mapping-proposals/{proposalId}/decision"] = [D, D, D, D,       D,       A],
        ["POST /api/v1/issues"] =                           [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/issues/{id}/names"] =                [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/issues/{id}/merge"] =                [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/issues/{id}/retire"] =               [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/issues/{id}/tags"] =                 [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/issues/{id}/tags/{tagId}/remove"] =  [D,     D,         D,       D,          D,       A],
        // Accountability: the secretariat defines and tracks the results of adopted outcomes.
        ["POST /api/v1/results"] =                          [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/results/{id}/status"] =              [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/results/{id}/milestones"] =          [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/results/{id}/milestones/{milestoneId}/done"] = [D, D, D, D,             D,       A],
        ["POST /api/v1/results/{id}/implementers"] =        [D,     D,         D,       D,          D,       A],
        // Meetings: the secretariat schedules, changes and cancels them and confirms seats; every
        // accredited participant asks to attend and withdraws their own (the secretariat anyone's).
        ["POST /api/v1/meetings"] =                         [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/meetings/{id}/changes"] =            [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/meetings/{id}/cancel"] =             [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/meetings/{id}/minutes"] =            [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/meetings/{id}/registrations"] =      [D,     D,         A,       A,          A,       D],
        ["POST /api/v1/meetings/{id}/registrations/{registrationId}/withdraw"] = [D, D, A, A,    A,       A],
        ["POST /api/v1/meetings/{id}/registrations/{registrationId}/confirm"] = [D, D, D, D,     D,       A],
        // The speakers list: those holding a seat ask for the floor; the Chair orders, gives and closes it.
        ["POST /api/v1/meetings/{id}/speakers"] =           [D,     D,         A,       A,          A,       D],
        ["POST /api/v1/meetings/{id}/speakers/order"] =     [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/meetings/{id}/speakers/{requestId}/give"] = [D, D,      D,       D,          D,       A],
        ["POST /api/v1/meetings/{id}/speakers/{requestId}/close"] = [D, D,     D,       D,          D,       A],
        // Annual performance reports: the secretariat runs the cycles; only a reporter of a
        // requested organization drafts, submits and corrects that organization's report.
        ["POST /api/v1/reporting-cycles"] =                 [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/reporting-cycles/{year}/extensions"] = [D,   D,         D,       D,          D,       A],
        ["POST /api/v1/reporting-cycles/{year}/drafts"] =   [D,     D,         D,       D,          A,       D],
        ["POST /api/v1/reporting-cycles/{year}/reports"] =  [D,     D,         D,       D,          A,       D],
        ["POST /api/v1/reporting-cycles/{year}/close"] =    [D,     D,         D,       D,          D,       A],
        ["POST /api/v1/reporting-cycles/{year}/compilation"] = [D,  D,         D,       D,          D,       A],
        ["POST /api/v1/reports/{id}/revisions"] =           [D,     D,         D,       D,          A,       D],
        ["POST /api/v1/reports/{id}/languages"] =           [D,     D,         D,       D,          A,       A],
    };

    public static TheoryData<string, string> Cells()
    {
        var cells = new TheoryData<string, string>();
        foreach (var endpoint in Matrix.Keys)
        {
            foreach (var role in Columns) cells.Add(endpoint, role.ToCode());
        }
        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Endpoint_CalledByRole_AllowedOrDeniedAsTheMatrixSays(string endpoint, string roleCode)
    {
        var role = Columns.Single(r => r.ToCode() == roleCode);
        var allowed = Matrix[endpoint][Array.IndexOf(Columns, role)];
        var caller = role == Role.Public ? null : await app.People.InRoleAsync(role);
        Assert.Equal(role, caller?.Role ?? Role.Public);
        var client = caller?.Api ?? app.CreatePublicClient();
        using var request = await RequestAsync(endpoint, caller);

        using var response = await client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        if (allowed)
        {
            Assert.True(response.IsSuccessStatusCode, $"{roleCode} should be allowed {endpoint}, got {(int)response.StatusCode}: {body}");
        }
        else
        {
            var expected = caller is null ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
            Assert.True(expected == response.StatusCode, $"{roleCode} should get {(int)expected} on {endpoint}, got {(int)response.StatusCode}: {body}");
        }
    }

    [Fact]
    public void Matrix_EveryWriteEndpoint_HasARow()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => $"{method} {Normalize(e.RoutePattern.RawText!)}"))
            .Where(key => !key.StartsWith("GET ", StringComparison.Ordinal) && !key.StartsWith("HEAD ", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        Assert.NotEmpty(endpoints);
        var missing = endpoints.Except(Matrix.Keys).ToList();
        Assert.True(missing.Count == 0, "Write endpoints without a row in the authorization matrix: " + string.Join(", ", missing));
        var stale = Matrix.Keys.Except(endpoints).ToList();
        Assert.True(stale.Count == 0, "Rows for endpoints that no longer exist: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task WriteApi_WithLogInCookieOnly_401()
    {
        var secretariat = await app.People.SecretariatAsync();
        var (browser, _) = await app.People.LogInAsync(secretariat);
        // The cookie is a working log-in for the pages...
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);

        // ...but a third-party page could make a browser send it, so the API ignores it.
        var organization = await browser.PostJsonAsync("/api/v1/organizations", new { name = $"Cookie {Guid.NewGuid():N}", stakeholderGroup = "civil-society" });
        var token = await browser.PostJsonAsync("/api/v1/me/tokens", new { name = "from a cookie" });

        Assert.Equal(HttpStatusCode.Unauthorized, organization.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
    }

    [Fact]
    public async Task Token_Revoked_401()
    {
        var person = await app.People.RegisteredAsync();
        var issued = await (await person.Api.PostJsonAsync("/api/v1/me/tokens", new { name = "laptop" })).ExpectAsync(HttpStatusCode.Created);
        using var laptop = app.CreateClient((string)issued["token"]!);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/v1/me")).StatusCode);

        await (await person.Api.DeleteAsync($"/api/v1/me/tokens/{(string)issued["id"]!}")).ExpectAsync(HttpStatusCode.NoContent);

        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.PostJsonAsync("/api/v1/me/tokens", new { name = "again" })).StatusCode);
        // The token that revoked it still works.
        Assert.Equal(HttpStatusCode.OK, (await person.Api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Token_Unknown_401()
    {
        using var client = app.CreateClient("ecp_" + new string('0', 64));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Token_OfAnotherAccount_CannotBeRevoked404()
    {
        var owner = await app.People.RegisteredAsync();
        var other = await app.People.RegisteredAsync();
        var token = await app.People.IssueTokenAsync(owner);

        var response = await other.Api.DeleteAsync($"/api/v1/me/tokens/{token.Id}");

        await response.ExpectProblemAsync(HttpStatusCode.NotFound);
        using var stillWorks = app.CreateClient(token.Token);
        Assert.Equal(HttpStatusCode.OK, (await stillWorks.GetAsync("/api/v1/me")).StatusCode);
    }

    /// <summary>The request of one cell, against a target made for it.</summary>
    private async Task<HttpRequestMessage> RequestAsync(string endpoint, TestPerson? caller)
    {
        switch (endpoint)
        {
            case "POST /api/v1/organizations":
                return Post("/api/v1/organizations", new { name = $"Matrix organization {Guid.NewGuid():N}", stakeholderGroup = "civil-society" });
            case "POST /api/v1/invitations":
                return Post("/api/v1/invitations", new { rows = new[] { new { name = "Matrix cell", email = $"matrix-{Guid.NewGuid():N}@test.example", role = "delegate", memberStateOrOrganization = "URY" } } });
            case "POST /api/v1/invitations/csv":
                return new HttpRequestMessage(HttpMethod.Post, "/api/v1/invitations/csv")
                {
                    Content = new StringContent($"name,email,role,member_state_or_organization\nMatrix cell,matrix-{Guid.NewGuid():N}@test.example,delegate,URY\n", System.Text.Encoding.UTF8, "text/csv"),
                };
            case "POST /api/v1/accreditations":
                return Post("/api/v1/accreditations", new { kind = "stakeholder", stakeholderGroup = "technical-academic", motivation = "Matrix cell." });
            case "POST /api/v1/accreditations/{id}/approve":
                return Post($"/api/v1/accreditations/{(await app.People.PendingAccreditationAsync()).Id}/approve", new { note = "Matrix cell." });
            case "POST /api/v1/accreditations/{id}/reject":
                return Post($"/api/v1/accreditations/{(await app.People.PendingAccreditationAsync()).Id}/reject", new { reason = "Matrix cell." });
            case "POST /api/v1/me/tokens":
                return Post("/api/v1/me/tokens", new { name = "matrix" });
            case "DELETE /api/v1/me/tokens/{id}":
                // One's own second token; the public aims at someone's.
                var owner = caller ?? await app.People.RegisteredAsync();
                return new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/me/tokens/{(await app.People.IssueTokenAsync(owner)).Id}");
            case "PUT /api/v1/me/language":
                return new HttpRequestMessage(HttpMethod.Put, "/api/v1/me/language") { Content = System.Net.Http.Json.JsonContent.Create(new { language = "es" }) };
            case "PUT /api/v1/me/naming":
                return new HttpRequestMessage(HttpMethod.Put, "/api/v1/me/naming") { Content = System.Net.Http.Json.JsonContent.Create(new { consent = false }) };
            case "POST /api/v1/bodies":
                return Post("/api/v1/bodies", Drafting.BodyRequest());
            case "POST /api/v1/documents":
                return Post("/api/v1/documents", Drafting.DocumentRequest(await app.Drafting.BodyAsync(), [Drafting.Operative("invites all stakeholders to cooperate.")]));
            case "POST /api/v1/documents/{id}/versions":
                return Post($"/api/v1/documents/{Drafting.Id(await app.Drafting.DocumentAsync())}/versions", new { label = "second draft" });
            case "POST /api/v1/documents/{id}/versions/{number}/languages":
                return Post($"/api/v1/documents/{Drafting.Id(await app.Drafting.DocumentAsync())}/versions/1/languages", new
                {
                    language = "fr",
                    paragraphs = new[] { "invite les États Membres à partager leur expérience ;", "invite toutes les parties prenantes à coopérer." },
                });
            case "POST /api/v1/documents/{id}/amendments":
                return Post($"/api/v1/documents/{Drafting.Id(await app.Drafting.DocumentAsync())}/amendments",
                    new { paragraph = "1", action = "replace", text = "Matrix cell.", explanation = "Matrix cell." });
            case "POST /api/v1/documents/{id}/comments":
                return Post($"/api/v1/documents/{Drafting.Id(await app.Drafting.DocumentAsync())}/comments", new { paragraph = "2", text = "Matrix cell." });
            case "POST /api/v1/amendments/{id}/decision":
                var document = await app.Drafting.DocumentAsync();
                return Post($"/api/v1/amendments/{Drafting.Id(await app.Drafting.AmendmentAsync(Drafting.Id(document)))}/decision",
                    new { decision = "accept", reason = "Matrix cell." });
            case "POST /api/v1/decisions":
                return Post("/api/v1/decisions", new { documentId = Drafting.Id(await app.Drafting.DocumentAsync()) });
            case "POST /api/v1/decisions/{id}/positions":
                // The delegates made for the matrix act for Brazil; the body admits every Member State.
                return Post($"/api/v1/decisions/{Drafting.Id(await app.Drafting.DecisionAsync())}/positions", new { position = "no-objection" });
            case "POST /api/v1/decisions/{id}/advisory-views":
                return Post($"/api/v1/decisions/{Drafting.Id(await app.Drafting.DecisionAsync())}/advisory-views", new { stance = "concerns", text = "Matrix cell." });
            case "POST /api/v1/decisions/{id}/close":
                return Post($"/api/v1/decisions/{Drafting.Id(await app.Drafting.DecisionAsync())}/close", new { outcome = "adopted-by-consensus" });
            case "POST /api/v1/consultations":
                return Post("/api/v1/consultations", await ConsultationRequestAsync(TimeSpan.FromDays(1)));
            case "POST /api/v1/consultations/{id}/open":
                return Post($"/api/v1/consultations/{await ConsultationAsync(TimeSpan.FromDays(1), open: false)}/open", new { });
            case "POST /api/v1/consultations/{id}/extensions":
                return Post($"/api/v1/consultations/{await ConsultationAsync(TimeSpan.FromDays(1))}/extensions", new { closesAt = DateTimeOffset.UtcNow.AddDays(9), reason = "Matrix cell." });
            case "POST /api/v1/consultations/{id}/contributions":
                return Post($"/api/v1/consultations/{await ConsultationAsync(TimeSpan.FromDays(1))}/contributions", ContributionBody);
            case "POST /api/v1/consultations/{id}/synthesis":
                return Post($"/api/v1/consultations/{await ClosedConsultationAsync()}/synthesis", new { markdown = "Nothing was said." });
            case "POST /api/v1/consultations/{id}/presented":
                var closed = await ClosedConsultationAsync();
                await (await (await app.People.SecretariatAsync()).Api.PostJsonAsync($"/api/v1/consultations/{closed}/synthesis", new { markdown = "Nothing was said." }))
                    .ExpectAsync(HttpStatusCode.OK);
                return Post($"/api/v1/consultations/{closed}/presented", new { meeting = "Matrix meeting" });
            case "PUT /api/v1/contributions/{id}":
                return new HttpRequestMessage(HttpMethod.Put, $"/api/v1/contributions/{await OwnContributionAsync(caller)}") { Content = System.Net.Http.Json.JsonContent.Create(ContributionBody) };
            case "POST /api/v1/contributions/{id}/withdraw":
                return Post($"/api/v1/contributions/{await OwnContributionAsync(caller)}/withdraw", new { });
            case "POST /api/v1/contributions/{id}/attachments":
                var form = new MultipartFormDataContent();
                var pdf = new ByteArrayContent(System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"));
                pdf.Headers.ContentType = new("application/pdf");
                form.Add(pdf, "file", "matrix.pdf");
                return new HttpRequestMessage(HttpMethod.Post, $"/api/v1/contributions/{await OwnContributionAsync(caller)}/attachments") { Content = form };
            case "POST /api/v1/contributions/{id}/hide":
                return Post($"/api/v1/contributions/{await OwnContributionAsync(null)}/hide", new { reason = "spam" });
            case "POST /api/v1/follows":
                return Post("/api/v1/follows", new { bodyId = await app.Drafting.BodyAsync() });
            case "DELETE /api/v1/follows/{id}":
                // One's own follow; the public aims at someone's.
                var follower = caller ?? await app.People.RegisteredAsync();
                var follow = await (await follower.Api.PostJsonAsync("/api/v1/follows", new { bodyId = await app.Drafting.BodyAsync() })).ExpectAsync(HttpStatusCode.Created);
                return new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/follows/{Drafting.Id(follow)}");
            case "POST /api/v1/webhooks":
                return Post("/api/v1/webhooks", new { bodyId = await app.Drafting.BodyAsync(), url = "https://hooks.invalid/matrix" });
            case "POST /api/v1/webhooks/{id}/remove":
            {
                // One's own subscription; the public aims at someone's.
                var subscriber = caller ?? await app.People.RegisteredAsync();
                var webhook = await (await subscriber.Api.PostJsonAsync("/api/v1/webhooks", new { bodyId = await app.Drafting.BodyAsync(), url = "https://hooks.invalid/matrix" })).ExpectAsync(HttpStatusCode.Created);
                return Post($"/api/v1/webhooks/{Drafting.Id(webhook)}/remove", new { });
            }
            case "POST /api/v1/assessments":
                return Post("/api/v1/assessments", new { title = "Matrix round" });
            case "POST /api/v1/assessments/{id}/close":
                return Post($"/api/v1/assessments/{await AssessmentAsync()}/close", new { });
            case "POST /api/v1/assessments/{id}/ratings":
                return Post($"/api/v1/assessments/{await AssessmentAsync()}/ratings", new { dimension = "speed", score = 2 });
            case "POST /api/v1/record/checkpoints":
                return Post("/api/v1/record/checkpoints", new { });
            case "POST /api/v1/issues/{id}/scope-assessments":
                return Post($"/api/v1/issues/{await IssueAsync()}/scope-assessments", new { scope = "international-public-policy", reason = "Matrix cell." });
            case "POST /api/v1/issues/{id}/mapping-proposals":
                return Post($"/api/v1/issues/{await IssueAsync()}/mapping-proposals", new { kind = "external", title = "Matrix instrument", url = "https://example.org/matrix", reason = "Matrix cell." });
            case "POST /api/v1/issues/{id}/mapping-proposals/{proposalId}/decision":
            {
                var (issue, proposal) = await IssueWithProposalAsync();
                return Post($"/api/v1/issues/{issue}/mapping-proposals/{proposal}/decision", new { decision = "accept", reason = "Matrix cell." });
            }
            case "POST /api/v1/issues":
                return Post("/api/v1/issues", new { cluster = "legal", code = $"matrix-{Guid.NewGuid():N}", names = new { en = "Matrix issue" } });
            case "POST /api/v1/issues/{id}/names":
                return Post($"/api/v1/issues/{await IssueAsync()}/names", new { names = new { en = "Matrix issue, renamed" } });
            case "POST /api/v1/issues/{id}/merge":
                return Post($"/api/v1/issues/{await IssueAsync()}/merge", new { into = await IssueAsync(), reason = "Matrix cell." });
            case "POST /api/v1/issues/{id}/retire":
                return Post($"/api/v1/issues/{await IssueAsync()}/retire", new { reason = "Matrix cell." });
            case "POST /api/v1/issues/{id}/tags":
                return Post($"/api/v1/issues/{await IssueAsync()}/tags", new { subject = "document", subjectId = Drafting.Id(await app.Drafting.DocumentAsync()) });
            case "POST /api/v1/issues/{id}/tags/{tagId}/remove":
            {
                var issue = await IssueAsync();
                var tagged = await (await (await app.People.SecretariatAsync()).Api.PostJsonAsync($"/api/v1/issues/{issue}/tags",
                    new { subject = "document", subjectId = Drafting.Id(await app.Drafting.DocumentAsync()) })).ExpectAsync(HttpStatusCode.OK);
                return Post($"/api/v1/issues/{issue}/tags/{(string)tagged["tagged"]![0]!["id"]!}/remove", new { });
            }
            case "POST /api/v1/results":
                return Post("/api/v1/results", new { documentId = Drafting.Id(await app.Drafting.AdoptedDocumentAsync()), title = "Matrix result" });
            case "POST /api/v1/results/{id}/status":
                return Post($"/api/v1/results/{await ResultAsync()}/status", new { status = "delayed", progress = 10, reason = "Matrix cell." });
            case "POST /api/v1/results/{id}/milestones":
                return Post($"/api/v1/results/{await ResultAsync()}/milestones", new { title = "Matrix milestone", dueOn = "2027-01-31" });
            case "POST /api/v1/results/{id}/milestones/{milestoneId}/done":
            {
                var result = await ResultAsync();
                var added = await (await (await app.People.SecretariatAsync()).Api.PostJsonAsync($"/api/v1/results/{result}/milestones",
                    new { title = "Matrix milestone", dueOn = "2027-01-31" })).ExpectAsync(HttpStatusCode.OK);
                return Post($"/api/v1/results/{result}/milestones/{(string)added["milestones"]![0]!["id"]!}/done", new { });
            }
            case "POST /api/v1/results/{id}/implementers":
                return Post($"/api/v1/results/{await ResultAsync()}/implementers", new { organizationIds = new[] { (await app.People.OrganizationAsync()).Id } });
            case "POST /api/v1/reporting-cycles":
            {
                var (organization, _) = await reporting.ReporterAsync();
                var now = world.Clock.GetUtcNow();
                return Post("/api/v1/reporting-cycles", new { year = reporting.NextYear(), deadline = now.AddDays(30), organizationIds = new[] { organization } });
            }
            case "POST /api/v1/reporting-cycles/{year}/extensions":
            {
                var (organization, _) = await reporting.ReporterAsync();
                var year = await reporting.CycleAsync(TimeSpan.FromDays(30), organization);
                return Post($"/api/v1/reporting-cycles/{year}/extensions", new { organizationId = organization, deadline = world.Clock.GetUtcNow().AddDays(60), reason = "Matrix cell." });
            }
            case "POST /api/v1/reporting-cycles/{year}/drafts":
                return Post($"/api/v1/reporting-cycles/{await CycleRequestingAsync(caller)}/drafts", AnnualReports.Reporting.Report());
            case "POST /api/v1/reporting-cycles/{year}/reports":
                return Post($"/api/v1/reporting-cycles/{await CycleRequestingAsync(caller)}/reports", AnnualReports.Reporting.Report());
            case "POST /api/v1/reporting-cycles/{year}/close":
            {
                var (organization, _) = await reporting.ReporterAsync();
                return Post($"/api/v1/reporting-cycles/{await reporting.CycleAsync(TimeSpan.FromDays(-1), organization)}/close", new { });
            }
            case "POST /api/v1/reporting-cycles/{year}/compilation":
            {
                var (organization, _) = await reporting.ReporterAsync();
                var year = await reporting.CycleAsync(TimeSpan.FromDays(-1), organization);
                await (await (await reporting.SecretariatAsync()).Api.PostAsync($"/api/v1/reporting-cycles/{year}/close", null)).ExpectAsync(HttpStatusCode.OK);
                return Post($"/api/v1/reporting-cycles/{year}/compilation", new { markdown = "Matrix cell." });
            }
            case "POST /api/v1/reports/{id}/revisions":
            {
                // The caller's own organization's report when the caller is a reporter; otherwise another's.
                var reporter = caller is { Role: Role.Reporter } ? caller : (await reporting.ReporterAsync()).Reporter;
                var year = await CycleRequestingAsync(reporter);
                var submitted = await (await reporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", AnnualReports.Reporting.Report())).ExpectAsync(HttpStatusCode.Created);
                return Post($"/api/v1/reports/{(string)submitted["id"]!}/revisions", AnnualReports.Reporting.Report(reason: "Matrix cell."));
            }
            case "POST /api/v1/reports/{id}/languages":
            {
                var reporter = caller is { Role: Role.Reporter } ? caller : (await reporting.ReporterAsync()).Reporter;
                var year = await CycleRequestingAsync(reporter);
                var submitted = await (await reporter.Api.PostJsonAsync($"/api/v1/reporting-cycles/{year}/reports", AnnualReports.Reporting.Report())).ExpectAsync(HttpStatusCode.Created);
                return Post($"/api/v1/reports/{(string)submitted["id"]!}/languages", AnnualReports.Reporting.FrenchVersion());
            }
            case "POST /api/v1/meetings":
                return Post("/api/v1/meetings", Meetings.Scheduling.Request(await app.Drafting.BodyAsync()));
            case "POST /api/v1/meetings/{id}/changes":
                return Post($"/api/v1/meetings/{await MeetingAsync()}/changes", Meetings.MeetingsApiTests.ChangeRequest(Guid.Empty));
            case "POST /api/v1/meetings/{id}/cancel":
                return Post($"/api/v1/meetings/{await MeetingAsync()}/cancel", new { reason = "Matrix cell." });
            case "POST /api/v1/meetings/{id}/minutes":
                return Post($"/api/v1/meetings/{await MeetingAsync()}/minutes", new { summary = (string)(await app.Drafting.DocumentAsync())["symbol"]! });
            case "POST /api/v1/meetings/{id}/registrations":
                return Post($"/api/v1/meetings/{await MeetingAsync()}/registrations", new { capacity = "member" });
            case "POST /api/v1/meetings/{id}/registrations/{registrationId}/withdraw":
            {
                // One's own registration; those who cannot register aim at a stakeholder's.
                var (meeting, registration) = await RegistrationAsync(caller is { Role: Role.Delegate or Role.Stakeholder or Role.Reporter } ? caller : null);
                return Post($"/api/v1/meetings/{meeting}/registrations/{registration}/withdraw", new { });
            }
            case "POST /api/v1/meetings/{id}/registrations/{registrationId}/confirm":
            {
                var (meeting, registration) = await RegistrationAsync(null);
                return Post($"/api/v1/meetings/{meeting}/registrations/{registration}/confirm", new { });
            }
            case "POST /api/v1/meetings/{id}/speakers":
            {
                // The caller's own seat when they can hold one; the others ask at a meeting they have no seat at.
                var meeting = caller is { Role: Role.Delegate or Role.Stakeholder or Role.Reporter } ? (await RegistrationAsync(caller)).Meeting : await MeetingAsync();
                return Post($"/api/v1/meetings/{meeting}/speakers", new { agendaItem = 1 });
            }
            case "POST /api/v1/meetings/{id}/speakers/order":
            {
                var (meeting, request) = await FloorRequestAsync();
                return Post($"/api/v1/meetings/{meeting}/speakers/order", new { agendaItem = 1, order = new[] { request } });
            }
            case "POST /api/v1/meetings/{id}/speakers/{requestId}/give":
            {
                var (meeting, request) = await FloorRequestAsync();
                return Post($"/api/v1/meetings/{meeting}/speakers/{request}/give", new { });
            }
            case "POST /api/v1/meetings/{id}/speakers/{requestId}/close":
            {
                var (meeting, request) = await FloorRequestAsync();
                await (await (await app.Drafting.ChairAsync()).Api.PostAsync($"/api/v1/meetings/{meeting}/speakers/{request}/give", null)).ExpectAsync(HttpStatusCode.OK);
                return Post($"/api/v1/meetings/{meeting}/speakers/{request}/close", new { });
            }
            default:
                throw new InvalidOperationException($"No request written for {endpoint}: add one here.");
        }
    }

    /// <summary>An open meeting of a body of every Member State, scheduled for one cell.</summary>
    private async Task<string> MeetingAsync()
    {
        var secretariat = await app.Drafting.ChairAsync();
        var meeting = await (await secretariat.Api.PostJsonAsync("/api/v1/meetings", Meetings.Scheduling.Request(await app.Drafting.BodyAsync(), kind: "open-to-all-stakeholders")))
            .ExpectAsync(HttpStatusCode.Created);
        return (string)meeting["id"]!;
    }

    /// <summary>A registration to a fresh open meeting: the attendee's own, or a new stakeholder's.</summary>
    private async Task<(string Meeting, string Registration)> RegistrationAsync(TestPerson? attendee)
    {
        attendee ??= await app.People.StakeholderAsync();
        var meeting = await MeetingAsync();
        var view = await (await Meetings.Scheduling.RegisterAsync(attendee, meeting, "member")).ExpectAsync(HttpStatusCode.OK);
        return (meeting, (string)Meetings.Scheduling.Of(view, attendee)["id"]!);
    }

    /// <summary>A stakeholder's request for the floor on item 1 of a fresh meeting.</summary>
    private async Task<(string Meeting, string Request)> FloorRequestAsync()
    {
        var speaker = await app.People.StakeholderAsync();
        var (meeting, _) = await RegistrationAsync(speaker);
        var list = await (await speaker.Api.PostJsonAsync($"/api/v1/meetings/{meeting}/speakers", new { agendaItem = 1 })).ExpectAsync(HttpStatusCode.OK);
        return (meeting, (string)list[0]!["id"]!);
    }

    /// <summary>A result on a freshly adopted document, defined by the secretariat for one cell.</summary>
    private async Task<Guid> ResultAsync()
    {
        var secretariat = await app.People.SecretariatAsync();
        var document = Drafting.Id(await app.Drafting.AdoptedDocumentAsync());
        return Drafting.Id(await (await secretariat.Api.PostJsonAsync("/api/v1/results", new { documentId = document, title = "Matrix result" })).ExpectAsync(HttpStatusCode.Created));
    }

    /// <summary>A cycle requesting the caller's organization when the caller is a reporter (else another organization's).</summary>
    private async Task<int> CycleRequestingAsync(TestPerson? caller)
    {
        var organization = caller is { Role: Role.Reporter } ? await AnnualReports.Reporting.OrganizationOfAsync(app, caller) : (await reporting.ReporterAsync()).Organization;
        return await reporting.CycleAsync(TimeSpan.FromDays(30), organization);
    }

    /// <summary>An issue added by the secretariat for one cell.</summary>
    private async Task<string> IssueAsync()
    {
        var secretariat = await app.People.SecretariatAsync();
        var added = await (await secretariat.Api.PostJsonAsync("/api/v1/issues", new { cluster = "legal", code = $"matrix-{Guid.NewGuid():N}", names = new { en = "Matrix issue" } }))
            .ExpectAsync(HttpStatusCode.Created);
        return (string)added["code"]!;
    }

    private async Task<(string Issue, string Proposal)> IssueWithProposalAsync()
    {
        var issue = await IssueAsync();
        var proposal = await (await (await app.People.StakeholderAsync()).Api.PostJsonAsync($"/api/v1/issues/{issue}/mapping-proposals",
            new { kind = "external", title = "Matrix instrument", url = "https://example.org/matrix", reason = "Matrix cell." })).ExpectAsync(HttpStatusCode.Created);
        return (issue, (string)proposal["id"]!);
    }

    private static readonly object ContributionBody = new { language = "en", consentToCite = true, answers = new[] { new { question = 1, text = "Matrix cell." } } };

    private async Task<object> ConsultationRequestAsync(TimeSpan closesIn)
    {
        var secretariat = await app.People.SecretariatAsync();
        var body = await (await secretariat.Api.PostJsonAsync("/api/v1/bodies", Drafting.BodyRequest())).ExpectAsync(HttpStatusCode.Created);
        var now = world.Clock.GetUtcNow();
        return new
        {
            bodyId = (string)body["id"]!, topic = "Matrix consultation", description = "A target for one cell.",
            questions = new[] { "Any views?" }, eligibility = "all-stakeholders", opensAt = now.AddMinutes(-1), closesAt = now + closesIn,
        };
    }

    /// <summary>An open assessment round made by the secretariat for one cell.</summary>
    private async Task<string> AssessmentAsync()
    {
        var secretariat = await app.People.SecretariatAsync();
        return (string)(await (await secretariat.Api.PostJsonAsync("/api/v1/assessments", new { title = "Matrix round" })).ExpectAsync(HttpStatusCode.Created))["id"]!;
    }

    /// <summary>A consultation made by the secretariat for one cell, opened unless asked otherwise.</summary>
    private async Task<string> ConsultationAsync(TimeSpan closesIn, bool open = true)
    {
        var secretariat = await app.People.SecretariatAsync();
        var created = await (await secretariat.Api.PostJsonAsync("/api/v1/consultations", await ConsultationRequestAsync(closesIn))).ExpectAsync(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        if (open) await (await secretariat.Api.PostAsync($"/api/v1/consultations/{id}/open", null)).ExpectAsync(HttpStatusCode.OK);
        return id;
    }

    /// <summary>A consultation that has closed by the clock: it closes a second after it is made, and
    /// the clock is then moved on two seconds.</summary>
    private async Task<string> ClosedConsultationAsync()
    {
        var id = await ConsultationAsync(TimeSpan.FromSeconds(1));
        world.Clock.Advance(TimeSpan.FromSeconds(2));
        return id;
    }

    /// <summary>The caller's own contribution when the caller can contribute; otherwise someone else's.</summary>
    private async Task<string> OwnContributionAsync(TestPerson? caller)
    {
        var author = caller is { Role: Role.Delegate or Role.Stakeholder or Role.Reporter } ? caller : await app.People.StakeholderAsync();
        var consultation = await ConsultationAsync(TimeSpan.FromDays(1));
        var created = await (await author.Api.PostJsonAsync($"/api/v1/consultations/{consultation}/contributions", ContributionBody)).ExpectAsync(HttpStatusCode.Created);
        return (string)created["id"]!;
    }

    private static HttpRequestMessage Post(string url, object body)
        => new(HttpMethod.Post, url) { Content = System.Net.Http.Json.JsonContent.Create(body) };

    /// <summary>"/api/v1/accreditations/{id:guid}/approve" -> "/api/v1/accreditations/{id}/approve".</summary>
    private static string Normalize(string pattern) => RouteConstraint().Replace(pattern, "{$1}").TrimEnd('/');

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z0-9_]+)[:?=][^}]*\}")]
    private static partial Regex RouteConstraint();
}
