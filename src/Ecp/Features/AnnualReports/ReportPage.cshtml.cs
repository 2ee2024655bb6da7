using System.Text.Encodings.Web;
using Ecp.Common;
using Ecp.Features.Drafts;
using Ecp.Resources;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.AnnualReports;

/// <summary>A submitted annual performance report, as anyone reads it: its standing, the current
/// revision's fields in its own language or another language version, and every correction with
/// its reason and what it changed. Its reporters and the secretariat add language versions here.</summary>
public sealed class ReportPageModel(ReportQueries queries, ActorAccessor actors, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The language version asked for (?language=fr); the original when none or missing.</summary>
    [FromQuery(Name = "language")]
    public string? Language { get; set; }

    [BindProperty] public LanguageVersionInput Translate { get; set; } = new();

    public ReportView Report { get; private set; } = null!;

    /// <summary>What the page shows: the current revision, or its version in <see cref="Language"/>.</summary>
    public ReportContent Shown { get; private set; } = null!;

    public string ShownLanguage { get; private set; } = "";

    /// <summary>A language was asked for that the report is not in yet.</summary>
    public bool RequestedLanguageMissing { get; private set; }

    /// <summary>The signed-in person may add a language version: a reporter of the organization or the secretariat.</summary>
    public bool CanTranslate { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostTranslateAsync(Guid id, [FromServices] AddReportLanguageVersion useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, Translate, ct), "Reports.LanguageVersionAdded",
            version => $"/reports/report/{id}?language={version.Language}", () => LoadAsync(id, ct), f => $"Translate.{f}");

    public IReadOnlyList<(string, string)> TranslationLanguageOptions =>
        [("", l["Common.Choose"]), .. Report.MissingLanguages.Select(c => (c, Languages.NativeName(c)))];

    public IHtmlContent Render(IReadOnlyList<WordPieceView> words)
        => WordDiffHtml.Render(words, HttpContext.RequestServices.GetService<HtmlEncoder>() ?? HtmlEncoder.Default, l);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await queries.ReportAsync(id, ct) is not { } report) return false;
        Report = report;
        var version = report.LanguageVersions.FirstOrDefault(v => v.Language == Language);
        (Shown, ShownLanguage) = version is null ? (report.Current.Content, report.Current.Language) : (version.Content, version.Language);
        RequestedLanguageMissing = Language is not null && Language != report.Current.Language && version is null;
        var actor = await actors.GetAsync(ct);
        CanTranslate = report.MissingLanguages.Count > 0 && ReportLanguageVersion.UnlessAllowed(actor, report.OrganizationId) is null;
        return true;
    }
}
