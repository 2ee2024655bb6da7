using Ecp.Common;
using Ecp.Data;
using Ecp.Features.AnnualReports;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

using static Ecp.Features.Cli.DemoExpect;

namespace Ecp.Features.Cli;

/// <summary>
/// Annual performance reports (Tunis Agenda ¶71) from the relevant organizations: the cycles of
/// 2008, 2009 and 2010, with reports on time, late, after an extension and missing, one
/// correction, 2010 closed and compiled, and the open cycle of this year with a private draft. Each step runs through the
/// real use cases on a clock set to the day it happened; the record still says when it was
/// written. The dates, figures and texts are invented for the demo: the real requests of those
/// years were letters, and what came back is not reproduced here.
/// </summary>
public sealed class DemoReports(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    /// <summary>How an organization answers a cycle: days before (negative) or after its deadline
    /// it submits, or null for never; an extension in days, with its reason.</summary>
    private sealed record Answer(string Organization, int? DaysAfterDeadline, int ExtensionDays = 0, string? ExtensionReason = null);

    private sealed record Cycle(int Year, DateTimeOffset OpensAt, DateTimeOffset Deadline, Answer[] Answers);

    private static readonly Cycle[] Past =
    [
        new(2008, Opening(2008, 6, 2), Utc(2008, 7, 31), [
            new("ITU", -12), new("UNESCO", -3), new("OECD", 9), new("CoE", -4, 30, "The Committee of Ministers adopts the report on 10 September."),
            new("ICANN", -20), new("IETF", null), new("W3C", null), new("RIPE NCC", 2)]),
        new(2009, Opening(2009, 5, 4), Utc(2009, 6, 30), [
            new("ITU", -7), new("UNESCO", 20), new("OECD", -2), new("CoE", -9),
            new("ICANN", 33, 30, "The Board approves the report at its meeting in Sydney."), new("IETF", null), new("W3C", -1), new("RIPE NCC", -15)]),
        new(2010, Opening(2010, 5, 3), Utc(2010, 6, 30), [
            new("ITU", -10), new("UNESCO", -6), new("OECD", -1), new("CoE", null),
            new("ICANN", -14), new("IETF", -5), new("W3C", 4), new("RIPE NCC", -8)]),
    ];

    public async Task LoadAsync(IReadOnlyDictionary<string, Actor> reporters, Actor chair, CancellationToken ct)
    {
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.Acronym != null).ToDictionaryAsync(o => o.Acronym!, o => o.Id, ct);
        foreach (var cycle in Past)
        {
            Expect(await new OpenReportingCycle(db, record, ShiftedClock.At(clock, cycle.OpensAt)).HandleAsync(chair, new()
            {
                Year = cycle.Year,
                OpensAt = cycle.OpensAt,
                Deadline = cycle.Deadline,
                OrganizationIds = cycle.Answers.Select(a => organizations[a.Organization]).ToList(),
            }, ct));
            foreach (var a in cycle.Answers.Where(a => a.ExtensionDays > 0))
            {
                Expect(await new GrantExtension(db, record, ShiftedClock.At(clock, cycle.Deadline.AddDays(-7))).HandleAsync(chair, cycle.Year, new()
                {
                    OrganizationId = organizations[a.Organization],
                    Deadline = cycle.Deadline.AddDays(a.ExtensionDays),
                    Reason = a.ExtensionReason,
                }, ct));
            }
            foreach (var a in cycle.Answers.Where(a => a.DaysAfterDeadline is not null).OrderBy(a => a.DaysAfterDeadline + a.ExtensionDays))
            {
                var at = cycle.Deadline.AddDays(a.ExtensionDays + a.DaysAfterDeadline!.Value).AddHours(-6);
                Expect(await new SubmitReport(db, record, ShiftedClock.At(clock, at)).HandleAsync(reporters[a.Organization], cycle.Year, Report(a.Organization, cycle.Year), ct));
            }
        }

        // A correction: ITU's 2010 report gave last year's figure for the workshops.
        var itu2010 = await db.AnnualReports.AsNoTracking().SingleAsync(r => r.Year == 2010 && r.OrganizationId == organizations["ITU"], ct);
        var corrected = Report("ITU", 2010);
        Expect(await new ReviseReport(db, record, ShiftedClock.At(clock, Utc(2010, 7, 12))).HandleAsync(reporters["ITU"], itu2010.Id, new()
        {
            Reason = "The number of regional workshops was last year's; corrected to the workshops held in 2010.",
            Language = corrected.Language,
            Activities = corrected.Activities,
            IssuesAddressed = corrected.IssuesAddressed,
            StakeholderInvolvement = corrected.StakeholderInvolvement,
            Outcomes = corrected.Outcomes,
            Indicators = [.. corrected.Indicators!.Select(i => i.Name == "Regional workshops held" ? i with { Value = i.Value + 2 } : i)],
            Difficulties = corrected.Difficulties,
            Plans = corrected.Plans,
        }, ct));

        // A language version: the secretariat's English version of UNESCO's French report for 2010.
        var unesco2010 = await db.AnnualReports.AsNoTracking().SingleAsync(r => r.Year == 2010 && r.OrganizationId == organizations["UNESCO"], ct);
        Expect(await new AddReportLanguageVersion(db, record, ShiftedClock.At(clock, Utc(2010, 7, 20))).HandleAsync(chair, unesco2010.Id, new()
        {
            Language = "en",
            Activities = "In 2010 the Organization carried out its work on freedom of expression online, multilingualism and universal access to information, with consultations open to all stakeholders.",
            StakeholderInvolvement =
            [
                new InvolvementInput { StakeholderGroup = "government", How = "Member States in the Intergovernmental Council of the Information for All Programme." },
                new InvolvementInput { StakeholderGroup = "civil-society", How = "Online consultations and regional workshops." },
            ],
            OutcomeTitles = ["Information for All Programme"],
            Indicators =
            [
                new IndicatorTextInput { Name = "Open consultations held", Unit = "consultations" },
                new IndicatorTextInput { Name = "Contributions received", Unit = "contributions" },
                new IndicatorTextInput { Name = "Share of non-government participants", Unit = "%" },
            ],
            Difficulties = "Few contributions came in Arabic and Chinese.",
            Plans = "In 2011: a study of languages online and workshops in every region.",
        }, ct));

        // 2010 is closed and compiled: the secretariat's synthesis cites the reports by their number in the cycle.
        Expect(await new CloseReportingCycle(db, record, ShiftedClock.At(clock, Utc(2010, 8, 2))).HandleAsync(chair, 2010, ct));
        Expect(await new PublishCompilation(db, record, ShiftedClock.At(clock, Utc(2010, 9, 15))).HandleAsync(chair, 2010, new()
        {
            Markdown = """
                ## Compilation of the annual performance reports for 2010

                Seven of the eight organizations asked reported; the Council of Europe did not, and one report came four days late [R-7].

                - **Consultation of all stakeholders**: open consultations and public comment periods were held by most organizations [R-1] [R-2] [R-5].
                - **Access and the digital divide**: regional workshops [R-2], training of network operators on IPv6 [R-3], and work on multilingualism and universal access to information [R-4].
                - **Privacy and data protection**: a review of the privacy guidelines with every advisory committee [R-6].
                - **Persons with disabilities**: the Web accessibility guidelines [R-7].

                The difficulty named most often is the participation of developing countries [R-2] [R-5], followed by translation [R-4] [R-7].
                """,
        }, ct));

        // This year's cycle is open: the demo reporter of ITU has a private draft to finish.
        var now = clock.GetUtcNow();
        var year = now.Year;
        Expect(await new OpenReportingCycle(db, record, clock).HandleAsync(chair, new()
        {
            Year = year,
            OpensAt = Opening(now.Year, now.Month, now.Day).AddDays(-10),
            Deadline = Utc(now.Year, now.Month, now.Day).AddDays(45),
            OrganizationIds = Past[^1].Answers.Select(a => organizations[a.Organization]).ToList(),
        }, ct));
        var draft = Report("ITU", year);
        Expect(await new SaveReportDraft(db, record, clock).HandleAsync(reporters["ITU"], year, draft with { Difficulties = null, Plans = null }, ct));
        Expect(await new SubmitReport(db, record, clock).HandleAsync(reporters["ICANN"], year, Report("ICANN", year), ct));
    }

    /// <summary>Deadlines are at the end of the day, UTC; cycles open in the morning.</summary>
    private static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 23, 59, 59, TimeSpan.Zero);

    private static DateTimeOffset Opening(int year, int month, int day) => new(year, month, day, 9, 0, 0, TimeSpan.Zero);

    /// <summary>An organization's report for a year: its own kind of work, figures that grow over the years.</summary>
    private static ReportCommand Report(string organization, int year)
    {
        var n = year - 2007;
        var p = Profiles[organization];
        return new ReportCommand
        {
            Language = p.Language,
            Activities = string.Format(System.Globalization.CultureInfo.InvariantCulture, p.Activities, year),
            IssuesAddressed = p.Issues,
            StakeholderInvolvement = [.. p.Involvement.Select(i => new InvolvementInput { StakeholderGroup = i.Group, How = i.How })],
            Outcomes = [new OutcomeInput { Title = p.OutcomeTitle, Url = p.Url, Symbol = p.Symbol }],
            Indicators =
            [
                new IndicatorInput { Name = "Open consultations held", Value = 1 + (n * p.Growth) % 7, Unit = "consultations" },
                new IndicatorInput { Name = "Contributions received", Value = 40 + 25 * n * p.Growth, Unit = "contributions" },
                new IndicatorInput { Name = "Share of non-government participants", Value = Math.Min(95, 30 + 4 * n + p.Growth), Unit = "%" },
                .. p.Workshops ? new[] { new IndicatorInput { Name = "Regional workshops held", Value = n % 4 + 1, Unit = "workshops" } } : [],
            ],
            Difficulties = p.Difficulties,
            Plans = string.Format(System.Globalization.CultureInfo.InvariantCulture, p.Plans, year + 1),
        };
    }

    private sealed record Profile(string Language, string Activities, string[] Issues, (string Group, string How)[] Involvement,
        string OutcomeTitle, string Url, string? Symbol, int Growth, bool Workshops, string Difficulties, string Plans);

    private static readonly Dictionary<string, Profile> Profiles = new()
    {
        ["ITU"] = new("en",
            "In {0} the Union opened the Council Working Group on international Internet-related public policy issues to consultation, held regional workshops on the digital divide and published its work on the deployment of broadband.",
            ["access", "digital-divide", "communications-infrastructure", "capacity-development"],
            [("government", "Member States in the Council Working Group and the study groups."), ("private-sector", "Sector Members in the study groups."), ("civil-society", "Open online consultations before each meeting.")],
            "Council Working Group on Internet", "https://www.itu.int/en/council/cwg-internet/", null, 2, true,
            "Participation from the least developed countries stayed low for lack of travel funding.",
            "In {0}: remote participation in every workshop and translation of consultation documents into the six languages."),
        ["UNESCO"] = new("fr",
            "En {0}, l'Organisation a mené ses travaux sur la liberté d'expression en ligne, le multilinguisme et l'accès universel à l'information, avec des consultations ouvertes à toutes les parties prenantes.",
            ["freedom-of-expression", "multilingualism", "cultural-diversity", "access"],
            [("government", "Les États membres au sein du Conseil intergouvernemental du Programme Information pour tous."), ("civil-society", "Des consultations en ligne et des ateliers régionaux.")],
            "Programme Information pour tous", "https://www.unesco.org/fr", null, 1, false,
            "Les contributions en arabe et en chinois ont été peu nombreuses.",
            "En {0} : une étude sur les langues en ligne et des ateliers dans chaque région."),
        ["OECD"] = new("en",
            "In {0} the Committee on Digital Economy Policy worked on the economics of the Internet, privacy guidelines and broadband statistics, with the advisory committees of business, trade unions, civil society and the technical community.",
            ["privacy-and-data-protection", "e-commerce", "consumer-protection", "access"],
            [("government", "Member countries in the Committee."), ("private-sector", "The Business and Industry Advisory Committee."), ("civil-society", "The Civil Society Information Society Advisory Council."), ("technical-academic", "The Internet Technical Advisory Committee.")],
            "Digital economy policy", "https://www.oecd.org/digital/", null, 2, false,
            "Statistics on Internet use are not comparable across all countries.",
            "In {0}: a review of the privacy guidelines with all advisory committees."),
        ["CoE"] = new("en",
            "In {0} the Council of Europe worked on human rights online, the Convention on Cybercrime and the protection of personal data, and took part in the Internet Governance Forum.",
            ["cybercrime", "privacy-and-data-protection", "freedom-of-expression", "child-safety-online"],
            [("government", "Member States in the Committee of Ministers and the steering committees."), ("civil-society", "Observers in the steering committees and open consultations.")],
            "Convention on Cybercrime", "https://www.coe.int/en/web/cybercrime", null, 1, false,
            "Ratification of the Convention outside Europe is slow.",
            "In {0}: capacity building on cybercrime legislation with non-member States."),
        ["ICANN"] = new("en",
            "In {0} ICANN held public comment periods on the new generic top-level domain programme and on internationalized domain names, and its Governmental Advisory Committee met at each public meeting.",
            ["domain-name-system", "root-zone", "multilingualism", "ip-numbers"],
            [("government", "The Governmental Advisory Committee."), ("private-sector", "Registries and registrars in the supporting organizations."), ("civil-society", "The At-Large Advisory Committee and public comment periods."), ("technical-academic", "The Security and Stability Advisory Committee.")],
            "Public comment", "https://www.icann.org/public-comments", null, 3, false,
            "Public comment periods were too many for small organizations to follow.",
            "In {0}: fewer, longer comment periods and summaries in the six UN languages."),
        ["IETF"] = new("en",
            "In {0} the IETF published standards on Internet security and on internationalized email addresses, in open working groups anyone can join by mailing list.",
            ["technical-standards", "cybersecurity", "encryption", "multilingualism"],
            [("technical-academic", "Open working groups and mailing lists; anyone can take part."), ("private-sector", "Engineers from companies take part as individuals.")],
            "RFC Editor", "https://www.rfc-editor.org/", null, 2, false,
            "Participation from developing countries is low.",
            "In {0}: remote participation fee waivers."),
        ["W3C"] = new("en",
            "In {0} the Consortium published the Web Content Accessibility Guidelines work and Web standards for mobile devices, with public review of every draft.",
            ["web-standards", "rights-of-persons-with-disabilities", "multilingualism"],
            [("private-sector", "Member organizations in the working groups."), ("civil-society", "Public review of every draft, disability organizations in the accessibility work.")],
            "Web Accessibility Initiative", "https://www.w3.org/WAI/", null, 1, false,
            "Translations of the guidelines depend on volunteers.",
            "In {0}: authorized translations of the accessibility guidelines."),
        ["RIPE NCC"] = new("en",
            "In {0} the RIPE NCC supported the open RIPE community's policy development on IP addresses, trained network operators and worked with governments on IPv6 deployment.",
            ["ip-numbers", "capacity-development", "communications-infrastructure"],
            [("technical-academic", "The open RIPE community develops address policy by consensus on public mailing lists."), ("government", "Roundtable meetings for governments and regulators.")],
            "RIPE policy development", "https://www.ripe.net/", null, 2, true,
            "IPv6 deployment is slower than the depletion of IPv4 addresses.",
            "In {0}: IPv6 training in every country of the service region."),
    };
}
