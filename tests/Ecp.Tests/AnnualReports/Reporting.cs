using System.Net;
using Ecp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ecp.Tests.AnnualReports;

/// <summary>Reporting cycles and reporters made over the API for one factory: each cycle gets a
/// year of its own (one cycle a year), so every test owns its cycle.</summary>
public sealed class Reporting(EcpFactory app, TimeProvider clock)
{
    private readonly SemaphoreSlim secretariatLock = new(1, 1);
    private int lastYear = 2005;
    private TestPerson? secretariat;

    public async Task<TestPerson> SecretariatAsync()
    {
        await secretariatLock.WaitAsync();
        try
        {
            return secretariat ??= await app.People.SecretariatAsync();
        }
        finally
        {
            secretariatLock.Release();
        }
    }

    /// <summary>A relevant organization and a reporter of it.</summary>
    public async Task<(Guid Organization, TestPerson Reporter)> ReporterAsync()
    {
        var organization = await app.People.OrganizationAsync(relevant: true, group: "technical-academic");
        return (organization.Id, await app.People.ReporterAsync(organization.Id));
    }

    /// <summary>A year no cycle of this factory has taken.</summary>
    public int NextYear() => Interlocked.Increment(ref lastYear);

    /// <summary>The organization the person reports for, as the database has it.</summary>
    public static async Task<Guid> OrganizationOfAsync(EcpFactory app, TestPerson reporter)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Ecp.Data.AppDbContext>();
        return (await db.People.FindAsync(reporter.Id))!.OrganizationId!.Value;
    }

    /// <summary>
    /// A cycle for a year of its own, taking reports now, with its deadline <paramref name="deadlineIn"/>
    /// from now (in the past when negative). Tests put the deadline a minute or so ahead and move the
    /// fake clock past it by seconds: moving it by days would fire every periodic timer of the app
    /// once per period skipped.
    /// </summary>
    public async Task<int> CycleAsync(TimeSpan deadlineIn, params Guid[] organizations)
    {
        var year = NextYear();
        var deadline = clock.GetUtcNow() + deadlineIn;
        await (await (await SecretariatAsync()).Api.PostJsonAsync("/api/v1/reporting-cycles",
                new { year, opensAt = deadline - TimeSpan.FromDays(90), deadline, organizationIds = organizations }))
            .ExpectAsync(HttpStatusCode.Created);
        return year;
    }

    /// <summary>A report with every field of template version 1 filled in.</summary>
    public static object Report(string activities = "Held four open consultations on the root zone.", string? reason = null, Guid? organizationId = null) => new
    {
        language = "en",
        activities,
        issuesAddressed = new[] { "root-zone", "multilingualism" },
        stakeholderInvolvement = new[] { new { stakeholderGroup = "civil-society", how = "Two seats on the review panel." } },
        outcomes = new[] { new { title = "Resolution on enhanced cooperation", url = "https://www.itu.int/res/102", symbol = "A/RES/70/125" } },
        indicators = new[] { new { name = "Open consultations held", value = 4.0m, unit = "consultations" } },
        difficulties = "Few contributions from Africa.",
        plans = "Translate every consultation into six languages.",
        reason,
        organizationId,
    };

    /// <summary>The French version of <see cref="Report"/>'s text: every field it fills, in its order.</summary>
    public static object FrenchVersion(string activities = "Quatre consultations ouvertes sur la zone racine.") => new
    {
        language = "fr",
        activities,
        stakeholderInvolvement = new[] { new { stakeholderGroup = "civil-society", how = "Deux sièges au comité d'examen." } },
        outcomeTitles = new[] { "Résolution sur la coopération renforcée" },
        indicators = new[] { new { name = "Consultations ouvertes tenues", unit = "consultations" } },
        difficulties = "Peu de contributions d'Afrique.",
        plans = "Traduire chaque consultation dans les six langues.",
    };
}
