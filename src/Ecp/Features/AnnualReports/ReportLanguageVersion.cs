using Ecp.Common;
using Ecp.Features.Registry;

namespace Ecp.Features.AnnualReports;

/// <summary>The translatable text of one indicator: what is counted and its unit.</summary>
public sealed record IndicatorTextInput
{
    public string? Name { get; init; }
    public string? Unit { get; init; }
}

/// <summary>
/// A report's text in another of the six languages: the words of each field of the current
/// revision, in that revision's order. What is not words (the issues, the stakeholder groups, the
/// addresses and document symbols, the indicators' numbers) is the original's and is not sent.
/// </summary>
public sealed record LanguageVersionInput
{
    /// <summary>The language of this version: ar, zh, en, fr, ru or es, not the report's own.</summary>
    public string? Language { get; init; }
    public string? Activities { get; init; }
    /// <summary>How each stakeholder group of the original was involved: every group of the original once, none other.</summary>
    public IReadOnlyList<InvolvementInput>? StakeholderInvolvement { get; init; }
    /// <summary>One title per outcome of the original, in order; blank where the original has none.</summary>
    public IReadOnlyList<string?>? OutcomeTitles { get; init; }
    /// <summary>One name and unit per indicator of the original, in order.</summary>
    public IReadOnlyList<IndicatorTextInput>? Indicators { get; init; }
    public string? Difficulties { get; init; }
    /// <summary>Plans for next year.</summary>
    public string? Plans { get; init; }
}

/// <summary>
/// A submitted revision of a report in another UN language, added by the organization's reporters or
/// the secretariat. It belongs to that revision: a correction of the report is translated anew, and
/// a language with no version of the current revision is shown as missing.
/// </summary>
public sealed class ReportLanguageVersion
{
    private ReportLanguageVersion()
    {
        Language = null!;
        Content = null!;
        ContentHash = null!;
        AddedByName = null!;
    }

    public Guid Id { get; private set; }

    public Guid ReportId { get; private set; }

    /// <summary>The revision this is a version of.</summary>
    public int RevisionNumber { get; private set; }

    public string Language { get; private set; }

    /// <summary>The fields as canonical JSON (<see cref="ReportContent"/>): the original's structure, this language's words.</summary>
    public string Content { get; private set; }

    public string ContentHash { get; private set; }

    public string AddedByName { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    /// <summary>Who may add a language version: a reporter of the organization, or the secretariat.</summary>
    public static Error? UnlessAllowed(Actor actor, Guid organizationId)
    {
        if (!actor.IsAuthenticated) return new UnauthenticatedError();
        if (actor.IsSecretariat) return null;
        if (actor.Role != Role.Reporter) return new OnlyReportersOrSecretariat();
        return actor.OrganizationId == organizationId ? null : new NotYourOrganization();
    }

    /// <summary>
    /// The version of <paramref name="revision"/> in <paramref name="input"/>'s language, or the field
    /// errors: each field the original fills must be given, none it leaves empty, every list as long as
    /// the original's, and the limits of the template.
    /// </summary>
    public static Result<ReportLanguageVersion> Of(ReportRevision revision, LanguageVersionInput input, Actor actor, DateTimeOffset now)
    {
        var original = ReportContent.FromJson(revision.Content);
        var v = new Validation();
        if (!Languages.IsSupported(input.Language) || input.Language == revision.Language) v.Add(nameof(input.Language), "Report.TranslationLanguageInvalid");
        var activities = Text(v, nameof(input.Activities), original.Activities, input.Activities, ReportTemplate.ActivitiesMaxLength);
        var difficulties = Text(v, nameof(input.Difficulties), original.Difficulties, input.Difficulties, ReportTemplate.TextMaxLength);
        var plans = Text(v, nameof(input.Plans), original.Plans, input.Plans, ReportTemplate.TextMaxLength);

        var given = input.StakeholderInvolvement ?? [];
        var involvement = new List<StakeholderInvolvement>();
        if (given.Count != original.StakeholderInvolvement.Count
            || given.Select(g => g?.StakeholderGroup).Distinct().Count() != given.Count
            || given.Any(g => original.StakeholderInvolvement.All(o => o.StakeholderGroup != g?.StakeholderGroup)))
        {
            v.Add(nameof(input.StakeholderInvolvement), "Report.TranslationGroups", string.Join(", ", original.StakeholderInvolvement.Select(o => o.StakeholderGroup)));
        }
        else
        {
            // Each group's words where the request put them (errors name that place), in the original's order.
            var at = given.Select((g, i) => (g!.StakeholderGroup!, i)).ToDictionary(p => p.Item1, p => p.i);
            foreach (var o in original.StakeholderInvolvement)
            {
                var i = at[o.StakeholderGroup];
                v.RequiredText($"{nameof(input.StakeholderInvolvement)}[{i}].{nameof(InvolvementInput.How)}", given[i]!.How, ReportTemplate.InvolvementMaxLength);
                involvement.Add(new StakeholderInvolvement(o.StakeholderGroup, given[i]!.How?.Trim() ?? ""));
            }
        }

        var titles = input.OutcomeTitles ?? [];
        if (titles.Count != original.Outcomes.Count) v.Add(nameof(input.OutcomeTitles), "Report.TranslationCount", original.Outcomes.Count);
        var outcomes = original.Outcomes.Select((o, i) => o with
        {
            Title = i < titles.Count ? Text(v, $"{nameof(input.OutcomeTitles)}[{i}]", o.Title, titles[i], ReportTemplate.TitleMaxLength) : o.Title,
        }).ToList();

        var names = input.Indicators ?? [];
        if (names.Count != original.Indicators.Count) v.Add(nameof(input.Indicators), "Report.TranslationCount", original.Indicators.Count);
        var indicators = original.Indicators.Select((n, i) =>
        {
            if (i >= names.Count) return n;
            var field = $"{nameof(input.Indicators)}[{i}]";
            v.RequiredText($"{field}.{nameof(IndicatorTextInput.Name)}", names[i]?.Name, ReportTemplate.IndicatorNameMaxLength);
            v.RequiredText($"{field}.{nameof(IndicatorTextInput.Unit)}", names[i]?.Unit, ReportTemplate.UnitMaxLength);
            return n with { Name = names[i]?.Name?.Trim() ?? "", Unit = names[i]?.Unit?.Trim() ?? "" };
        }).ToList();
        if (!v.IsValid) return v.ToError();

        var content = new ReportContent(activities, original.IssuesAddressed, involvement, outcomes, indicators, difficulties, plans).ToJson();
        return new ReportLanguageVersion
        {
            Id = Guid.CreateVersion7(now),
            ReportId = revision.ReportId,
            RevisionNumber = revision.Number,
            Language = input.Language!,
            Content = content,
            ContentHash = ReportContent.Hash(content),
            AddedByName = actor.DisplayName,
            AddedAt = now,
        };
    }

    /// <summary>A field's words: required where the original has words, refused where it has none.</summary>
    private static string? Text(Validation v, string field, string? original, string? given, int maxLength)
    {
        var text = string.IsNullOrWhiteSpace(given) ? null : given.Trim();
        if (original is null)
        {
            if (text is not null) v.Add(field, "Report.TranslationNoOriginal");
            return null;
        }
        v.RequiredText(field, given, maxLength);
        return text;
    }
}
