using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Meetings;
using Microsoft.EntityFrameworkCore;

using static Ecp.Features.Cli.DemoExpect;

namespace Ecp.Features.Cli;

/// <summary>
/// Demo meetings, through the real use cases: the four meetings of the first WGEC (Geneva,
/// 2013-2014, Member States only with seats for the other stakeholder groups), each with its
/// agenda and its attendance (five Member States as members, four stakeholder groups observing,
/// all confirmed; Brazil and civil society on the speakers list), and a physical open
/// consultation meeting of CWG-Internet that takes up its consultation. The dates are those of the
/// WGEC's published programme of work; the agendas are short plausible summaries.
/// </summary>
public sealed class DemoMeetings(AppDbContext db, ScheduleMeeting schedule, RegisterForMeeting register, ConfirmRegistration confirm,
    RequestFloor requestFloor, GiveFloor give, CloseFloor close)
{
    private static readonly (string Title, string Start, string End, string[] Agenda)[] Wgec =
    [
        ("First meeting of the Working Group on Enhanced Cooperation", "2013-05-30T10:00", "2013-05-31T18:00",
            ["Adoption of the agenda and organization of work", "The mandate of the Working Group (A/RES/67/195 ¶20)", "A questionnaire to all stakeholders"]),
        ("Second meeting of the Working Group on Enhanced Cooperation", "2013-11-06T10:00", "2013-11-08T18:00",
            ["Adoption of the agenda", "Responses to the questionnaire", "Mapping of international Internet-related public policy issues"]),
        ("Third meeting of the Working Group on Enhanced Cooperation", "2014-02-24T10:00", "2014-02-26T18:00",
            ["Adoption of the agenda", "Synthesis of the responses", "Possible recommendations"]),
        ("Fourth meeting of the Working Group on Enhanced Cooperation", "2014-05-05T10:00", "2014-05-07T18:00",
            ["Adoption of the agenda", "Report of the Working Group to the Commission", "Closing of the meeting"]),
    ];

    public async Task LoadAsync(DemoDrafts.Cast cast, CancellationToken ct)
    {
        var wgec = await db.Bodies.AsNoTracking().SingleAsync(b => b.Acronym == "WGEC", ct);
        var questionnaire = await db.Consultations.AsNoTracking().Where(c => c.BodyId == wgec.Id).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        var members = new[] { cast.Brazil, cast.India, cast.Kenya, cast.France, cast.UnitedStates };
        var observers = new[] { cast.CivilSociety, cast.PrivateSector, cast.Technical, cast.Intergovernmental };
        foreach (var (title, start, end, agenda) in Wgec)
        {
            var meeting = Expect(await schedule.HandleAsync(cast.Chair, new ScheduleMeeting.Command
            {
                BodyId = wgec.Id,
                Title = title,
                StartsAt = MeetingTime.FromLocal(DateTime.Parse(start, System.Globalization.CultureInfo.InvariantCulture), "Europe/Zurich"),
                EndsAt = MeetingTime.FromLocal(DateTime.Parse(end, System.Globalization.CultureInfo.InvariantCulture), "Europe/Zurich"),
                TimeZone = "Europe/Zurich",
                Place = "Palais des Nations, Geneva",
                Kind = MeetingKind.MemberStatesOnly.ToCode(),
                Agenda = agenda.Select((a, i) => new AgendaItemRequest { Title = a, ConsultationId = i == 1 && a.StartsWith("Responses", StringComparison.Ordinal) ? questionnaire : null }).ToList(),
            }, ct));
            foreach (var (who, capacity) in members.Select(m => (m, "member")).Concat(observers.Select(o => (o, "observer"))))
            {
                var registration = Expect(await register.HandleAsync(who, meeting.Id, new RegisterForMeeting.Command { Capacity = capacity }, ct));
                Expect(await confirm.HandleAsync(cast.Chair, meeting.Id, registration.Id, ct));
            }
            // Brazil, then civil society, speak on the second item, in the Chair's order.
            foreach (var speaker in new[] { cast.Brazil, cast.CivilSociety })
            {
                var floor = Expect(await requestFloor.HandleAsync(speaker, meeting.Id, new RequestFloor.Command { AgendaItem = 2 }, ct));
                Expect(await give.HandleAsync(cast.Chair, meeting.Id, floor.Id, ct));
                Expect(await close.HandleAsync(cast.Chair, meeting.Id, floor.Id, ct));
            }
        }

        var cwg = await db.Bodies.AsNoTracking().SingleAsync(b => b.Acronym == "CWG-Internet", ct);
        var consultation = await db.Consultations.AsNoTracking().Where(c => c.BodyId == cwg.Id).OrderBy(c => c.ClosesAt).Select(c => new { c.Id, c.ClosesAt }).FirstAsync(ct);
        // The physical open consultation meeting follows the online consultation's close.
        var day = consultation.ClosesAt.UtcDateTime.Date.AddDays(14);
        var open = Expect(await schedule.HandleAsync(cast.Chair, new ScheduleMeeting.Command
        {
            BodyId = cwg.Id,
            Title = "Open consultation meeting of CWG-Internet",
            StartsAt = MeetingTime.FromLocal(day.AddHours(9.5), "Europe/Zurich"),
            EndsAt = MeetingTime.FromLocal(day.AddHours(12.5), "Europe/Zurich"),
            TimeZone = "Europe/Zurich",
            Place = "ITU headquarters, Popov room, Geneva",
            RemoteUrl = "https://www.itu.int/en/council/cwg-internet/Pages/consultation.aspx",
            Kind = MeetingKind.OpenToAllStakeholders.ToCode(),
            Agenda =
            [
                new AgendaItemRequest { Title = "Presentation of the contributions received", ConsultationId = consultation.Id },
                new AgendaItemRequest { Title = "Discussion with all stakeholders" },
            ],
        }, ct));
        foreach (var who in new[] { cast.Kenya, cast.CivilSociety, cast.PrivateSector, cast.Technical })
        {
            Expect(await register.HandleAsync(who, open.Id, new RegisterForMeeting.Command { Capacity = "member" }, ct));
        }
    }
}
