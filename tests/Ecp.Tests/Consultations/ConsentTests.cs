using System.Net;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests.Consultations;

/// <summary>
/// The consent rule (PublicAttribution, docs/record.md "Consent") across every public output: a
/// contributor who did not consent to be cited is never named, linked or referenced beside their
/// contribution — not on the consultation page in any language, its API, results, CSV, the Atom
/// feed, the record (page, API, download), nor joined to it through the person's profile, their
/// State's delegation or their organization. A government contribution shows the State.
/// </summary>
public sealed class ConsentTests(EcpFactory factory) : IClassFixture<EcpFactory>
{
    private static readonly string[] SixLanguages = ["en", "ar", "es", "fr", "ru", "zh"];

    [Fact]
    public async Task ContributionsWithoutConsent_EveryPublicOutput_NeverJoinsThePersonToTheirContribution()
    {
        var secretariat = await factory.People.SecretariatAsync();
        var consultationId = await OpenQuestionnaireAsync(secretariat);
        // Cuba has one delegate: the case of issue 8, where a list of the delegation named the author.
        var delegatePerson = await factory.People.DelegateAsync("CUB", $"Delegate Ximena {Guid.NewGuid():N}"[..24]);
        var organization = await factory.People.OrganizationAsync(name: $"Single-member NGO {Guid.NewGuid():N}"[..26]);
        var stakeholder = await factory.People.StakeholderAsync(organization.Id, displayName: $"Stakeholder Yusuf {Guid.NewGuid():N}"[..25]);
        var named = await factory.People.StakeholderAsync(displayName: $"Named Zofia {Guid.NewGuid():N}"[..20]);

        var fromCuba = await SubmitAsync(delegatePerson, consultationId, consent: false, "Cuba's view on access.");
        var fromNgo = await SubmitAsync(stakeholder, consultationId, consent: false, "An NGO's view on access.");
        await SubmitAsync(named, consultationId, consent: true, "A named view.");
        // Every later event of a contribution without consent keeps it unnamed: an edit, a file, a withdrawal.
        await (await delegatePerson.Api.PutAsJsonAsync($"/api/v1/contributions/{fromCuba.Id}", Answers(false, "Cuba's view on access, revised."))).ExpectAsync(HttpStatusCode.OK);
        await UploadAsync(delegatePerson, fromCuba.Id);
        await (await stakeholder.Api.PostAsync($"/api/v1/contributions/{fromNgo.Id}/withdraw", null)).ExpectAsync(HttpStatusCode.OK);

        var hidden = new[] { delegatePerson, stakeholder };
        var anonymous = factory.CreatePublicClient();

        // The consultation page, in the six languages.
        foreach (var language in SixLanguages)
        {
            var page = await anonymous.GetPageAsync($"/consultations/{consultationId}?culture={language}");
            AssertNamesNone(page.QuerySelector("main")!.OuterHtml, hidden, $"/consultations/{consultationId} ({language})");
            Assert.Contains(named.DisplayName, page.QuerySelector("main")!.TextContent); // the page does name who consented
            var cuba = page.QuerySelector($"#c-{fromCuba.Number}-by")!.TextContent;
            Assert.Contains(Localized("Contribution.GovernmentOf", language, await StateNameAsync("CUB", language)), Normalize(cuba));
        }
        // The API, the results, the CSV, the versions.
        foreach (var url in new[]
        {
            $"/api/v1/consultations/{consultationId}", "/api/v1/consultations", $"/api/v1/consultations/{consultationId}/results",
            $"/api/v1/consultations/{consultationId}/results.csv", $"/consultations/{consultationId}/results",
            $"/api/v1/contributions/{fromCuba.Id}/versions", $"/api/v1/contributions/{fromNgo.Id}/versions",
        })
        {
            AssertNamesNone(await anonymous.GetStringAsync(url), hidden, url);
        }
        var api = (await anonymous.GetJsonAsync($"/api/v1/consultations/{consultationId}"))["contributions"]!.AsArray();
        var cubaView = api.Single(c => (string?)c!["id"] == fromCuba.Id)!;
        Assert.Equal("member-state", (string?)cubaView["attributedTo"]);
        Assert.Equal("CUB", (string?)cubaView["memberState"]);
        var ngoView = api.Single(c => (string?)c!["id"] == fromNgo.Id)!;
        Assert.Equal("stakeholder-group", (string?)ngoView["attributedTo"]);
        Assert.Null(ngoView["organizationId"]);
        Assert.Null(ngoView["organizationName"]);

        // The Atom feed.
        foreach (var language in new[] { "en", "ar" })
        {
            AssertNamesNone(await anonymous.GetStringAsync($"/feeds/consultations.atom?culture={language}"), hidden, "feed");
        }
        var bodyId = (string)(await anonymous.GetJsonAsync($"/api/v1/consultations/{consultationId}"))["bodyId"]!;
        foreach (var url in new[] { $"/feeds/consultations/{consultationId}.atom", $"/feeds/bodies/{bodyId}.atom" })
        {
            AssertNamesNone(await anonymous.GetStringAsync(url), hidden, url);
        }

        // Every open data dump, in every format.
        foreach (var dataset in (await anonymous.GetJsonAsync("/api/v1/open-data"))["datasets"]!.AsArray())
        {
            foreach (var file in dataset!["files"]!.AsArray().Select(f => (string)f!["url"]!).Where(u => !u.EndsWith(".gz", StringComparison.Ordinal)))
            {
                AssertNamesNone(await anonymous.GetStringAsync(file), hidden, file);
            }
        }

        // The record: each entry of these contributions names only the group, under a hash.
        foreach (var (contribution, group) in new[] { (fromCuba, "government"), (fromNgo, "civil-society") })
        {
            var entries = await anonymous.RecordEntriesAsync("contribution", contribution.Id);
            Assert.NotEmpty(entries);
            foreach (var entry in entries)
            {
                Assert.Matches("^committed/[0-9a-f]{64}$", (string)entry!["actor"]!);
                Assert.Equal("", (string?)entry["actorName"]);
                Assert.Equal(group, (string?)entry["actorGroup"]);
            }
            AssertNamesNone(entries.ToJsonString(), hidden, $"record of {contribution.Id}");
            AssertNamesNone((await anonymous.GetPageAsync($"/record?entity=contribution&entityId={contribution.Id}")).QuerySelector("main")!.OuterHtml, hidden, "record page");
        }
        // The whole record, as downloaded, and the home page's recent activity: no line about these
        // contributions names or references the person.
        var lines = (await anonymous.GetStringAsync("/api/v1/record/download")).Split('\n');
        var about = lines.Where(l => l.Contains(fromCuba.Id, StringComparison.Ordinal) || l.Contains(fromNgo.Id, StringComparison.Ordinal)).ToList();
        Assert.Equal(5, about.Count); // submitted (2), edited, attachment-added, withdrawn
        AssertNamesNone(string.Join('\n', about), hidden, "record download");
        var home = await anonymous.GetPageAsync("/");
        AssertNamesNone(string.Join('\n', home.QuerySelectorAll("main tr").Where(tr => tr.TextContent.Contains("contribution/", StringComparison.Ordinal)).Select(tr => tr.OuterHtml)), hidden, "home");

        // No other route joins them: the person's profile, the delegation, the organization say
        // nothing of the contribution; the public delegation of Cuba names no one.
        foreach (var url in new[] { $"/people/{delegatePerson.Id}", $"/people/{stakeholder.Id}", $"/organizations/{organization.Id}", "/member-states/CUB", $"/api/v1/people/{delegatePerson.Id}" })
        {
            var text = await anonymous.GetStringAsync(url);
            Assert.DoesNotContain(consultationId, text);
            Assert.DoesNotContain(fromCuba.Id, text);
            Assert.DoesNotContain(fromNgo.Id, text);
        }
        foreach (var url in new[] { "/member-states/CUB", "/api/v1/member-states/CUB/delegation" })
        {
            AssertNamesNone(await anonymous.GetStringAsync(url), [delegatePerson], url);
        }
        Assert.Equal(1, (int)(await anonymous.GetJsonAsync("/api/v1/member-states/CUB/delegation"))["delegates"]!);
    }

    [Fact]
    public async Task Delegation_Public_SeesOnlyTheCountWhileTheDelegationAndSecretariatSeeNames()
    {
        var first = await factory.People.DelegateAsync("LSO");
        var second = await factory.People.DelegateAsync("LSO");
        var other = await factory.People.DelegateAsync("BWA");
        var secretariat = await factory.People.SecretariatAsync();

        var publicView = await factory.CreatePublicClient().GetJsonAsync("/api/v1/member-states/LSO/delegation");
        Assert.Equal(2, (int)publicView["delegates"]!);
        Assert.Null(publicView["members"]);
        Assert.Null((await other.Api.GetJsonAsync("/api/v1/member-states/LSO/delegation"))["members"]);
        foreach (var insider in new[] { first, secretariat })
        {
            var members = (await insider.Api.GetJsonAsync("/api/v1/member-states/LSO/delegation"))["members"]!.AsArray();
            Assert.Equal([first.Id.ToString(), second.Id.ToString()], members.Select(m => (string)m!["id"]!).Order());
        }

        var page = await factory.CreatePublicClient().GetPageAsync("/member-states/LSO?culture=fr");
        Assert.Null(page.QuerySelector($"a[href='/people/{first.Id}']"));
        Assert.Contains("2", page.QuerySelector("#delegates-count")!.TextContent);
        var (browser, _) = await factory.People.LogInAsync(second);
        Assert.NotNull((await browser.GetPageAsync("/member-states/LSO")).QuerySelector($"a[href='/people/{first.Id}']"));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task ContributionForm_BeforeSubmitting_SaysWhatAContributionWithoutConsentShows(string language)
    {
        var secretariat = await factory.People.SecretariatAsync();
        var consultationId = await OpenQuestionnaireAsync(secretariat);
        var delegatePerson = await factory.People.DelegateAsync("URY");
        var stakeholder = await factory.People.StakeholderAsync(group: "private-sector");

        var (delegateBrowser, _) = await factory.People.LogInAsync(delegatePerson);
        var hint = (await delegateBrowser.GetPageAsync($"/consultations/{consultationId}?culture={language}")).QuerySelector("#consent-without")!.TextContent;
        Assert.Contains(Localized("Contribution.GovernmentOf", language, await StateNameAsync("URY", language)), Normalize(hint));

        var (stakeholderBrowser, _) = await factory.People.LogInAsync(stakeholder);
        var page = await stakeholderBrowser.GetPageAsync($"/consultations/{consultationId}?culture={language}");
        Assert.Equal("consent-without", page.QuerySelector("#Contribute_ConsentToCite")!.GetAttribute("aria-describedby"));
        var groupName = (await factory.CreatePublicClient().GetJsonAsync($"/api/v1/stakeholder-groups?culture={language}")).AsArray()
            .Single(g => (string?)g!["code"] == "private-sector")!["name"]!.GetValue<string>();
        Assert.Contains(Localized("Contribution.AnonymousFrom", language, groupName), Normalize(page.QuerySelector("#consent-without")!.TextContent));
    }

    private static void AssertNamesNone(string output, IEnumerable<TestPerson> people, string where)
    {
        foreach (var p in people)
        {
            Assert.False(output.Contains(p.DisplayName, StringComparison.Ordinal), $"{where} names {p.DisplayName}");
            Assert.False(output.Contains(p.Id.ToString(), StringComparison.OrdinalIgnoreCase), $"{where} has the id of {p.DisplayName}");
            Assert.False(output.Contains(p.Id.ToString("N"), StringComparison.OrdinalIgnoreCase), $"{where} has the id of {p.DisplayName}");
            Assert.False(output.Contains(p.Email, StringComparison.OrdinalIgnoreCase), $"{where} has the e-mail of {p.DisplayName}");
            Assert.False(output.Contains(p.AccountId, StringComparison.Ordinal), $"{where} has the account of {p.DisplayName}");
        }
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private async Task<string> StateNameAsync(string code, string language)
        => (string)(await factory.CreatePublicClient().GetJsonAsync($"/api/v1/member-states/{code}"))["names"]![language]!;

    /// <summary>A resource string as the app formats it in a language.</summary>
    private static string Localized(string key, string language, params object[] args)
    {
        var culture = System.Globalization.CultureInfo.GetCultureInfo(language);
        return string.Format(culture, Resources.GetString(key, culture)!, args);
    }

    private static readonly System.Resources.ResourceManager Resources = new("Ecp.Resources.SharedResource", typeof(Ecp.Resources.SharedResource).Assembly);

    private async Task<string> OpenQuestionnaireAsync(TestPerson secretariat)
    {
        var body = await (await secretariat.Api.PostJsonAsync("/api/v1/bodies", Drafting.BodyRequest())).ExpectAsync(HttpStatusCode.Created);
        var created = await (await secretariat.Api.PostJsonAsync("/api/v1/consultations", new
        {
            bodyId = (string)body["id"]!, topic = "Access and consent", description = "Who may be named.",
            eligibility = "all-stakeholders", opensAt = DateTimeOffset.UtcNow.AddMinutes(-1), closesAt = DateTimeOffset.UtcNow.AddDays(5),
            questions = new object[] { "What matters most?", new { text = "How far has it come?", type = "scale" } },
        })).ExpectAsync(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        await (await secretariat.Api.PostAsync($"/api/v1/consultations/{id}/open", null)).ExpectAsync(HttpStatusCode.OK);
        return id;
    }

    private static object Answers(bool consent, string text) => new
    {
        language = "en",
        consentToCite = consent,
        answers = new object[] { new { question = 1, text }, new { question = 2, scale = 3 } },
    };

    private static async Task<(string Id, int Number)> SubmitAsync(TestPerson author, string consultationId, bool consent, string text)
    {
        var created = await (await author.Api.PostJsonAsync($"/api/v1/consultations/{consultationId}/contributions", Answers(consent, text))).ExpectAsync(HttpStatusCode.Created);
        return ((string)created["id"]!, (int)created["number"]!);
    }

    private static async Task UploadAsync(TestPerson author, string contributionId)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(AttachmentAndSynthesisTests.Pdf);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", "position.pdf");
        await (await author.Api.PostAsync($"/api/v1/contributions/{contributionId}/attachments", content)).ExpectAsync(HttpStatusCode.Created);
    }
}
