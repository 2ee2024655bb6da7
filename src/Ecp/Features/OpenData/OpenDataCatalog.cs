using Ecp.Common;
using Ecp.Features.AnnualReports;
using Ecp.Data;
using Ecp.Features.Consultations;
using Ecp.Features.Decisions;
using Ecp.Features.Issues;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.OpenData;

/// <summary>
/// Every public dataset of the platform. What a page shows only under conditions appears here only
/// under the same ones: a contributor's name and organization only where they consented to be
/// cited; a hidden or withdrawn contribution's text never (the row stays, with its status, so
/// counts add up). Private drafts are not in the database's public tables at all.
/// </summary>
public static class OpenDataCatalog
{
    public const string Licence = "CC BY 4.0";
    public const string LicenceUrl = "https://creativecommons.org/licenses/by/4.0/";

    private static OpenDataField F(string name, string type, string meaning) => new(name, type, meaning);

    public static IReadOnlyList<OpenDataset> All { get; } =
    [
        new("member-states", "The 193 Member States of the United Nations, with their regional group and names in the six languages.",
            [F("code", "string", "ISO 3166-1 alpha-3 code"), F("alpha2", "string", "ISO 3166-1 alpha-2 code"), F("regionalGroup", "code", "UN regional group"),
             F("nameAr", "string", "Name in Arabic"), F("nameZh", "string", "Name in Chinese"), F("nameEn", "string", "Name in English"),
             F("nameFr", "string", "Name in French"), F("nameRu", "string", "Name in Russian"), F("nameEs", "string", "Name in Spanish")],
            (_, states, _) => states.All.OrderBy(s => s.Code, StringComparer.Ordinal)
                .Select(s => new object?[] { s.Code, s.Alpha2, s.RegionalGroup.ToCode(), N(s, "ar"), N(s, "zh"), N(s, "en"), N(s, "fr"), N(s, "ru"), N(s, "es") })
                .ToAsyncEnumerable()),
        new("organizations", "Organizations of the registry.",
            [F("id", "uuid", "Organization id"), F("name", "string", "Name"), F("acronym", "string", "Acronym, if any"),
             F("stakeholderGroup", "code", "Stakeholder group of the Tunis Agenda"), F("country", "string", "Country of seat (alpha-3), if any"),
             F("consultativeStatus", "code", "ECOSOC consultative status"), F("relevantOrganization", "boolean", "Asked for annual performance reports (Tunis Agenda ¶71)"),
             F("registeredAt", "timestamp", "When it was registered")],
            (db, _, ct) => db.Organizations.AsNoTracking().OrderBy(o => o.Id).AsAsyncEnumerable()
                .Select(o => new object?[] { o.Id, o.Name, o.Acronym, o.StakeholderGroup.ToCode(), o.CountryCode, o.ConsultativeStatus.ToCode(), o.IsRelevantOrganization, o.RegisteredAt })),
        new("people", "People who consented to be named in the open data (an account setting, off by default): their name and standing. No one else is listed, and no account, e-mail address or log-in is in any dataset.",
            [F("id", "uuid", "Person id"), F("name", "string", "Name as they registered it"), F("role", "code", "registered, delegate, stakeholder, reporter or secretariat"),
             F("stakeholderGroup", "code", "Their stakeholder group, if accredited"), F("memberState", "string", "For a delegate: the Member State (alpha-3)"),
             F("organizationId", "uuid", "Their organization, if any"), F("registeredAt", "timestamp", "When they registered")],
            (db, _, ct) => db.People.AsNoTracking().Where(p => p.ConsentsToBeNamed).OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.DisplayName, p.Role, p.StakeholderGroup, p.MemberStateCode, p.OrganizationId, p.RegisteredAt }).AsAsyncEnumerable()
                .Select(p => new object?[] { p.Id, p.DisplayName, p.Role.ToCode(), p.StakeholderGroup is { } g ? g.ToCode() : null, p.MemberStateCode, p.OrganizationId, p.RegisteredAt })),
        new("bodies", "Bodies (WGEC, WTPF-13...) with their mandate and membership rule.",
            [F("id", "uuid", "Body id"), F("name", "string", "Name"), F("acronym", "string", "Acronym"), F("mandateReference", "string", "Document symbol of the mandate"),
             F("membershipRule", "code", "Who is a member"), F("observerRule", "string", "Who observes, in the body's words"), F("createdAt", "timestamp", "When it was established on the platform")],
            (db, _, ct) => db.Bodies.AsNoTracking().OrderBy(b => b.Id).AsAsyncEnumerable()
                .Select(b => new object?[] { b.Id, b.Name, b.Acronym, b.MandateReference, b.MembershipRule.ToCode(), b.ObserverRule, b.CreatedAt })),
        new("consultations", "Consultations and questionnaires.",
            [F("id", "uuid", "Consultation id"), F("bodyId", "uuid", "The body that runs it"), F("topic", "string", "Topic"), F("description", "string", "Description"),
             F("phase", "code", "Where it stands: draft, open, closed, synthesized, presented"), F("eligibility", "code", "Who may contribute"),
             F("opensAt", "timestamp", "Opening"), F("closesAt", "timestamp", "Closing (after any extension)")],
            (db, _, ct) => db.Consultations.AsNoTracking().Where(c => c.Phase != ConsultationPhase.Draft).OrderBy(c => c.Id).AsAsyncEnumerable()
                .Select(c => new object?[] { c.Id, c.BodyId, c.Topic, c.Description, c.Phase.ToCode(), c.Eligibility.ToCode(), c.OpensAt, c.ClosesAt })),
        new("contributions", "Contributions to consultations, with their current answers. The author's name and organization only where they consented to be cited; no text for a hidden or withdrawn contribution.",
            [F("id", "uuid", "Contribution id"), F("consultationId", "uuid", "The consultation"), F("number", "integer", "Its number in the consultation (C-n)"),
             F("stakeholderGroup", "code", "The contributor's stakeholder group"), F("memberState", "string", "For a government: the Member State (alpha-3)"),
             F("authorName", "string", "The contributor's name, only with consent to be cited"), F("organizationId", "uuid", "The contributor's organization, only with consent to be cited"),
             F("consentToCite", "boolean", "Whether the contributor agreed to be cited individually"), F("status", "code", "active, withdrawn or hidden"),
             F("language", "string", "Language of the current version"), F("submittedAt", "timestamp", "First submission"), F("updatedAt", "timestamp", "Last edit"),
             F("wordCount", "integer", "Words in the current version"), F("text", "string", "The current answers, one per line; empty when hidden or withdrawn")],
            (db, _, ct) => ContributionRows.ReadAsync(db, ct)),
        new("documents", "Outcome documents (Opinions, recommendations, reports, reference texts).",
            [F("id", "uuid", "Document id"), F("symbol", "string", "UN or ITU document symbol"), F("title", "string", "Title"), F("kind", "code", "Kind of document"),
             F("state", "code", "Where the negotiation stands"), F("bodyId", "uuid", "The body, if any"), F("originalLanguage", "string", "Language of the original"),
             F("createdAt", "timestamp", "When it was first circulated")],
            (db, _, ct) => db.Documents.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Id, d.Symbol, d.Title, d.Kind, d.State, d.BodyId, d.OriginalLanguage, d.CreatedAt }).AsAsyncEnumerable()
                .Select(d => new object?[] { d.Id, d.Symbol, d.Title, d.Kind.ToCode(), d.State.ToCode(), d.BodyId, d.OriginalLanguage, d.CreatedAt })),
        new("decisions", "Decisions by consensus on a version of a document.",
            [F("id", "uuid", "Decision id"), F("documentId", "uuid", "The document"), F("version", "integer", "The version decided on"), F("bodyId", "uuid", "The deciding body"),
             F("openedAt", "timestamp", "Opened"), F("closedAt", "timestamp", "Closed, if closed"), F("outcome", "code", "adopted-by-consensus, not-adopted-divergent-views or withdrawn")],
            (db, _, ct) => db.Decisions.AsNoTracking().IgnoreAutoIncludes().OrderBy(d => d.Id)
                .Select(d => new { d.Id, d.DocumentId, d.VersionNumber, d.BodyId, d.OpenedAt, d.ClosedAt, d.Outcome }).AsAsyncEnumerable()
                .Select(d => new object?[] { d.Id, d.DocumentId, d.VersionNumber, d.BodyId, d.OpenedAt, d.ClosedAt, d.Outcome is { } o ? o.ToCode() : null })),
        new("positions", "Formal positions of Member States on decisions, superseded ones included (one voice per State: the standing one has no supersededAt).",
            [F("id", "uuid", "Position id"), F("decisionId", "uuid", "The decision"), F("memberState", "string", "The Member State (alpha-3)"),
             F("position", "code", "support, no-objection, reservation or objection"), F("statement", "string", "The statement, if any"),
             F("statedAt", "timestamp", "When it was stated"), F("supersededAt", "timestamp", "When a later position of the State replaced it")],
            (db, _, ct) => db.Set<FormalPosition>().AsNoTracking().OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.DecisionId, p.MemberStateCode, p.Kind, p.Statement, p.StatedAt, p.SupersededAt }).AsAsyncEnumerable()
                .Select(p => new object?[] { p.Id, p.DecisionId, p.MemberStateCode, p.Kind.ToCode(), p.Statement, p.StatedAt, p.SupersededAt })),
        new("issues", "The issue map's taxonomy (CSTD mapping E/CN.16/2015/CRP.2 and the secretariat's changes); only the English names are official.",
            [F("code", "string", "Issue code, its id"), F("cluster", "string", "Cluster code"), F("state", "code", "active, merged or retired"),
             F("successor", "string", "For a merged issue: the issue it became part of"),
             F("nameAr", "string", "Name in Arabic"), F("nameZh", "string", "Name in Chinese"), F("nameEn", "string", "Name in English"),
             F("nameFr", "string", "Name in French"), F("nameRu", "string", "Name in Russian"), F("nameEs", "string", "Name in Spanish")],
            (db, _, ct) => db.Issues.AsNoTracking().OrderBy(i => i.Code).AsAsyncEnumerable()
                .Select(i => new object?[] { i.Code, i.ClusterCode, i.State.ToCode(), i.SuccessorCode, i.Names.Ar, i.Names.Zh, i.Names.En, i.Names.Fr, i.Names.Ru, i.Names.Es })),
        new("issue-mappings", "Who and what addresses each issue, with the gaps found; removed mappings included.",
            [F("id", "uuid", "Mapping id"), F("issue", "string", "Issue code"), F("kind", "code", "organization, document or external"),
             F("organizationId", "uuid", "The organization, for kind organization"), F("documentId", "uuid", "The document, for kind document"),
             F("title", "string", "The instrument's title, for kind external"), F("url", "string", "The instrument's address, for kind external"),
             F("statusNote", "string", "How it addresses the issue"), F("gaps", "string", "Gap types found, space-separated: implementation awareness capacity research"),
             F("mappedAt", "timestamp", "When the accepted proposal made it"), F("removedAt", "timestamp", "When an accepted proposal removed it")],
            (db, _, ct) => db.IssueMappings.AsNoTracking().OrderBy(m => m.Id).AsAsyncEnumerable()
                .Select(m => new object?[] { m.Id, m.IssueCode, m.Kind.ToCode(), m.OrganizationId, m.DocumentId, m.Title, m.Url, m.StatusNote, string.Join(' ', m.Gaps.ToCodes()), m.MappedAt, m.RemovedAt })),
        new("scope-assessments", "Assessments of each issue's scope under Tunis Agenda ¶69, by stakeholder group, superseded ones included.",
            [F("id", "uuid", "Assessment id"), F("issue", "string", "Issue code"), F("stakeholderGroup", "code", "The group the voice belongs to"),
             F("memberState", "string", "For a government: the Member State (alpha-3), one voice"),
             F("scope", "code", "international-public-policy, national-public-policy or technical-operational"), F("reason", "string", "The reason given"),
             F("assessedAt", "timestamp", "When"), F("supersededAt", "timestamp", "When a later assessment of the same voice replaced it")],
            (db, _, ct) => db.ScopeAssessments.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable()
                .Select(a => new object?[] { a.Id, a.IssueCode, a.Group.ToCode(), a.MemberStateCode, a.Scope.ToCode(), a.Reason, a.AssessedAt, a.SupersededAt })),
        new("reporting-cycles", "The yearly requests for annual performance reports (Tunis Agenda ¶71). Who stands where is in each cycle's compliance CSV, computed from the clock.",
            [F("year", "integer", "The year reported on, the cycle's id"), F("opensAt", "timestamp", "When reports are taken from"),
             F("deadline", "timestamp", "The deadline of every requested organization without an extension"), F("state", "code", "open, closed or compiled"),
             F("closedAt", "timestamp", "When the secretariat closed it"), F("compiledAt", "timestamp", "When the compilation was first published")],
            (db, _, ct) => db.ReportingCycles.AsNoTracking().IgnoreAutoIncludes().OrderBy(c => c.Year)
                .Select(c => new { c.Year, c.OpensAt, c.Deadline, c.State, c.ClosedAt, c.CompiledAt }).AsAsyncEnumerable()
                .Select(c => new object?[] { c.Year, c.OpensAt, c.Deadline, c.State.ToCode(), c.ClosedAt, c.CompiledAt })),
        new("report-requests", "Each organization a cycle asked to report, with its own deadline and the extension it was granted.",
            [F("id", "uuid", "Request id"), F("year", "integer", "The cycle"), F("organizationId", "uuid", "The organization asked"),
             F("deadline", "timestamp", "Its deadline, after any extension"), F("extensionReason", "string", "Why the deadline was extended, if it was"),
             F("requestedAt", "timestamp", "When it was asked")],
            (db, _, ct) => db.Set<RequestedOrganization>().AsNoTracking().OrderBy(r => r.Id)
                .Join(db.ReportingCycles.IgnoreAutoIncludes(), r => r.CycleId, c => c.Id, (r, c) => new { r.Id, c.Year, r.OrganizationId, Deadline = r.ExtendedDeadline ?? c.Deadline, r.ExtensionReason, r.RequestedAt })
                .AsAsyncEnumerable()
                .Select(r => new object?[] { r.Id, r.Year, r.OrganizationId, r.Deadline, r.ExtensionReason, r.RequestedAt })),
        new("annual-reports", "Submitted annual performance reports, each in its current revision (never a draft: drafts stay private to the organization).",
            [F("id", "uuid", "Report id"), F("year", "integer", "The cycle"), F("organizationId", "uuid", "The reporting organization"),
             F("number", "integer", "Its number in the cycle, as the compilation cites it (R-n)"), F("submittedAt", "timestamp", "First submission: what counts against the deadline"),
             F("revision", "integer", "The current revision's number"), F("language", "string", "The current revision's language"),
             F("contentHash", "string", "sha256: of the current revision's canonical JSON"), F("content", "string", "The current revision's fields as JSON (template version 1)")],
            (db, _, ct) => db.Set<ReportRevision>().AsNoTracking()
                .Where(v => v.Number == db.Set<ReportRevision>().Where(w => w.ReportId == v.ReportId).Max(w => w.Number))
                .Join(db.AnnualReports.IgnoreAutoIncludes().Where(r => r.SubmittedAt != null), v => v.ReportId, r => r.Id,
                    (v, r) => new { r.Id, r.Year, r.OrganizationId, r.Number, r.SubmittedAt, Revision = v.Number, v.Language, v.ContentHash, v.Content })
                .OrderBy(r => r.Id).AsAsyncEnumerable()
                .Select(r => new object?[] { r.Id, r.Year, r.OrganizationId, r.Number, r.SubmittedAt, r.Revision, r.Language, r.ContentHash, r.Content })),
        new("report-revisions", "Every submitted revision of every annual report: the original and each correction with its reason.",
            [F("id", "uuid", "Revision id"), F("reportId", "uuid", "The report"), F("revision", "integer", "Its number, 1 the original"),
             F("templateVersion", "integer", "The report template it was written in"), F("language", "string", "Its language"),
             F("submittedAt", "timestamp", "When"), F("submittedBy", "string", "The reporter who submitted it"), F("reason", "string", "Why it was corrected (none for the original)"),
             F("contentHash", "string", "sha256: of its canonical JSON"), F("content", "string", "Its fields as JSON")],
            (db, _, ct) => db.Set<ReportRevision>().AsNoTracking().OrderBy(v => v.Id).AsAsyncEnumerable()
                .Select(v => new object?[] { v.Id, v.ReportId, v.Number, v.TemplateVersion, v.Language, v.SubmittedAt, v.SubmittedByName, v.Reason, v.ContentHash, v.Content })),
        new("report-language-versions", "Revisions of annual reports in other UN languages: the original's structure, that language's words.",
            [F("id", "uuid", "Language version id"), F("reportId", "uuid", "The report"), F("revision", "integer", "The revision it is a version of"),
             F("language", "string", "Its language"), F("addedAt", "timestamp", "When it was added"),
             F("contentHash", "string", "sha256: of its canonical JSON"), F("content", "string", "Its fields as JSON")],
            (db, _, ct) => db.Set<ReportLanguageVersion>().AsNoTracking().OrderBy(v => v.Id).AsAsyncEnumerable()
                .Select(v => new object?[] { v.Id, v.ReportId, v.RevisionNumber, v.Language, v.AddedAt, v.ContentHash, v.Content })),
    ];

    public static OpenDataset? Find(string name) => All.FirstOrDefault(d => d.Name == name);

    private static string? N(MemberState state, string language) => state.Names.TryGetValue(language, out var n) ? n : null;
}
