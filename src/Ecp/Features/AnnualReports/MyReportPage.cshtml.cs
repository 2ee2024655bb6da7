using System.Globalization;
using System.Text.RegularExpressions;
using Ecp.Common;
using Ecp.Features.Issues;
using Ecp.Features.Registry;
using Ecp.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.AnnualReports;

/// <summary>
/// A reporter's own page for the organization's report of the year: the report form, prefilled
/// from the private draft, saved as a draft or submitted; once submitted, the correction form
/// (a new revision with a reason). Who may write is the use cases' (and the draft query's) guard:
/// the page shows their refusal.
/// </summary>
public sealed partial class MyReportPageModel(ReportQueries queries, IssueQueries issues, ActorAccessor actors, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>Empty rows of outcomes and of indicators offered after the filled ones.</summary>
    public const int EmptyRows = 3;

    [BindProperty] public ReportForm Input { get; set; } = new();

    public int Year { get; private set; }

    /// <summary>Null when the page refuses the visitor (the reason is in the error summary).</summary>
    public ComplianceRow? Standing { get; private set; }

    public string CycleState { get; private set; } = "";

    public DateTimeOffset Now { get; private set; }

    public DraftView? Draft { get; private set; }

    /// <summary>The report once submitted: the page then offers a correction.</summary>
    public ReportView? Submitted { get; private set; }

    public IReadOnlyList<IssueLink> ActiveIssues { get; private set; } = [];

    public bool DeadlinePassed => Standing is { } s && Now > s.Deadline;

    /// <summary>Drafting and submitting while the cycle is open; corrections whenever the report is submitted.</summary>
    public bool CanWrite => Standing is not null && (Submitted is not null || CycleState == "open");

    public IReadOnlyList<(string Value, string Text)> LanguageOptions
        => Languages.All.Select(c => (c, l["Language." + c].Value)).ToList();

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken ct)
    {
        var refused = await LoadAsync(year, ct);
        if (refused is not null) return await this.FailedAsync(refused, () => Task.FromResult(true));
        Input = Submitted is { } report ? ReportForm.From(report.Current.Language, report.Current.Content)
            : Draft is { } draft ? ReportForm.From(draft.Language, draft.Content)
            : new ReportForm { Language = Languages.ToUnLanguage(CultureInfo.CurrentUICulture) };
        Input.AddEmptyRows();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int year, [FromServices] SaveReportDraft useCase, CancellationToken ct)
        => await WriteAsync(useCase.HandleAsync(await actors.GetAsync(ct), year, Input.ToCommand(), ct), "Reports.DraftSaved", _ => $"/reports/{year}/my-report", year, ct);

    public async Task<IActionResult> OnPostSubmitAsync(int year, [FromServices] SubmitReport useCase, CancellationToken ct)
        => await WriteAsync(useCase.HandleAsync(await actors.GetAsync(ct), year, Input.ToCommand(), ct), "Reports.SubmittedDone", r => $"/reports/report/{r.Id}", year, ct);

    public async Task<IActionResult> OnPostReviseAsync(int year, [FromServices] ReviseReport useCase, CancellationToken ct)
    {
        // The report to correct is the organization's of this year, as the page shows it.
        if (await LoadAsync(year, ct) is { } refused) return await this.FailedAsync(refused, () => Task.FromResult(true));
        return await WriteAsync(useCase.HandleAsync(await actors.GetAsync(ct), Standing!.ReportId ?? Guid.Empty, Input.ToRevision(), ct),
            "Reports.RevisedDone", r => $"/reports/report/{r.Id}#revisions", year, ct);
    }

    private async Task<IActionResult> WriteAsync(Task<Result<AnnualReport>> action, string done, Func<AnnualReport, string> redirectTo, int year, CancellationToken ct)
    {
        var outcome = await this.ActAsync(action, done, redirectTo, async () => await LoadAsync(year, ct) is not ReportingCycleNotFound, Input.FieldKey);
        // A number the form could not read went to the use case as missing: say what is wrong with it.
        foreach (var key in Input.UnreadableNumbers.Where(k => ModelState.TryGetValue(k, out var entry) && entry.Errors.Count > 0))
        {
            ModelState[key]!.Errors.Clear();
            ModelState.AddModelError(key, l["Report.NumberInvalid"].Value);
        }
        Input.AddEmptyRows();
        return outcome;
    }

    /// <summary>Reads what the page shows; the refusal of the draft query's guard (not a reporter of
    /// a requested organization, no such cycle), else null.</summary>
    private async Task<Error?> LoadAsync(int year, CancellationToken ct)
    {
        Year = year;
        var actor = await actors.GetAsync(ct);
        var draft = await queries.DraftAsync(actor, year, ct);
        if (!draft.IsSuccess && draft.Error is not DraftNotFound) return draft.Error;
        var cycle = (await queries.CycleAsync(year, ct))!;
        Standing = cycle.Compliance.Single(r => r.OrganizationId == actor.OrganizationId);
        CycleState = cycle.State;
        Now = cycle.ComputedAt;
        Draft = draft.IsSuccess ? draft.Value : null;
        Submitted = Standing.ReportId is { } id ? await queries.ReportAsync(id, ct) : null;
        ActiveIssues = await issues.ActiveAsync(ct);
        return null;
    }

    /// <summary>
    /// The report's fields as the form posts them: one text per stakeholder group, rows of outcomes
    /// and indicators that may be empty, numbers as typed. <see cref="ToCommand"/> drops the empty
    /// rows and remembers where each kept row was, so that an error of the use case's n-th indicator
    /// shows beside the form's row.
    /// </summary>
    public sealed partial class ReportForm
    {
        public string? Language { get; set; }
        public string? Activities { get; set; }
        public List<string> IssuesAddressed { get; set; } = [];
        /// <summary>How each group was involved, by stakeholder group code; empty: not involved.</summary>
        public Dictionary<string, string?> Involvement { get; set; } = [];
        public List<OutcomeRow> Outcomes { get; set; } = [];
        public List<IndicatorRow> Indicators { get; set; } = [];
        public string? Difficulties { get; set; }
        public string? Plans { get; set; }
        /// <summary>Why a submitted report is corrected.</summary>
        public string? Reason { get; set; }

        private readonly List<string> involvementSent = [];
        private readonly List<int> outcomesSent = [];
        private readonly List<int> indicatorsSent = [];

        /// <summary>The form keys of values that are not numbers.</summary>
        [BindNever] public List<string> UnreadableNumbers { get; } = [];

        public static ReportForm From(string language, ReportContent content) => new()
        {
            Language = language,
            Activities = content.Activities,
            IssuesAddressed = content.IssuesAddressed.ToList(),
            Involvement = content.StakeholderInvolvement.ToDictionary(i => i.StakeholderGroup, i => (string?)i.How),
            Outcomes = content.Outcomes.Select(o => new OutcomeRow { Title = o.Title, Url = o.Url, Symbol = o.Symbol }).ToList(),
            Indicators = content.Indicators.Select(i => new IndicatorRow { Name = i.Name, Value = i.Value, Unit = i.Unit }).ToList(),
            Difficulties = content.Difficulties,
            Plans = content.Plans,
        };

        /// <summary>Room for more outcomes and indicators: empty rows after the filled ones (never
        /// before them, so the rows keep the places their errors name).</summary>
        public void AddEmptyRows()
        {
            var outcomes = Outcomes.Count - Outcomes.FindLastIndex(o => !o.IsEmpty) - 1;
            for (var i = outcomes; i < EmptyRows; i++) Outcomes.Add(new OutcomeRow());
            var indicators = Indicators.Count - Indicators.FindLastIndex(o => !o.IsEmpty) - 1;
            for (var i = indicators; i < EmptyRows; i++) Indicators.Add(new IndicatorRow());
        }

        public ReportCommand ToCommand() => ToInput<ReportCommand>();

        public ReviseReport.Command ToRevision() => ToInput<ReviseReport.Command>() with { Reason = Reason };

        private T ToInput<T>() where T : ReportInput, new()
        {
            involvementSent.Clear();
            outcomesSent.Clear();
            indicatorsSent.Clear();
            UnreadableNumbers.Clear();
            var involvement = new List<InvolvementInput>();
            // In the groups' order, whatever order the form's fields came in.
            foreach (var group in StakeholderGroups.All.Select(g => g.ToCode()).Concat(Involvement.Keys.Order(StringComparer.Ordinal)).Distinct())
            {
                if (!Involvement.TryGetValue(group, out var how) || string.IsNullOrWhiteSpace(how)) continue;
                involvementSent.Add(group);
                involvement.Add(new InvolvementInput { StakeholderGroup = group, How = how });
            }
            var outcomes = new List<OutcomeInput>();
            for (var i = 0; i < Outcomes.Count; i++)
            {
                if (Outcomes[i] is not { IsEmpty: false } o) continue;
                outcomesSent.Add(i);
                outcomes.Add(new OutcomeInput { Title = o.Title, Url = o.Url, Symbol = o.Symbol });
            }
            var indicators = new List<IndicatorInput>();
            for (var i = 0; i < Indicators.Count; i++)
            {
                if (Indicators[i] is not { IsEmpty: false } n) continue;
                var value = Number(n.Value);
                if (value is null && !string.IsNullOrWhiteSpace(n.Value)) UnreadableNumbers.Add($"Input.Indicators[{i}].Value");
                indicatorsSent.Add(i);
                indicators.Add(new IndicatorInput { Name = n.Name, Value = value, Unit = n.Unit });
            }
            return new T
            {
                Language = Language, Activities = Activities, IssuesAddressed = IssuesAddressed, StakeholderInvolvement = involvement,
                Outcomes = outcomes, Indicators = indicators, Difficulties = Difficulties, Plans = Plans,
            };
        }

        /// <summary>The form's key of a field the use case names: the n-th kept row becomes the form's row it came from.</summary>
        public string FieldKey(string field)
        {
            var m = ItemField().Match(field);
            if (!m.Success) return $"Input.{field}";
            var (list, index, rest) = (m.Groups[1].Value, m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : (int?)null, m.Groups[3].Value);
            return (list, index) switch
            {
                (nameof(ReportInput.StakeholderInvolvement), { } i) when i < involvementSent.Count => $"Input.{nameof(Involvement)}[{involvementSent[i]}]",
                (nameof(ReportInput.StakeholderInvolvement), _) => $"Input.{nameof(Involvement)}",
                (nameof(ReportInput.Outcomes), { } i) when i < outcomesSent.Count => $"Input.{nameof(Outcomes)}[{outcomesSent[i]}]{rest}",
                (nameof(ReportInput.Indicators), { } i) when i < indicatorsSent.Count => $"Input.{nameof(Indicators)}[{indicatorsSent[i]}]{rest}",
                // An issue the map does not have: beside the checkboxes.
                _ => $"Input.{list}",
            };
        }

        /// <summary>A number as typed in the page's language, or as digits with a point; no thousands separators.</summary>
        private static decimal? Number(string? text)
        {
            const NumberStyles style = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
            if (string.IsNullOrWhiteSpace(text)) return null;
            return decimal.TryParse(text, style, CultureInfo.CurrentCulture, out var local) ? local
                : decimal.TryParse(text, style, CultureInfo.InvariantCulture, out var invariant) ? invariant : null;
        }

        [GeneratedRegex(@"^(IssuesAddressed|StakeholderInvolvement|Outcomes|Indicators)(?:\[(\d+)\])?(.*)$")]
        private static partial Regex ItemField();
    }

    public sealed class OutcomeRow
    {
        public string? Title { get; set; }
        public string? Url { get; set; }
        public string? Symbol { get; set; }
        public bool IsEmpty => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Url) && string.IsNullOrWhiteSpace(Symbol);
    }

    public sealed class IndicatorRow
    {
        public string? Name { get; set; }
        /// <summary>As typed: the form says so when it is not a number.</summary>
        public string? Value { get; set; }
        public string? Unit { get; set; }
        public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Value) && string.IsNullOrWhiteSpace(Unit);
    }
}
