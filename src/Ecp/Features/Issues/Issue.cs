using System.Text.RegularExpressions;
using Ecp.Common;

namespace Ecp.Features.Issues;

/// <summary>
/// An international Internet-related public policy issue of the map (E/CN.16/2015/CRP.2), or one
/// the secretariat added. Its code is its id in every link and in the API, and it never goes
/// away: a merged issue names its successor (its links redirect there), a retired one stays
/// readable with the reason.
/// </summary>
public sealed partial class Issue
{
    public const int CodeMaxLength = 80;
    public const int ReasonMaxLength = 2000;

    private Issue()
    {
    }

    public string Code { get; private set; } = "";

    public string ClusterCode { get; private set; } = "";

    public int Position { get; private set; }

    public IssueNames Names { get; private set; } = new();

    public IssueState State { get; private set; }

    /// <summary>For a merged issue: the issue it was merged into.</summary>
    public string? SuccessorCode { get; private set; }

    /// <summary>When the secretariat added it; null for the reference taxonomy.</summary>
    public DateTimeOffset? AddedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public string? EndReason { get; private set; }

    public bool IsActive => State == IssueState.Active;

    /// <summary>An issue of the reference taxonomy, as the mapping lists it.</summary>
    public static Issue FromTaxonomy(string code, string cluster, int position, IssueNames names)
        => new() { Code = code, ClusterCode = cluster, Position = position, Names = names };

    /// <summary>A code is lower-case letters, digits and single hyphens ("net-neutrality").</summary>
    public static bool IsCode(string? code) => code is { Length: > 0 and <= CodeMaxLength } && CodePattern().IsMatch(code);

    /// <summary>The code made from an English name: "Artificial intelligence" is "artificial-intelligence".</summary>
    public static string CodeFrom(string englishName)
    {
        var code = NotCodeCharacters().Replace(englishName.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD), "-").Trim('-');
        return code.Length > CodeMaxLength ? code[..CodeMaxLength].TrimEnd('-') : code;
    }

    /// <summary>The secretariat adds an issue to a cluster, after its last issue.</summary>
    public static Result<Issue> Add(string code, IssueCluster cluster, int position, IReadOnlyDictionary<string, string?> names, DateTimeOffset now)
    {
        var checkedNames = CheckNames(names, requireEnglish: true);
        if (!checkedNames.IsSuccess) return checkedNames.Error!;
        if (!IsCode(code)) return new ValidationError([new FieldError("Code", "Issue.CodeInvalid", CodeMaxLength)]);
        return new Issue
        {
            Code = code,
            ClusterCode = cluster.Code,
            Position = position,
            Names = checkedNames.Value,
            AddedAt = now,
        };
    }

    /// <summary>New names in some languages; the others stay. The code, and so every link, stays.</summary>
    public Result<IssueNames> Rename(IReadOnlyDictionary<string, string?> names)
    {
        if (!IsActive) return new IssueNotActive();
        var checkedNames = CheckNames(names, requireEnglish: false);
        if (!checkedNames.IsSuccess) return checkedNames.Error!;
        var renamed = Names.With(names);
        if (renamed == Names) return new ValidationError([new FieldError("Names", "Issue.NamesUnchanged")]);
        Names = renamed;
        return renamed;
    }

    /// <summary>This issue becomes part of <paramref name="successor"/>: its links redirect there and
    /// its mappings, assessments and tags move (the use case moves them).</summary>
    public Error? MergeInto(Issue successor, string? reason, DateTimeOffset now)
    {
        if (!IsActive) return new IssueNotActive();
        if (successor.Code == Code) return new ValidationError([new FieldError("Into", "Issue.MergeIntoItself")]);
        if (!successor.IsActive) return new ValidationError([new FieldError("Into", "Issue.SuccessorNotActive")]);
        if (CheckReason(reason) is { } invalid) return invalid;
        State = IssueState.Merged;
        SuccessorCode = successor.Code;
        EndedAt = now;
        EndReason = reason!.Trim();
        return null;
    }

    /// <summary>The issue leaves the map; its page, mappings and assessments stay readable.</summary>
    public Error? Retire(string? reason, DateTimeOffset now)
    {
        if (!IsActive) return new IssueNotActive();
        if (CheckReason(reason) is { } invalid) return invalid;
        State = IssueState.Retired;
        EndedAt = now;
        EndReason = reason!.Trim();
        return null;
    }

    /// <summary>What may be said of an active issue: assessed, mapped, tagged.</summary>
    public Error? AcceptsViews() => IsActive ? null : new IssueNotActive();

    public static ValidationError? CheckReason(string? reason, string field = "Reason")
    {
        var v = new Validation().RequiredText(field, reason, ReasonMaxLength);
        return v.IsValid ? null : v.ToError();
    }

    private static Result<IssueNames> CheckNames(IReadOnlyDictionary<string, string?> names, bool requireEnglish)
    {
        var v = new Validation();
        if (requireEnglish) v.Required("Names.en", names.GetValueOrDefault("en"));
        foreach (var (language, name) in names)
        {
            if (!Languages.IsSupported(language)) v.Add($"Names.{language}", "Issue.LanguageUnknown");
            else v.MaxLength($"Names.{language}", name, IssueNames.MaxLength);
        }
        if (names.Count == 0) v.Add("Names", "Validation.Required");
        if (!v.IsValid) return v.ToError();
        return new IssueNames { En = names.GetValueOrDefault("en")?.Trim() ?? "" }.With(names);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotCodeCharacters();
}
