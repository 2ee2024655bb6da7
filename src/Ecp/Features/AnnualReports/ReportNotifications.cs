using System.Text.Json;
using Ecp.Data;
using Ecp.Features.Notifications;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ecp.Features.AnnualReports;

/// <summary>
/// The annual reports' mail projection (see <see cref="MailProjection"/>), to every reporter of a
/// requested organization in their own language: the request, for each reporting-cycle.opened
/// entry; reminders before the organization's own deadline (settings
/// Ecp:Notifications:ReportReminderDays, default "14,3") while it has not submitted; and one
/// overdue notice the day after that deadline if nothing came, while the cycle still takes
/// (late) reports.
/// </summary>
public sealed class ReportNotifications(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<NotificationOptions> options,
    ILogger<ReportNotifications> log) : MailProjection(scopes, clock, options, log)
{
    public const string CheckpointName = "notifications.reports";
    public const string LeaseName = CheckpointName;
    public const string RequestKind = "report.requested";
    public const string ReminderKind = "report.reminder";
    public const string OverdueKind = "report.overdue";

    protected override string Name => CheckpointName;

    protected override async Task<List<OutboxMessage>> NoticesAsync(IServiceProvider services, AppDbContext db, IReadOnlyList<RecordFact> entries, DateTimeOffset now, CancellationToken ct)
    {
        var opened = entries.Where(e => e.Action == AnnualReportActions.CycleOpened)
            .Select(e => (e.Sequence, CycleId: CycleIdOf(e.Payload)))
            .ToList();
        if (opened.Count == 0) return [];
        var ids = opened.Select(o => o.CycleId).ToList();
        var cycles = await db.ReportingCycles.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var standing = await StandingAsync(db, cycles.Values.ToList(), ct);
        var mail = services.GetRequiredService<ReportMail>();

        var messages = new List<OutboxMessage>();
        foreach (var (sequence, cycleId) in opened)
        {
            if (!cycles.TryGetValue(cycleId, out var cycle)) continue;
            // Replaying an old record (a feature switched on late, the demo's past years): a
            // request whose deadline has passed helps no one.
            foreach (var (due, reporters) in standing.Awaited(cycle).Where(d => d.Due.Deadline > now))
            {
                foreach (var r in reporters)
                {
                    var (subject, body) = mail.Requested(due, r.Language);
                    messages.Add(OutboxMessage.Queue(RequestKind, $"record:{sequence}:{r.PersonId:N}", r.PersonId, r.Email, subject, body, now));
                }
            }
        }
        return messages;
    }

    /// <summary>
    /// The reminders and overdue notices due now, for each organization of an open cycle that has
    /// not submitted. A reminder is the smallest threshold reached, so a late start sends one, not
    /// two; its key names the deadline instant, so an extension is reminded again. The overdue
    /// notice goes from a day after the deadline, within the window (ReportOverdueWindowDays).
    /// </summary>
    protected override async Task<List<PendingMail>> DueAsync(IServiceProvider services, AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var thresholds = Settings.ReportReminderThresholds();
        var window = TimeSpan.FromDays(Math.Max(0, Settings.ReportOverdueWindowDays));
        var horizon = TimeSpan.FromDays(thresholds.Count > 0 ? thresholds[0] : 0);
        bool Reminded(DateTimeOffset deadline) => deadline > now && deadline - now <= horizon;
        bool Overdue(DateTimeOffset deadline) => deadline.AddDays(1) <= now && now < deadline + window;

        var cycles = (await db.ReportingCycles.AsNoTracking().Where(c => c.State == CycleState.Open).ToListAsync(ct))
            .Where(c => c.Requested.Any(r => Reminded(r.DeadlineIn(c)) || Overdue(r.DeadlineIn(c))))
            .ToList();
        if (cycles.Count == 0) return [];
        var standing = await StandingAsync(db, cycles, ct);
        var mail = services.GetRequiredService<ReportMail>();

        var due = new List<PendingMail>();
        foreach (var (report, reporters) in cycles.SelectMany(standing.Awaited))
        {
            var ticks = report.Deadline.UtcTicks;
            foreach (var r in reporters)
            {
                if (Reminded(report.Deadline))
                {
                    var days = thresholds.Where(d => report.Deadline - now <= TimeSpan.FromDays(d)).Min();
                    var key = $"report-reminder:{report.OrganizationId:N}:{r.PersonId:N}:{days}d:{ticks}";
                    due.Add(new PendingMail(key, at => Queue(ReminderKind, key, r, mail.Reminder(report, r.Language), at)));
                }
                else if (Overdue(report.Deadline))
                {
                    var key = $"report-overdue:{report.OrganizationId:N}:{r.PersonId:N}:{ticks}";
                    due.Add(new PendingMail(key, at => Queue(OverdueKind, key, r, mail.Overdue(report, r.Language), at)));
                }
            }
        }
        return due;
    }

    private static OutboxMessage Queue(string kind, string key, Reporter r, (string Subject, string Body) mail, DateTimeOffset now)
        => OutboxMessage.Queue(kind, key, r.PersonId, r.Email, mail.Subject, mail.Body, now);

    private static Guid CycleIdOf(string payload)
    {
        using var json = JsonDocument.Parse(payload);
        return json.RootElement.GetProperty("cycleId").GetGuid();
    }

    private sealed record Reporter(Guid PersonId, Guid OrganizationId, string Email, string Language);

    /// <summary>Of some cycles: which organizations submitted, their names, and their reporters
    /// with their address and language now.</summary>
    private sealed record Standing(HashSet<(Guid CycleId, Guid OrganizationId)> Submitted, Dictionary<Guid, string> Names, ILookup<Guid, Reporter> Reporters)
    {
        /// <summary>Each organization of the cycle that has not submitted, with its own deadline and its reporters.</summary>
        public IEnumerable<(ReportDue Due, IEnumerable<Reporter> Reporters)> Awaited(ReportingCycle cycle)
            => cycle.Requested
                .Where(r => !Submitted.Contains((cycle.Id, r.OrganizationId)))
                .Select(r => (new ReportDue(cycle.Year, r.OrganizationId, Names.GetValueOrDefault(r.OrganizationId, ""), r.DeadlineIn(cycle)), Reporters[r.OrganizationId]));
    }

    private static async Task<Standing> StandingAsync(AppDbContext db, IReadOnlyList<ReportingCycle> cycles, CancellationToken ct)
    {
        var cycleIds = cycles.Select(c => c.Id).ToList();
        var organizationIds = cycles.SelectMany(c => c.Requested).Select(r => (Guid?)r.OrganizationId).Distinct().ToList();
        var submitted = (await db.AnnualReports.AsNoTracking()
                .Where(r => cycleIds.Contains(r.CycleId) && r.SubmittedAt != null)
                .Select(r => new { r.CycleId, r.OrganizationId })
                .ToListAsync(ct))
            .Select(r => (r.CycleId, r.OrganizationId)).ToHashSet();
        var names = await db.Organizations.AsNoTracking()
            .Where(o => organizationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var reporters = await (
                from p in db.People.AsNoTracking()
                where p.Role == Role.Reporter && organizationIds.Contains(p.OrganizationId)
                join a in db.Users.AsNoTracking() on p.AccountId equals a.Id
                where a.Email != null
                select new Reporter(p.Id, p.OrganizationId!.Value, a.Email!, a.Language))
            .ToListAsync(ct);
        return new Standing(submitted, names, reporters.ToLookup(r => r.OrganizationId));
    }
}
