using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ecp.Common;
using Ecp.Features.Drafts;
using Ecp.Features.Issues;
using Ecp.Features.Record;
using Ecp.Features.Registry;

namespace Ecp.Features.AnnualReports;

/// <summary>How one stakeholder group took part in the organization's work in the year.</summary>
public sealed record StakeholderInvolvement(string StakeholderGroup, string How);

/// <summary>An outcome or document: a web address, a UN/ITU document symbol, or both, and a title.</summary>
public sealed record ReportOutcome(string? Title, string? Url, string? Symbol);

/// <summary>An indicator: a number and its unit ("12" "open consultations held"). The number is
/// carried as text (invariant culture) so it hashes and prints the same everywhere.</summary>
public sealed record ReportIndicator(string Name, string Value, string Unit);

/// <summary>The fields of the report, as template version 1 defines them.</summary>
public sealed record ReportContent(
    string? Activities,
    IReadOnlyList<string> IssuesAddressed,
    IReadOnlyList<StakeholderInvolvement> StakeholderInvolvement,
    IReadOnlyList<ReportOutcome> Outcomes,
    IReadOnlyList<ReportIndicator> Indicators,
    string? Difficulties,
    string? Plans)
{
    /// <summary>The stored form: canonical JSON, so its hash is the hash anyone recomputes.</summary>
    public string ToJson() => CanonicalJson.Serialize(this);

    public static ReportContent FromJson(string json) => JsonSerializer.Deserialize<ReportContent>(json, CanonicalJson.SerializerOptions)!;

    /// <summary>"sha256:" and the lowercase hex SHA-256 of the canonical JSON: what the record
    /// carries of a private draft instead of its text.</summary>
    public static string Hash(string json) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}

/// <summary>A report's fields as a request sends them: a draft, a submission or a revision.</summary>
public record ReportInput
{
    /// <summary>The language the report is written in: ar, zh, en, fr, ru or es.</summary>
    public string? Language { get; init; }
    /// <summary>Activities in the year that advance enhanced cooperation.</summary>
    public string? Activities { get; init; }
    /// <summary>Issues addressed, as issue ids of the issue map ("net-neutrality").</summary>
    public IReadOnlyList<string>? IssuesAddressed { get; init; }
    /// <summary>How each stakeholder group was involved (at most one entry per group).</summary>
    public IReadOnlyList<InvolvementInput>? StakeholderInvolvement { get; init; }
    /// <summary>Outcomes and documents: a web address or a document symbol each.</summary>
    public IReadOnlyList<OutcomeInput>? Outcomes { get; init; }
    /// <summary>Indicators: a number and its unit each.</summary>
    public IReadOnlyList<IndicatorInput>? Indicators { get; init; }
    public string? Difficulties { get; init; }
    /// <summary>Plans for next year.</summary>
    public string? Plans { get; init; }
}

public sealed record InvolvementInput
{
    /// <summary>A stakeholder group code ("civil-society").</summary>
    public string? StakeholderGroup { get; init; }
    public string? How { get; init; }
}

public sealed record OutcomeInput
{
    public string? Title { get; init; }
    public string? Url { get; init; }
    /// <summary>A UN or ITU document symbol ("A/RES/70/125", "WTPF-13/16(Rev.1)").</summary>
    public string? Symbol { get; init; }
}

public sealed record IndicatorInput
{
    /// <summary>What is counted ("open consultations held").</summary>
    public string? Name { get; init; }
    public decimal? Value { get; init; }
    /// <summary>The unit ("consultations", "%").</summary>
    public string? Unit { get; init; }
}

/// <summary>
/// The report template: its version, the limits of each field and their checks. A later year
/// may bring version 2 with other fields; a report keeps the version it was written in.
/// </summary>
public static class ReportTemplate
{
    public const int Version = 1;
    public const int ActivitiesMaxLength = 20_000;
    public const int TextMaxLength = 8_000;
    public const int InvolvementMaxLength = 4_000;
    public const int TitleMaxLength = 300;
    public const int IndicatorNameMaxLength = 200;
    public const int UnitMaxLength = 50;
    public const int MaxItems = 50;

    /// <summary>
    /// The content of <paramref name="input"/>, or the field errors. A draft may be partial; a
    /// submission needs the activities. <paramref name="activeIssues"/>: those of the given codes
    /// that are active issues of the map.
    /// </summary>
    public static Result<(string Language, ReportContent Content)> Check(ReportInput input, IReadOnlySet<string> activeIssues, bool submission)
    {
        var v = new Validation();
        if (!Languages.IsSupported(input.Language)) v.Add(nameof(ReportInput.Language), "Report.LanguageInvalid");
        if (submission) v.Required(nameof(ReportInput.Activities), input.Activities);
        v.MaxLength(nameof(ReportInput.Activities), input.Activities, ActivitiesMaxLength);
        v.MaxLength(nameof(ReportInput.Difficulties), input.Difficulties, TextMaxLength);
        v.MaxLength(nameof(ReportInput.Plans), input.Plans, TextMaxLength);

        var issues = Items(v, nameof(ReportInput.IssuesAddressed), input.IssuesAddressed);
        for (var i = 0; i < issues.Count; i++)
        {
            if (issues[i] is not { } code || !activeIssues.Contains(code)) v.Add($"{nameof(ReportInput.IssuesAddressed)}[{i}]", "Report.IssueUnknown");
        }

        var involvement = Items(v, nameof(ReportInput.StakeholderInvolvement), input.StakeholderInvolvement);
        for (var i = 0; i < involvement.Count; i++)
        {
            var field = $"{nameof(ReportInput.StakeholderInvolvement)}[{i}]";
            var group = Codes.Parse<StakeholderGroup>(involvement[i]?.StakeholderGroup);
            if (group is null) v.Add($"{field}.{nameof(InvolvementInput.StakeholderGroup)}", "Report.GroupInvalid");
            else if (involvement.Take(i).Any(e => e?.StakeholderGroup == involvement[i]!.StakeholderGroup)) v.Add($"{field}.{nameof(InvolvementInput.StakeholderGroup)}", "Report.GroupRepeated");
            v.RequiredText($"{field}.{nameof(InvolvementInput.How)}", involvement[i]?.How, InvolvementMaxLength);
        }

        var outcomes = Items(v, nameof(ReportInput.Outcomes), input.Outcomes);
        for (var i = 0; i < outcomes.Count; i++)
        {
            var field = $"{nameof(ReportInput.Outcomes)}[{i}]";
            var (url, symbol) = (Blank(outcomes[i]?.Url), Blank(outcomes[i]?.Symbol));
            if (url is null && symbol is null) v.Add($"{field}.{nameof(OutcomeInput.Url)}", "Report.OutcomeEmpty");
            if (url is not null && !IssueMapping.IsWebAddress(url)) v.Add($"{field}.{nameof(OutcomeInput.Url)}", "Report.UrlInvalid");
            if (symbol is not null && !DocumentSymbol.IsValid(symbol)) v.Add($"{field}.{nameof(OutcomeInput.Symbol)}", "Document.SymbolInvalid");
            v.MaxLength($"{field}.{nameof(OutcomeInput.Title)}", outcomes[i]?.Title, TitleMaxLength);
        }

        var indicators = Items(v, nameof(ReportInput.Indicators), input.Indicators);
        for (var i = 0; i < indicators.Count; i++)
        {
            var field = $"{nameof(ReportInput.Indicators)}[{i}]";
            v.RequiredText($"{field}.{nameof(IndicatorInput.Name)}", indicators[i]?.Name, IndicatorNameMaxLength);
            if (indicators[i]?.Value is null) v.Add($"{field}.{nameof(IndicatorInput.Value)}", "Validation.Required");
            v.RequiredText($"{field}.{nameof(IndicatorInput.Unit)}", indicators[i]?.Unit, UnitMaxLength);
        }
        if (!v.IsValid) return v.ToError();

        return (input.Language!, new ReportContent(
            Blank(input.Activities),
            issues.Select(c => c!).Distinct().ToList(),
            involvement.Select(e => new StakeholderInvolvement(e!.StakeholderGroup!, e.How!.Trim())).ToList(),
            outcomes.Select(o => new ReportOutcome(Blank(o!.Title), Blank(o.Url), Blank(o.Symbol))).ToList(),
            indicators.Select(n => new ReportIndicator(n!.Name!.Trim(), n.Value!.Value.ToString("0.############", CultureInfo.InvariantCulture), n.Unit!.Trim())).ToList(),
            Blank(input.Difficulties),
            Blank(input.Plans)));
    }

    private static IReadOnlyList<T?> Items<T>(Validation v, string field, IReadOnlyList<T?>? items)
    {
        if (items is { Count: > MaxItems }) v.Add(field, "Report.TooMany", MaxItems);
        return items ?? [];
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
