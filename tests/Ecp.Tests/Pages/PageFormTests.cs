using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Registry;
using Ecp.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecp.Tests.Pages;

/// <summary>The pages' forms through the real pipeline: antiforgery, model binding, cookies.</summary>
public sealed class PageFormTests(EcpFactory factory) : IClassFixture<EcpFactory>
{
    [Fact]
    public async Task SignUp_WithShortPasswordInFrench_ShowsFrenchErrorAndChangesNothing()
    {
        var browser = factory.CreateClient();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var before = await CountsAsync();

        using var response = await browser.SubmitFormAsync("/account/sign-up", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Marie Curie",
            ["Input.Email"] = $"marie-{Guid.NewGuid():N}@test.example",
            ["Input.Password"] = "short",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        var summary = page.QuerySelector(".error-summary")!;
        Assert.Contains("12", summary.TextContent);
        Assert.DoesNotContain("Use at least", summary.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='#Input_Password']"));
        Assert.Equal("true", page.QuerySelector("#Input_Password")!.GetAttribute("aria-invalid"));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task SignUp_WithoutAntiforgeryToken_IsRefusedAndChangesNothing()
    {
        var browser = factory.CreateClient();
        var before = await CountsAsync();
        using var response = await browser.PostAsync("/account/sign-up", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Forger",
            ["Input.Email"] = $"forger-{Guid.NewGuid():N}@test.example",
            ["Input.Password"] = "a perfectly long password",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task SignUp_Valid_LogsInRecordsThePersonAndAsksForAccreditation()
    {
        var browser = factory.CreateClient();
        var name = $"Newcomer {Guid.NewGuid():N}"[..20];
        using var response = await browser.SubmitFormAsync("/account/sign-up", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = name,
            ["Input.Email"] = $"new-{Guid.NewGuid():N}@test.example",
            ["Input.Password"] = "a perfectly long password",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/accreditation/request", response.Headers.Location!.OriginalString);

        var account = await browser.GetPageAsync("/account");
        Assert.Contains(name, account.QuerySelector("main")!.TextContent);
        var record = await factory.CreatePublicClient().GetFromJsonAsync<JsonElement>("/api/v1/record?entity=person&limit=200");
        Assert.Contains(record.GetProperty("entries").EnumerateArray(),
            e => e.GetProperty("action").GetString() == "person.registered" && e.GetProperty("actorName").GetString() == name);
    }

    [Fact]
    public async Task EmailLanguage_SignedUpInArabic_IsArabicAndChangesOnTheAccountPage()
    {
        var browser = factory.CreateClient();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar");
        using var signedUp = await browser.SubmitFormAsync("/account/sign-up", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Layla",
            ["Input.Email"] = $"layla-{Guid.NewGuid():N}@test.example",
            ["Input.Password"] = "a perfectly long password",
        });
        Assert.Equal(HttpStatusCode.Redirect, signedUp.StatusCode);
        var account = await browser.GetPageAsync("/account");
        Assert.Equal("ar", account.QuerySelector("#Language_Language option[selected]")!.GetAttribute("value"));

        using var saved = await browser.SubmitFormAsync("/account", new Dictionary<string, string> { ["Language.Language"] = "fr" },
            "form[action*='handler=Language']");
        var page = await Html.ParseAsync(saved);
        Assert.Contains("Français", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("fr", page.QuerySelector("#Language_Language option[selected]")!.GetAttribute("value"));

        using var refused = await browser.SubmitFormAsync("/account", new Dictionary<string, string> { ["Language.Language"] = "de" },
            "form[action*='handler=Language']");
        var again = await Html.ParseAsync(refused);
        Assert.NotNull(again.QuerySelector("#Language_Language-error"));
        Assert.Equal("fr", again.QuerySelector("#Language_Language option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task SignUp_WithAnEmailAlreadyTaken_SaysSoBesideTheField()
    {
        var existing = await factory.People.RegisteredAsync();
        var browser = factory.CreateClient();
        using var response = await browser.SubmitFormAsync("/account/sign-up", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Twin",
            ["Input.Email"] = existing.Email,
            ["Input.Password"] = "a perfectly long password",
        });
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("#Input_Email-error"));
        Assert.Single(page.QuerySelectorAll(".error-summary li"));
    }

    [Fact]
    public async Task RequestAccreditation_AsRegisteredPerson_IsRecordedAndShownOnTheAccount()
    {
        var person = await factory.People.RegisteredAsync();
        var (browser, _) = await factory.People.LogInAsync(person);

        using var response = await browser.SubmitFormAsync("/accreditation/request", new Dictionary<string, string>
        {
            ["Input.Kind"] = "delegate",
            ["Input.MemberState"] = "KEN",
            ["Input.Motivation"] = "Appointed by the Permanent Mission.",
        }, "main form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var account = await browser.GetPageAsync("/account");
        Assert.Contains("Kenya", account.QuerySelector("main")!.TextContent);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(AccreditationStatus.Pending, (await db.Accreditations.SingleAsync(a => a.PersonId == person.Id)).Status);
    }

    [Fact]
    public async Task RequestAccreditation_WithoutKind_ShowsTheErrorAndChangesNothing()
    {
        var person = await factory.People.RegisteredAsync();
        var (browser, _) = await factory.People.LogInAsync(person);
        var before = await CountsAsync();

        using var response = await browser.SubmitFormAsync("/accreditation/request", new Dictionary<string, string>
        {
            ["Input.Motivation"] = "",
        }, "main form");

        var page = await Html.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("a[href='#Input_Kind']"));
        Assert.NotNull(page.QuerySelector("a[href='#Input_Motivation']"));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task AccreditationQueue_ForANonSecretariat_IsDenied()
    {
        var delegatePerson = await factory.People.DelegateAsync("PER");
        var (browser, _) = await factory.People.LogInAsync(delegatePerson);
        using var response = await browser.GetAsync("/secretariat/accreditations");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.AbsolutePath);

        using var anonymous = await factory.CreateClient().GetAsync("/secretariat/accreditations");
        Assert.StartsWith("/account/log-in", anonymous.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task AccreditationQueue_SecretariatApproves_PersonBecomesDelegateAtOnce()
    {
        var pending = await factory.People.PendingAccreditationAsync("NGA");
        var secretariat = await factory.People.SecretariatAsync();
        var (browser, _) = await factory.People.LogInAsync(secretariat);

        var queue = await browser.GetPageAsync("/secretariat/accreditations");
        using var response = await browser.SubmitFormAsync(queue, "/secretariat/accreditations",
            new Dictionary<string, string> { ["id"] = pending.Id.ToString() },
            $"form[action*='handler=Approve']:has(input[value='{pending.Id}'])");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var person = await db.People.SingleAsync(p => p.Id == pending.PersonId);
        Assert.Equal(Role.Delegate, person.Role);
        Assert.Equal("NGA", person.MemberStateCode);
    }

    [Fact]
    public async Task AccreditationQueue_RejectWithoutReason_ShowsErrorAndStaysPending()
    {
        var pending = await factory.People.PendingAccreditationAsync("GHA");
        var secretariat = await factory.People.SecretariatAsync();
        var (browser, _) = await factory.People.LogInAsync(secretariat);
        var before = await CountsAsync();

        var queue = await browser.GetPageAsync("/secretariat/accreditations");
        using var response = await browser.SubmitFormAsync(queue, "/secretariat/accreditations",
            new Dictionary<string, string> { ["id"] = pending.Id.ToString(), [$"Reject_{pending.Id:N}.Reason"] = "  " },
            $"form[action*='handler=Reject']:has(input[value='{pending.Id}'])");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.QuerySelector($"#Reject_{pending.Id:N}_Reason-error"));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task ApiTokens_IssuedOnTheAccountPage_WorkUntilRevokedThere()
    {
        var person = await factory.People.RegisteredAsync();
        var (browser, _) = await factory.People.LogInAsync(person);

        using var issued = await browser.SubmitFormAsync("/account", new Dictionary<string, string> { ["Input.Name"] = "my script" },
            "form[action*='handler=Issue']");
        var page = await Html.ParseAsync(issued);
        var token = page.QuerySelector("[role=status] code")!.TextContent.Trim();
        Assert.StartsWith("ecp_", token);

        var api = factory.CreateClient(token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        var account = await browser.GetPageAsync("/account");
        var row = account.QuerySelectorAll("tr").First(r => r.TextContent.Contains("my script"));
        var tokenId = row.QuerySelector("input[name=tokenId]")!.GetAttribute("value")!;
        using var revoked = await browser.SubmitFormAsync(account, "/account", new Dictionary<string, string> { ["tokenId"] = tokenId },
            $"form[action*='handler=Revoke']:has(input[value='{tokenId}'])");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task LogIn_WithWrongPassword_SaysSoWithoutTellingWhichAndLocksAfterFive()
    {
        var person = await factory.People.RegisteredAsync();
        string? message = null;
        for (var i = 0; i < 5; i++)
        {
            using var response = await factory.CreateClient().SubmitFormAsync("/account/log-in", new Dictionary<string, string>
            {
                ["Input.Email"] = person.Email,
                ["Input.Password"] = "not the password at all",
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            message ??= (await Html.ParseAsync(response)).QuerySelector(".error-summary li")!.TextContent;
        }
        using var unknown = await factory.CreateClient().SubmitFormAsync("/account/log-in", new Dictionary<string, string>
        {
            ["Input.Email"] = $"nobody-{Guid.NewGuid():N}@test.example",
            ["Input.Password"] = "not the password at all",
        });
        var unknownMessage = (await Html.ParseAsync(unknown)).QuerySelector(".error-summary li")!.TextContent;

        // Even the right password is refused now: the account is locked.
        using var locked = await factory.CreateClient().SubmitFormAsync("/account/log-in", new Dictionary<string, string>
        {
            ["Input.Email"] = person.Email,
            ["Input.Password"] = person.Password,
        });
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        var lockedMessage = (await Html.ParseAsync(locked)).QuerySelector(".error-summary li")!.TextContent;
        Assert.NotEqual(message, lockedMessage);
        Assert.Equal(unknownMessage, (await Html.ParseAsync(await factory.CreateClient().SubmitFormAsync("/account/log-in", new Dictionary<string, string>
        {
            ["Input.Email"] = person.Email + ".other",
            ["Input.Password"] = "x",
        }))).QuerySelector(".error-summary li")!.TextContent);
    }

    [Fact]
    public async Task Account_Anonymous_RedirectsToLogIn()
    {
        using var response = await factory.CreateClient().GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/log-in", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("ar", "rtl")]
    [InlineData("zh", "ltr")]
    [InlineData("en", "ltr")]
    [InlineData("fr", "ltr")]
    [InlineData("ru", "ltr")]
    [InlineData("es", "ltr")]
    public async Task PublicPages_InEachLanguage_CarryLangAndDirection(string language, string direction)
    {
        var client = factory.CreatePublicClient();
        foreach (var url in new[] { "/", "/member-states", "/member-states/FRA", "/organizations", "/record", "/account/sign-up", "/account/log-in" })
        {
            var page = await client.GetPageAsync($"{url}?culture={language}");
            Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
            Assert.Equal(direction, page.DocumentElement.GetAttribute("dir"));
        }
    }

    [Fact]
    public async Task LanguageSwitcher_RemembersTheChoiceInACookie()
    {
        var browser = factory.CreateClient();
        using var set = await browser.GetAsync("/set-language?culture=ru&returnUrl=/member-states");
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/member-states", set.Headers.Location!.OriginalString);
        var page = await browser.GetPageAsync("/member-states");
        Assert.Equal("ru", page.DocumentElement.GetAttribute("lang"));

        using var offsite = await browser.GetAsync("/set-language?culture=fr&returnUrl=//evil.example/");
        Assert.Equal("/", offsite.Headers.Location!.OriginalString);
    }

    private async Task<(int People, int Accreditations, long Head)> CountsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await db.People.CountAsync(), await db.Accreditations.CountAsync(a => a.Status == AccreditationStatus.Pending),
            (await db.RecordHeads.SingleAsync()).Sequence);
    }
}
