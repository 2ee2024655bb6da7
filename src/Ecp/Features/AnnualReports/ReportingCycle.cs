using Ecp.Common;
using Ecp.Features.Registry;

namespace Ecp.Features.AnnualReports;

public enum CycleState
{
    Open,
    Closed,
    Compiled,
}

/// <summary>Where an organization stands on its report, computed from the clock and its own deadline, never typed in.</summary>
public enum ComplianceStatus
{
    /// <summary>Nothing submitted, and the organization's deadline has not passed yet.</summary>
    Awaited,
    OnTime,
    Late,
    /// <summary>Nothing submitted by the organization's deadline.</summary>
    Missing,
}

/// <summary>
/// The yearly request for annual performance reports (Tunis Agenda ¶71): the relevant
/// organizations asked to report for the year, by a deadline in UTC, each with the extension it
/// was granted. One cycle per year.
/// </summary>
public sealed class ReportingCycle
{
    public const int FirstYear = 2006;
    public const int LastYear = 2199;
    public const int MaxOrganizations = 200;

    private readonly List<RequestedOrganization> requested = [];

    private ReportingCycle()
    {
    }

    public Guid Id { get; private set; }

    public int Year { get; private set; }

    public DateTimeOffset OpensAt { get; private set; }

    public DateTimeOffset Deadline { get; private set; }

    public CycleState State { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>When the secretariat closed the cycle; none while it is open.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>When the compilation was first published; none before.</summary>
    public DateTimeOffset? CompiledAt { get; private set; }

    public IReadOnlyList<RequestedOrganization> Requested => requested;

    /// <summary>
    /// The secretariat opens the year's cycle for some of the organizations flagged relevant;
    /// refused for a year that has one, a deadline not after the opening, or an organization not
    /// flagged relevant. <paramref name="organizations"/>: those found of the ids asked for.
    /// </summary>
    public static Result<ReportingCycle> Open(int? year, DateTimeOffset? opensAt, DateTimeOffset? deadline, IReadOnlyList<Guid>? organizationIds,
        IReadOnlyList<Organization> organizations, bool yearTaken, DateTimeOffset now)
    {
        var check = new Validation();
        if (year is not (>= FirstYear and <= LastYear)) check.Add("Year", "Report.YearOutOfRange", FirstYear, LastYear);
        var opening = opensAt ?? now;
        if (deadline is null) check.Add("Deadline", "Validation.Required");
        else if (deadline <= opening) check.Add("Deadline", "Report.DeadlineBeforeOpening");
        if (organizationIds is not { Count: > 0 }) check.Add("OrganizationIds", "Validation.Required");
        else if (organizationIds.Count > MaxOrganizations) return check.Add("OrganizationIds", "Report.TooMany", MaxOrganizations).ToError();
        for (var i = 0; i < (organizationIds?.Count ?? 0); i++)
        {
            var organization = organizations.FirstOrDefault(o => o.Id == organizationIds![i]);
            if (organization is null) check.Add($"OrganizationIds[{i}]", "Report.OrganizationUnknown");
            else if (!organization.IsRelevantOrganization) check.Add($"OrganizationIds[{i}]", "Report.NotRelevant", organization.Name);
        }
        if (!check.IsValid) return check.ToError();
        if (yearTaken) return new CycleYearTaken(year!.Value);
        var cycle = new ReportingCycle
        {
            Id = Guid.CreateVersion7(now),
            Year = year!.Value,
            OpensAt = opening,
            Deadline = deadline!.Value,
            State = CycleState.Open,
            OpenedAt = now,
        };
        foreach (var id in organizationIds!.Distinct()) cycle.requested.Add(new RequestedOrganization(cycle.Id, id, now));
        return cycle;
    }

    public RequestedOrganization? RequestOf(Guid organizationId) => requested.FirstOrDefault(r => r.OrganizationId == organizationId);

    /// <summary>Whether reports are taken now: from the opening while the cycle is open.</summary>
    public Error? AcceptsReports(DateTimeOffset now) => State == CycleState.Open && now >= OpensAt ? null : new CycleNotOpen();

    /// <summary>
    /// The secretariat closes the cycle: no submission (nor draft) is taken from then on. Refused
    /// while an organization's own deadline (its extension's) has not passed, so closing never
    /// cuts a deadline short. Corrections of submitted reports stay possible, each a revision
    /// with its reason on the record, as before closing.
    /// </summary>
    public Error? Close(DateTimeOffset now)
    {
        if (State != CycleState.Open) return new CycleNotOpen();
        if (requested.Any(r => r.DeadlineIn(this) >= now)) return new CycleDeadlinesAhead();
        State = CycleState.Closed;
        ClosedAt = now;
        return null;
    }

    /// <summary>The compilation is published (closed -> compiled) or revised (compiled stays); refused while open.</summary>
    public Error? Compile(DateTimeOffset now)
    {
        if (State == CycleState.Open) return new CycleNotClosed();
        if (State == CycleState.Closed)
        {
            State = CycleState.Compiled;
            CompiledAt = now;
        }
        return null;
    }

    /// <summary>
    /// The secretariat moves one organization's deadline later, with a reason; the others keep theirs.
    /// </summary>
    public Result<RequestedOrganization> GrantExtension(Guid? organizationId, DateTimeOffset? deadline, string? reason, DateTimeOffset now)
    {
        var check = new Validation();
        var request = organizationId is { } id ? RequestOf(id) : null;
        if (request is null) check.Add("OrganizationId", "Report.NotRequestedOrganization");
        if (deadline is null) check.Add("Deadline", "Validation.Required");
        else if (request is not null && deadline <= request.DeadlineIn(this)) check.Add("Deadline", "Report.ExtensionNotLater");
        check.RequiredText("Reason", reason, RequestedOrganization.ReasonMaxLength);
        if (!check.IsValid) return check.ToError();
        request!.Extend(deadline!.Value, reason!.Trim(), now);
        return request;
    }
}

/// <summary>An organization asked to report in a cycle, with the extension it was granted, if any.</summary>
public sealed class RequestedOrganization
{
    public const int ReasonMaxLength = 2000;

    private RequestedOrganization()
    {
    }

    internal RequestedOrganization(Guid cycleId, Guid organizationId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        CycleId = cycleId;
        OrganizationId = organizationId;
        RequestedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid CycleId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset? ExtendedDeadline { get; private set; }

    public string? ExtensionReason { get; private set; }

    public DateTimeOffset? ExtendedAt { get; private set; }

    /// <summary>The organization's own deadline: the cycle's, or the extension's.</summary>
    public DateTimeOffset DeadlineIn(ReportingCycle cycle) => ExtendedDeadline ?? cycle.Deadline;

    /// <summary>
    /// The organization's standing at <paramref name="now"/>: on time or late by the first
    /// submission, missing once its own deadline has passed without one, awaited before.
    /// Days late are rounded up: one second late is one day late.
    /// </summary>
    public (ComplianceStatus Status, int? DaysLate) ComplianceIn(ReportingCycle cycle, DateTimeOffset? submittedAt, DateTimeOffset now)
    {
        var deadline = DeadlineIn(cycle);
        if (submittedAt is { } at)
        {
            if (at <= deadline) return (ComplianceStatus.OnTime, null);
            var late = (at - deadline).Ticks;
            return (ComplianceStatus.Late, (int)((late + TimeSpan.TicksPerDay - 1) / TimeSpan.TicksPerDay));
        }
        return now > deadline ? (ComplianceStatus.Missing, null) : (ComplianceStatus.Awaited, null);
    }

    internal void Extend(DateTimeOffset deadline, string reason, DateTimeOffset now)
    {
        ExtendedDeadline = deadline;
        ExtensionReason = reason;
        ExtendedAt = now;
    }
}
