using System.ComponentModel;
using System.Diagnostics;
using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Accounts;
using Ecp.Features.Bodies;
using Ecp.Features.Consultations;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Spectre.Console.Cli;

namespace Ecp.Bench;

internal sealed class SetupCommand : AsyncCommand<SetupCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--database <DATABASE>")]
        [Description("SQLite file path or PostgreSQL connection string (Host=...).")]
        public string Database { get; init; } = "";

        [CommandOption("--stakeholders <N>")]
        [Description("Accredited stakeholders, each with its own API token. Default 64.")]
        public int Stakeholders { get; init; } = 64;

        [CommandOption("--out <FILE>")]
        [Description("Where to write the consultation id and the tokens. Default setup.json.")]
        public string Out { get; init; } = "setup.json";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        await using var app = BenchHost.Build(settings.Database);
        var services = app.Services;
        // A fresh suffix: setup can run again on the same database.
        var run = Guid.NewGuid().ToString("N")[..8];

        await Scoped(services, async sp => await Database.MigrateAsync(sp.GetRequiredService<AppDbContext>(), ct: ct));

        var secretariat = await Scoped(services, async sp => BenchHost.Expect(await sp.GetRequiredService<AppointSecretariat>()
            .HandleAsync(Actor.System("bench"), new($"secretariat-{run}@bench.ecp.example", "Bench Secretariat", Password()), ct), "AppointSecretariat"));
        var chair = Actor.Of(secretariat);

        var body = await Scoped(services, async sp => BenchHost.Expect(await sp.GetRequiredService<EstablishBody>().HandleAsync(chair, new()
        {
            Name = $"Surge Benchmark Working Group {run}", Acronym = "SBWG", MandateReference = "bench/surge.sh",
            MembershipRule = "all-member-states", ObserverRule = "Open consultation to all stakeholders.",
        }, ct), "EstablishBody"));

        var now = DateTimeOffset.UtcNow;
        var consultation = await Scoped(services, async sp => BenchHost.Expect(await sp.GetRequiredService<DraftConsultation>().HandleAsync(chair, new()
        {
            BodyId = body.Id,
            Topic = $"Surge benchmark {run}",
            Description = "A consultation that receives a burst of contributions over the API.",
            Questions = ["What should the Working Group consider?"],
            Eligibility = "all-stakeholders",
            OpensAt = now.AddMinutes(-1),
            ClosesAt = now.AddDays(30),
        }, ct), "DraftConsultation"));
        await Scoped(services, async sp => BenchHost.Expect(await sp.GetRequiredService<OpenConsultation>().HandleAsync(chair, consultation.Id, ct), "OpenConsultation"));

        var tokens = new List<string>(settings.Stakeholders);
        for (var i = 0; i < settings.Stakeholders; i++)
        {
            var person = await Scoped(services, async sp => BenchHost.Expect(await sp.GetRequiredService<SignUp>().HandleAsync(new()
            {
                DisplayName = $"Bench Stakeholder {i + 1}", Email = $"stakeholder-{run}-{i + 1}@bench.ecp.example", Password = Password(),
            }, ct), "SignUp"));
            var accreditation = await Scoped(services, async sp => BenchHost.Expect(await sp.GetRequiredService<RequestAccreditation>().HandleAsync(Actor.Of(person), new()
            {
                Kind = "stakeholder", StakeholderGroup = "civil-society",
                Motivation = "Takes part in the surge benchmark.",
            }, ct), "RequestAccreditation"));
            await Scoped(services, async sp => BenchHost.Expect(await sp.GetRequiredService<ApproveAccreditation>().HandleAsync(chair, accreditation.Id, new(), ct), "ApproveAccreditation"));
            var token = await Scoped(services, async sp =>
            {
                var accredited = await sp.GetRequiredService<AppDbContext>().People.AsNoTracking().SingleAsync(p => p.Id == person.Id, ct);
                return BenchHost.Expect(await sp.GetRequiredService<IssueApiToken>().HandleAsync(Actor.Of(accredited), new() { Name = "surge" }, ct), "IssueApiToken");
            });
            tokens.Add(token.Token);
        }

        await File.WriteAllTextAsync(settings.Out, System.Text.Json.JsonSerializer.Serialize(new SetupFile(consultation.Id, 1, tokens), BenchHost.Json), ct);
        Console.WriteLine($"setup: consultation {consultation.Id}, {tokens.Count} stakeholders with tokens -> {settings.Out} ({started.Elapsed.TotalSeconds:F1} s)");
        return 0;
    }

    private static Task Scoped(IServiceProvider services, Func<IServiceProvider, Task> action)
        => Scoped(services, async sp => { await action(sp); return true; });

    /// <summary>One scope per use case, as one request would have: a fresh DbContext and record.</summary>
    private static async Task<T> Scoped<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private static string Password() => $"Bench-{Guid.NewGuid():N}-aA1!";
}
