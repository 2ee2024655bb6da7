using System.Globalization;
using System.Xml.Linq;
using CsvHelper;
using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Consultations;

/// <summary>One answer, one CSV row.</summary>
public sealed record AnswerRow(string Contribution, string Category, string StakeholderGroup, string MemberState, string EcosocStatus,
    string Author, string Language, string Status, string Hidden, int Question, string Answer, string Choices, string Scale);

/// <summary>One row of a question's results: an option (or a point of the scale) and how many
/// respondents of each category chose it; and how many non-government respondents chose it, by
/// their organization's ECOSOC consultative status ("general", "special", "roster", "none").</summary>
public sealed record ResultRow(string Label, IReadOnlyDictionary<string, int> ByCategory, int Total, IReadOnlyDictionary<string, int> ByEcosocStatus);

public sealed record QuestionResults(int Number, string Text, string Type, IReadOnlyList<ResultRow> Rows, int Respondents);

/// <summary>
/// Questionnaire results per question by respondent category — government, or non-government by
/// stakeholder group — as the respondents' accreditation says. Hidden contributions stay counted
/// (moderation never removes a voice from the tally); withdrawn ones do not count.
/// </summary>
public sealed class QuestionnaireResults(AppDbContext db)
{
    /// <summary>The categories, in order: "government" then each non-government stakeholder group.</summary>
    public static IReadOnlyList<string> Categories { get; } = StakeholderGroups.All.Select(g => g.ToCode()).ToList();

    /// <summary>The ECOSOC statuses, in order, as codes. Governments have none to hold: they are
    /// counted by category only, and this dimension counts non-government respondents.</summary>
    public static IReadOnlyList<ConsultativeStatus> EcosocStatuses { get; } =
        [ConsultativeStatus.General, ConsultativeStatus.Special, ConsultativeStatus.Roster, ConsultativeStatus.None];

    public static string EcosocCode(ConsultativeStatus status) => status.ToString().ToLowerInvariant();

    public async Task<IReadOnlyList<QuestionResults>?> GetAsync(Guid consultationId, CancellationToken ct)
    {
        var consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == consultationId, ct);
        if (consultation is null) return null;
        var contributions = await Counted(consultationId, ct);
        return consultation.Questions.OrderBy(q => q.Number).Select(q =>
        {
            var answers = contributions.Select(c => (c.Group, Ecosoc: c.EcosocStatus, Answer: c.Current.Answers.FirstOrDefault(a => a.Question == q.Number)))
                .Where(x => x.Answer is not null).ToList();
            IEnumerable<(string Label, Func<Answer, bool> Chose)> options = q.Type switch
            {
                QuestionType.SingleChoice or QuestionType.MultipleChoice => q.Options.Select((o, i) => (o, (Func<Answer, bool>)(a => a.Choices?.Contains(i + 1) == true))),
                QuestionType.Scale => Enumerable.Range(1, 5).Select(n => (n.ToString(CultureInfo.InvariantCulture), (Func<Answer, bool>)(a => a.Scale == n))),
                _ => [("", (Func<Answer, bool>)(a => a.Text.Length > 0))],
            };
            var rows = options.Select(o =>
            {
                var byCategory = Categories.ToDictionary(c => c, c => answers.Count(x => x.Group.ToCode() == c && o.Chose(x.Answer!)));
                var byEcosoc = EcosocStatuses.ToDictionary(EcosocCode, e => answers.Count(x => x.Group != StakeholderGroup.Government && x.Ecosoc == e && o.Chose(x.Answer!)));
                return new ResultRow(o.Label, byCategory, byCategory.Values.Sum(), byEcosoc);
            }).ToList();
            return new QuestionResults(q.Number, q.Text, ConsultationCodes.ToCode(q.Type), rows, answers.Count);
        }).ToList();
    }

    private static readonly string[] Header =
        ["contribution", "category", "stakeholder_group", "member_state", "ecosoc_status", "author", "language", "status", "hidden", "question", "answer", "choices", "scale"];

    /// <summary>Every answer as a CSV row (RFC 4180, UTF-8): open data for anyone to re-tally.</summary>
    public async Task<string?> CsvAsync(Guid consultationId, CancellationToken ct)
    {
        var consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == consultationId, ct);
        if (consultation is null) return null;
        var contributions = await db.Contributions.AsNoTracking().Where(c => c.ConsultationId == consultationId).OrderBy(c => c.Number).ToListAsync(ct);
        var rows = new List<AnswerRow>();
        foreach (var c in contributions)
        {
            foreach (var q in consultation.Questions.OrderBy(q => q.Number))
            {
                if (c.Current.Answers.FirstOrDefault(a => a.Question == q.Number) is not { } answer) continue;
                rows.Add(new AnswerRow(
                    $"C-{c.Number}",
                    c.Group == StakeholderGroup.Government ? "government" : "non-government",
                    c.Group.ToCode(),
                    c.MemberStateCode ?? "",
                    c.Group == StakeholderGroup.Government ? "" : EcosocCode(c.EcosocStatus),
                    PublicAttribution.Of(c, null).PersonName ?? "",
                    c.Language,
                    c.Status.ToString().ToLowerInvariant(),
                    c.HiddenReason is { } r ? ConsultationCodes.ToCode(r) : "",
                    q.Number,
                    // A hidden contribution is counted, but its words are not republished.
                    c.IsHidden ? "" : answer.Text,
                    string.Join("; ", (answer.Choices ?? []).Select(i => q.Options.ElementAtOrDefault(i - 1) ?? "")),
                    answer.Scale?.ToString(CultureInfo.InvariantCulture) ?? ""));
            }
        }
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions(), false))
        {
            csv.WriteRecord(Header);
            foreach (var r in rows)
            {
                csv.WriteRecord([r.Contribution, r.Category, r.StakeholderGroup, r.MemberState, r.EcosocStatus, r.Author, r.Language, r.Status,
                    r.Hidden, r.Question.ToString(CultureInfo.InvariantCulture), r.Answer, r.Choices, r.Scale]);
            }
        }
        return writer.ToString();
    }

    /// <summary>
    /// A horizontal bar chart of a question's totals, drawn on the server as SVG. It is decorative
    /// for screen readers, who get the table beside it (aria-hidden).
    /// </summary>
    public static string Chart(QuestionResults results)
    {
        XNamespace svg = "http://www.w3.org/2000/svg";
        const int rowHeight = 28, labelWidth = 260, barWidth = 320;
        var max = Math.Max(1, results.Rows.Max(r => r.Total));
        var height = results.Rows.Count * rowHeight + 8;
        var root = new XElement(svg + "svg", new XAttribute("viewBox", $"0 0 {labelWidth + barWidth + 60} {height}"),
            new XAttribute("width", labelWidth + barWidth + 60), new XAttribute("font-size", "13"), new XAttribute("aria-hidden", "true"), new XAttribute("focusable", "false"), new XAttribute("class", "chart"));
        for (var i = 0; i < results.Rows.Count; i++)
        {
            var row = results.Rows[i];
            var y = 4 + i * rowHeight;
            var width = (int)Math.Round((double)row.Total / max * barWidth);
            var text = row.Label;
            root.Add(
                new XElement(svg + "text", new XAttribute("x", labelWidth - 8), new XAttribute("y", y + 18), new XAttribute("text-anchor", "end"), UserTextHtml.Isolate(text.Length > 40 ? text[..39] + "…" : text)),
                new XElement(svg + "rect", new XAttribute("x", labelWidth), new XAttribute("y", y + 4), new XAttribute("width", Math.Max(width, 1)), new XAttribute("height", rowHeight - 10), new XAttribute("fill", "#0b3d6e")),
                new XElement(svg + "text", new XAttribute("x", labelWidth + width + 6), new XAttribute("y", y + 18), row.Total.ToString(CultureInfo.InvariantCulture)));
        }
        return XmlCharacters.Legalize(root).ToString(SaveOptions.DisableFormatting);
    }

    private async Task<List<Contribution>> Counted(Guid consultationId, CancellationToken ct)
        => await db.Contributions.AsNoTracking().Where(c => c.ConsultationId == consultationId && c.Status == ContributionStatus.Active).ToListAsync(ct);
}
