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

    public static string EcosocCode(ConsultativeStatus status) => status.ToCode();

    public async Task<IReadOnlyList<QuestionResults>?> GetAsync(Guid consultationId, CancellationToken ct)
    {
        var consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == consultationId, ct);
        if (consultation is null) return null;
        var tally = await AnswerTally.CountAsync(db, consultationId, ct);
        return consultation.Questions.OrderBy(q => q.Number).Select(q =>
        {
            var cells = tally.Where(t => t.Question == q.Number).ToList();
            IEnumerable<(string Label, Func<TallyRow, bool> Chose)> options = q.Type switch
            {
                QuestionType.SingleChoice or QuestionType.MultipleChoice => q.Options.Select((o, i) => (o, (Func<TallyRow, bool>)(t => t.ChosenOptions.Contains(i + 1)))),
                QuestionType.Scale => Enumerable.Range(1, 5).Select(n => (n.ToString(CultureInfo.InvariantCulture), (Func<TallyRow, bool>)(t => t.Scale == n))),
                _ => [("", (Func<TallyRow, bool>)(t => t.HasText))],
            };
            var rows = options.Select(o =>
            {
                var chose = cells.Where(o.Chose).ToList();
                var byCategory = Categories.ToDictionary(c => c, c => chose.Where(t => t.StakeholderGroup.ToCode() == c).Sum(t => t.Count));
                var byEcosoc = EcosocStatuses.ToDictionary(EcosocCode, e => chose.Where(t => t.StakeholderGroup != StakeholderGroup.Government && t.Ecosoc == e).Sum(t => t.Count));
                return new ResultRow(o.Label, byCategory, byCategory.Values.Sum(), byEcosoc);
            }).ToList();
            return new QuestionResults(q.Number, q.Text, q.Type.ToCode(), rows, cells.Sum(t => t.Count));
        }).ToList();
    }

    private static readonly string[] Header =
        ["contribution", "category", "stakeholder_group", "member_state", "ecosoc_status", "author", "language", "status", "hidden", "question", "answer", "choices", "scale"];

    /// <summary>Every answer as a CSV row (RFC 4180, UTF-8): open data for anyone to re-tally.
    /// Null when there is no such consultation; else what writes the CSV, streaming the
    /// contributions one at a time, so memory stays flat however many there are.</summary>
    public async Task<Func<Stream, CancellationToken, Task>?> CsvAsync(Guid consultationId, CancellationToken ct)
    {
        var consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == consultationId, ct);
        if (consultation is null) return null;
        var questions = consultation.Questions.OrderBy(q => q.Number).ToList();
        return async (output, token) =>
        {
            var contributions = db.Contributions.AsNoTracking().IgnoreAutoIncludes().Where(c => c.ConsultationId == consultationId).OrderBy(c => c.Number)
                .Select(c => new
                {
                    c.Number, c.Group, c.MemberStateCode, c.EcosocStatus, c.ConsentToCite, c.AuthorName, c.Language, c.Status, c.HiddenReason,
                    Answers = c.Versions.OrderByDescending(v => v.Number).Select(v => v.Answers).First(),
                })
                .AsSingleQuery().AsAsyncEnumerable();
            // Written with the async calls: the response body refuses synchronous writes.
            await using var csv = CsvWriter.Create(output, new CsvWriterOptions(), true);
            await csv.WriteRecordAsync(Header, token);
            await foreach (var c in contributions.WithCancellation(token))
            {
                foreach (var q in questions)
                {
                    if (c.Answers.FirstOrDefault(a => a.Question == q.Number) is not { } answer) continue;
                    await csv.WriteRecordAsync([
                        $"C-{c.Number}",
                        c.Group == StakeholderGroup.Government ? "government" : "non-government",
                        c.Group.ToCode(),
                        c.MemberStateCode ?? "",
                        c.Group == StakeholderGroup.Government ? "" : EcosocCode(c.EcosocStatus),
                        PublicAttribution.CitedName(c.ConsentToCite, c.AuthorName) ?? "",
                        c.Language,
                        c.Status.ToCode(),
                        c.HiddenReason is { } r ? r.ToCode() : "",
                        q.Number.ToString(CultureInfo.InvariantCulture),
                        // A hidden contribution is counted, but its words are not republished.
                        c.HiddenReason is not null ? "" : answer.Text,
                        string.Join("; ", (answer.Choices ?? []).Select(i => q.Options.ElementAtOrDefault(i - 1) ?? "")),
                        answer.Scale?.ToString(CultureInfo.InvariantCulture) ?? ""], token);
                }
            }
            await csv.FlushAsync(token);
        };
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
}
