using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Registry;
using Ecp.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Issues;

/// <summary>One issue: who addresses it, the gaps, the spread of ¶69 assessments by group with the
/// reasons; the forms of participants (assess, propose) and of the secretariat (decide, rename,
/// merge, retire). A merged issue's address redirects to its successor's.</summary>
public sealed class IssuePageModel(IssueQueries queries, ActorAccessor actors, AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public AssessScope.Command Assess { get; set; } = new();
    [BindProperty] public ProposeMappingChange.Command Propose { get; set; } = new();
    [BindProperty] public DecideMappingProposal.Command Decide { get; set; } = new();
    [BindProperty] public RenameIssue.Command Rename { get; set; } = new() { Names = new NamesInput() };
    [BindProperty] public MergeIssue.Command Merge { get; set; } = new();
    [BindProperty] public RetireIssue.Command Retire { get; set; } = new();

    [BindProperty(SupportsGet = true)] public string? Group { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public IssueView Issue { get; private set; } = null!;
    public IReadOnlyList<ScopeAssessmentView> Reasons { get; private set; } = [];
    public string? NextReasons { get; private set; }
    public bool IsParticipant { get; private set; }
    public bool IsSecretariat { get; private set; }
    public IReadOnlyList<(string Value, string Text)> GroupOptions { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> OrganizationOptions { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> MappingOptions { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> SuccessorOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is { State: "merged", Successor: { } successor }) return RedirectPermanent($"/issues/{Uri.EscapeDataString(successor)}");
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAssessAsync(string id, [FromServices] AssessScope useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, Assess, ct), "Issue.Assessed", a => Here(a.IssueCode),
            () => LoadAsync(id, ct), f => $"Assess.{f}");

    public async Task<IActionResult> OnPostProposeAsync(string id, [FromServices] ProposeMappingChange useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, Propose, ct), "Issue.Proposed", p => Here(p.IssueCode),
            () => LoadAsync(id, ct), f => $"Propose.{f}");

    public async Task<IActionResult> OnPostDecideAsync(string id, Guid proposalId, [FromServices] DecideMappingProposal useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, proposalId, Decide, ct), "Issue.ProposalDecidedDone", p => Here(p.IssueCode),
            () => LoadAsync(id, ct), f => $"Decide.{f}");

    public async Task<IActionResult> OnPostRenameAsync(string id, [FromServices] RenameIssue useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, Rename, ct), "Issue.RenamedDone", i => Here(i.Code),
            () => LoadAsync(id, ct), f => $"Rename.{f}");

    public async Task<IActionResult> OnPostMergeAsync(string id, [FromServices] MergeIssue useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, Merge, ct), "Issue.MergedDone", i => Here(i.SuccessorCode!),
            () => LoadAsync(id, ct), f => $"Merge.{f}");

    public async Task<IActionResult> OnPostRetireAsync(string id, [FromServices] RetireIssue useCase, CancellationToken ct)
        => await this.ActAsync(useCase.HandleAsync(await actors.GetAsync(ct), id, Retire, ct), "Issue.RetiredDone", i => Here(i.Code),
            () => LoadAsync(id, ct), f => $"Retire.{f}");

    private static string Here(string code) => $"/issues/{Uri.EscapeDataString(code)}";

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (await queries.GetAsync(code, ct) is not { } issue) return false;
        Issue = issue;
        var actor = await actors.GetAsync(ct);
        IsParticipant = actor.ParticipantGroup is not null;
        IsSecretariat = actor.IsSecretariat;
        var group = Codes.Parse<StakeholderGroup>(Group);
        (Reasons, NextReasons) = await queries.ScopeAssessmentsAsync(issue.Code, group, false, After, null, ct);
        GroupOptions = [("", l["Issues.AllGroups"]), .. StakeholderGroups.All.Select(g => (g.ToCode(), l[g.ResourceKey()].Value))];
        if (issue.State != "active" || !(IsParticipant || IsSecretariat)) return true;
        // The form offers the relevant organizations (those asked for annual reports); any other
        // organization of the registry can be proposed through the API by its id.
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.IsRelevantOrganization)
            .OrderBy(o => o.Name).Take(Paging.MaxPageSize).Select(o => new { o.Id, o.Name, o.Acronym }).ToListAsync(ct);
        OrganizationOptions = [("", l["Issues.ChooseOrganization"]), .. organizations.Select(o => (o.Id.ToString(), o.Acronym is null ? o.Name : $"{o.Name} ({o.Acronym})"))];
        MappingOptions = [("", l["Issues.ChooseMapping"]), .. issue.Mappings.Select(m => (m.Id.ToString(), m.OrganizationName ?? m.Title ?? m.DocumentSymbol ?? m.Id.ToString()))];
        if (IsSecretariat)
        {
            var active = await queries.ActiveAsync(ct);
            SuccessorOptions = [("", l["Issues.ChooseSuccessor"]), .. active.Where(i => i.Code != issue.Code).Select(i => (i.Code, i.Name.Text))];
            Rename = new RenameIssue.Command
            {
                Names = Rename.Names is { En: not null } posted ? posted : new NamesInput
                {
                    En = issue.Names.GetValueOrDefault("en"), Fr = issue.Names.GetValueOrDefault("fr"), Es = issue.Names.GetValueOrDefault("es"),
                    Ru = issue.Names.GetValueOrDefault("ru"), Zh = issue.Names.GetValueOrDefault("zh"), Ar = issue.Names.GetValueOrDefault("ar"),
                },
            };
        }
        return true;
    }
}
