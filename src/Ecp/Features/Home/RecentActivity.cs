using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ecp.Data;
using Ecp.Features.Record;
using Ecp.Features.Registry;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Home;

/// <summary>Who did it, as the record allows it to be shown.</summary>
public enum ActivityActorKind
{
    /// <summary>A person the record names ("person/{id}"): their display name, linked to their profile.</summary>
    Person,

    /// <summary>A member of the secretariat, acting for the institution.</summary>
    Secretariat,

    /// <summary>"committed/{hash}": a contributor who did not consent to be cited; only their group is public.</summary>
    Withheld,

    /// <summary>"system/{name}": an operator at the command line.</summary>
    Operator,

    /// <summary>"public": nobody in particular.</summary>
    Public,
}

public sealed record ActivityActor(ActivityActorKind Kind, string? Name = null, string? Href = null, StakeholderGroup? Group = null);

/// <summary>What it happened to, by its name, and where to read it.</summary>
public sealed record ActivityTarget(string Text, string Href);

/// <summary>One readable line of the record: "{actor} contributed to {consultation}".</summary>
public sealed record ActivityLine(long Sequence, DateTimeOffset Time, string Action, string RecordHref, ActivityActor Actor, ActivityTarget? Target)
{
    /// <summary>The sentence's resource key: one per recorded action, a generic one for any other
    /// (or when what it happened to is no longer there to be named).</summary>
    public string SentenceKey => RecentActivity.Sentences.Contains(Action) && (Target is not null || !RecentActivity.NeedsTarget(Action))
        ? "Activity." + Action
        : "Activity.Other";
}

/// <summary>
/// The home page's recent activity: the last entries of the public record told as sentences, with
/// a link to what happened. One read of the record, then at most one small read per kind of thing
/// named (consultations, documents, decisions, organizations), each bounded by the number of lines.
/// The actor is shown exactly as the record shows it: a withheld identity stays withheld.
/// </summary>
public static partial class RecentActivity
{
    /// <summary>Every action with a sentence of its own ("Activity.{action}" in the resources).</summary>
    public static readonly IReadOnlySet<string> Sentences = new HashSet<string>(StringComparer.Ordinal)
    {
        Registry.RegistryActions.PersonRegistered, Registry.RegistryActions.PersonAppointedSecretariat, Registry.RegistryActions.PersonNamingChosen,
        Registry.RegistryActions.AccreditationRequested, Registry.RegistryActions.AccreditationApproved, Registry.RegistryActions.AccreditationRejected,
        Registry.RegistryActions.OrganizationRegistered, Bodies.BodyActions.Established,
        Drafts.DocumentActions.Drafted, Drafts.DocumentActions.VersionCirculated, Drafts.DocumentActions.LanguageVersionAdded,
        Drafts.DocumentActions.AmendmentProposed, Drafts.DocumentActions.AmendmentAccepted, Drafts.DocumentActions.AmendmentRejected, Drafts.DocumentActions.AmendmentMerged, Drafts.DocumentActions.CommentPosted,
        Decisions.DecisionActions.Opened, Decisions.DecisionActions.PositionStated, Decisions.DecisionActions.AdvisoryViewStated, Decisions.DecisionActions.Closed,
        Consultations.ConsultationActions.Drafted, Consultations.ConsultationActions.Opened, Consultations.ConsultationActions.Extended, Consultations.ConsultationActions.Synthesized, Consultations.ConsultationActions.Presented,
        Consultations.ConsultationActions.ContributionSubmitted, Consultations.ConsultationActions.ContributionEdited, Consultations.ConsultationActions.ContributionWithdrawn, Consultations.ConsultationActions.ContributionHidden, Consultations.ConsultationActions.AttachmentAdded,
        Invitations.InvitationActions.Issued, Invitations.InvitationActions.Accepted,
        Issues.IssueActions.Added, Issues.IssueActions.Renamed, Issues.IssueActions.Merged, Issues.IssueActions.Retired, Issues.IssueActions.ScopeAssessed,
        Issues.IssueActions.MappingProposed, Issues.IssueActions.MappingProposalAccepted, Issues.IssueActions.MappingProposalRejected,
        Issues.IssueActions.Tagged, Issues.IssueActions.Untagged,
        AnnualReports.AnnualReportActions.CycleOpened, AnnualReports.AnnualReportActions.CycleClosed, AnnualReports.AnnualReportActions.Compiled, AnnualReports.AnnualReportActions.ExtensionGranted, AnnualReports.AnnualReportActions.DraftSaved,
        AnnualReports.AnnualReportActions.Submitted, AnnualReports.AnnualReportActions.Revised, AnnualReports.AnnualReportActions.LanguageVersionAdded,
        Assessments.AssessmentActions.Opened, Assessments.AssessmentActions.RatingRecorded, Assessments.AssessmentActions.Closed,
        Accountability.ResultActions.Defined, Accountability.ResultActions.StatusUpdated, Accountability.ResultActions.MilestoneAdded,
        Accountability.ResultActions.MilestoneCompleted, Accountability.ResultActions.ImplementersAssigned,
    };

    /// <summary>The sentences that name no target ("{0} asked to be accredited").</summary>
    private static readonly IReadOnlySet<string> WithoutTarget = new HashSet<string>(StringComparer.Ordinal)
    {
        Registry.RegistryActions.AccreditationRequested, Registry.RegistryActions.AccreditationRejected, Registry.RegistryActions.PersonNamingChosen, Invitations.InvitationActions.Issued, Invitations.InvitationActions.Accepted,
    };

    public static bool NeedsTarget(string action) => !WithoutTarget.Contains(action);

    public static async Task<IReadOnlyList<ActivityLine>> ReadAsync(AppDbContext db, IReadOnlyList<RecordEntryView> entries, CancellationToken ct)
    {
        var consultationIds = Ids(entries, "consultationId");
        var documentIds = Ids(entries, "documentId");
        var decisionIds = Ids(entries, "decisionId");
        var organizationIds = Ids(entries, "organizationId");
        var bodyIds = Ids(entries, "bodyId");
        var issueCodes = entries.Where(e => e.Entity == Issues.IssueActions.Entity).Select(e => e.EntityId).Distinct().ToList();
        var roundIds = Ids(entries, "roundId");
        var resultIds = Ids(entries, "resultId");

        var consultations = consultationIds.Count == 0 ? [] : await db.Consultations.AsNoTracking()
            .Where(c => consultationIds.Contains(c.Id)).Select(c => new { c.Id, c.Topic }).ToDictionaryAsync(c => c.Id, c => c.Topic, ct);
        var documents = documentIds.Count == 0 ? [] : await db.Documents.AsNoTracking()
            .Where(d => documentIds.Contains(d.Id)).Select(d => new { d.Id, d.Title }).ToDictionaryAsync(d => d.Id, d => d.Title, ct);
        var decisions = decisionIds.Count == 0 ? [] : await (
                from d in db.Decisions.AsNoTracking()
                where decisionIds.Contains(d.Id)
                join doc in db.Documents.AsNoTracking() on d.DocumentId equals doc.Id
                select new { d.Id, doc.Title })
            .ToDictionaryAsync(d => d.Id, d => d.Title, ct);
        var organizations = organizationIds.Count == 0 ? [] : await db.Organizations.AsNoTracking()
            .Where(o => organizationIds.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var bodies = bodyIds.Count == 0 ? [] : await db.Bodies.AsNoTracking()
            .Where(b => bodyIds.Contains(b.Id)).Select(b => new { b.Id, b.Name }).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var rounds = roundIds.Count == 0 ? [] : await db.AssessmentRounds.AsNoTracking().IgnoreAutoIncludes()
            .Where(r => roundIds.Contains(r.Id)).Select(r => new { r.Id, r.Title }).ToDictionaryAsync(r => r.Id, r => r.Title, ct);

        var results = resultIds.Count == 0 ? [] : await db.Results.AsNoTracking()
            .Where(r => resultIds.Contains(r.Id)).Select(r => new { r.Id, r.Title }).ToDictionaryAsync(r => r.Id, r => r.Title, ct);

        var issues = issueCodes.Count == 0 ? [] : (await db.Issues.AsNoTracking().Where(i => issueCodes.Contains(i.Code)).ToListAsync(ct))
            .ToDictionary(i => i.Code, i => i.Names.Current().Text);

        ActivityTarget? Named(IReadOnlyDictionary<Guid, string> names, Guid? id, string href)
            => id is { } key && names.TryGetValue(key, out var text) ? new ActivityTarget(text, href + key) : null;

        return entries.Select(e =>
        {
            var payload = e.Payload;
            ActivityTarget? target = e.Action.Split('.')[0] switch
            {
                "consultation" or "contribution" => Named(consultations, Id(payload, "consultationId"), "/consultations/"),
                "document" or "amendment" or "comment" => Named(documents, Id(payload, "documentId"), "/documents/"),
                "decision" or "position" or "advisory-view" => Named(decisions, Id(payload, "decisionId"), "/decisions/"),
                "result" => Named(results, Id(payload, "resultId"), "/results/"),
                "assessment" or "rating" => Named(rounds, Id(payload, "roundId"), "/assessments/"),
                "organization" => Named(organizations, Id(payload, "organizationId"), "/organizations/"),
                // Bodies have no page of their own: their entries on the record are what there is to read.
                "body" => Named(bodies, Id(payload, "bodyId"), "/record?entity=body&entityId="),
                "person" or "accreditation" => Id(payload, "personId") is { } person && TextOf(payload, "displayName") is { } name
                    ? new ActivityTarget(name, $"/people/{person}")
                    : null,
                // A cycle is named by its year; a report and an extension by the organization (reports have no page yet).
                AnnualReports.AnnualReportActions.CycleEntity when e.Action == AnnualReports.AnnualReportActions.CycleOpened => new ActivityTarget(e.EntityId, $"/record?entity={AnnualReports.AnnualReportActions.CycleEntity}&entityId={Uri.EscapeDataString(e.EntityId)}"),
                AnnualReports.AnnualReportActions.CycleEntity when e.Action == AnnualReports.AnnualReportActions.CycleClosed => new ActivityTarget(e.EntityId, $"/reports/{Uri.EscapeDataString(e.EntityId)}"),
                AnnualReports.AnnualReportActions.CycleEntity when e.Action == AnnualReports.AnnualReportActions.Compiled => new ActivityTarget(e.EntityId, $"/reports/{Uri.EscapeDataString(e.EntityId)}/compilation"),
                AnnualReports.AnnualReportActions.CycleEntity or AnnualReports.AnnualReportActions.ReportEntity => Named(organizations, Id(payload, "organizationId"), "/organizations/"),
                "issue" or "scope-assessment" or "mapping-proposal" or "issue-tag" => issues.TryGetValue(e.EntityId, out var issue)
                    ? new ActivityTarget(issue, $"/issues/{Uri.EscapeDataString(e.EntityId)}")
                    : null,
                _ => null,
            };
            return new ActivityLine(e.Seq, e.Time, e.Action, $"/record?entity={Uri.EscapeDataString(e.Entity)}&entityId={Uri.EscapeDataString(e.EntityId)}",
                ActorOf(e), target);
        }).ToList();
    }

    /// <summary>The actor exactly as the record gives it: the reference decides what may be shown.</summary>
    public static ActivityActor ActorOf(RecordEntryView e)
    {
        var group = e.ActorGroup is { } code ? Codes.Parse<StakeholderGroup>(code) : null;
        if (e.Actor.StartsWith("committed/", StringComparison.Ordinal)) return new ActivityActor(ActivityActorKind.Withheld, Group: group);
        if (e.Actor.StartsWith("system/", StringComparison.Ordinal)) return new ActivityActor(ActivityActorKind.Operator);
        if (e.ActorRole == "secretariat") return new ActivityActor(ActivityActorKind.Secretariat);
        if (e.Actor.StartsWith("person/", StringComparison.Ordinal) && e.ActorName.Length > 0)
        {
            return new ActivityActor(ActivityActorKind.Person, e.ActorName, "/people/" + e.Actor["person/".Length..], group);
        }
        return new ActivityActor(ActivityActorKind.Public);
    }

    /// <summary>
    /// The line in the reader's language: the sentence's {0} is the actor, {1} what it happened to
    /// (a link), each HTML-encoded and isolated in &lt;bdi&gt; since names and titles may be in
    /// another script than the page.
    /// </summary>
    public static IHtmlContent Render(ActivityLine line, IStringLocalizer l)
    {
        var actor = line.Actor switch
        {
            { Kind: ActivityActorKind.Person, Name: { } name, Href: { } href } => Link(name, href),
            { Kind: ActivityActorKind.Secretariat } => Text(l["Activity.Secretariat"]),
            { Kind: ActivityActorKind.Withheld, Group: { } group } => Text(l["Activity.Withheld", l[group.ResourceKey()].Value]),
            { Kind: ActivityActorKind.Withheld } => Text(l["Activity.Contributor"]),
            { Kind: ActivityActorKind.Operator } => Text(l["Activity.Operator"]),
            _ => Text(l["Activity.Someone"]),
        };
        var action = l["Action." + line.Action];
        var target = line.SentenceKey == "Activity.Other"
            ? Link(action.ResourceNotFound ? line.Action : action.Value, line.RecordHref)
            : line.Target is { } t ? Link(t.Text, t.Href) : HtmlString.Empty;

        var sentence = new HtmlContentBuilder();
        var template = l[line.SentenceKey].Value;
        var at = 0;
        foreach (Match m in Placeholder().Matches(template))
        {
            sentence.Append(template[at..m.Index]);
            sentence.AppendHtml(m.Value == "{0}" ? actor : target);
            at = m.Index + m.Length;
        }
        sentence.Append(template[at..]);
        return sentence;
    }

    private static IHtmlContent Text(string text) => new HtmlContentBuilder().Append(text);

    private static IHtmlContent Link(string text, string href)
        => new HtmlContentBuilder().AppendHtml("<a href=\"").Append(href).AppendHtml("\"><bdi>").Append(text).AppendHtml("</bdi></a>");

    private static List<Guid> Ids(IEnumerable<RecordEntryView> entries, string member)
        => entries.Select(e => Id(e.Payload, member)).OfType<Guid>().Distinct().ToList();

    private static Guid? Id(JsonNode? payload, string member)
        => payload is JsonObject o && o[member] is JsonValue v && v.TryGetValue<string>(out var s) && Guid.TryParse(s, out var id) ? id : null;

    private static string? TextOf(JsonNode? payload, string member)
        => payload is JsonObject o && o[member] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    [GeneratedRegex(@"\{[01]\}")]
    private static partial Regex Placeholder();
}
