using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Accountability;
using Microsoft.EntityFrameworkCore;

using static Ecp.Features.Cli.DemoExpect;

namespace Ecp.Features.Cli;

/// <summary>
/// The results of WTPF-13 Opinion 6, adopted in the demo, tracked through the real use cases over
/// several years: a parent for the whole Opinion with children in different states (one with
/// children of its own), milestones from 2014 on, and implementing organizations. The figures and
/// dates are invented for the demo.
/// </summary>
public sealed class DemoResults(AppDbContext db, DefineResult define, UpdateResultStatus update, AddMilestone addMilestone,
    CompleteMilestone completeMilestone, AssignImplementers assign)
{
    public async Task LoadAsync(DemoDrafts.Cast cast, CancellationToken ct)
    {
        var chair = cast.Chair;
        var opinion = await db.Documents.AsNoTracking().SingleAsync(d => d.Symbol == "Opinion 6 (WTPF-13)", ct);
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.Acronym != null).ToDictionaryAsync(o => o.Acronym!, o => o.Id, ct);

        var whole = await DefineAsync(chair, opinion.Id, null, null, "Opinion 6 implemented",
            "Enhanced cooperation operationalized as the Opinion invites, followed up by the Member States and all stakeholders.", ct);
        var experience = await DefineAsync(chair, opinion.Id, "1", whole, "Member States share their experience",
            "Member States report on how they work with all stakeholders on Internet-related public policy.", ct);
        var workshops = await DefineAsync(chair, opinion.Id, null, experience, "Regional workshops held", "One workshop in each ITU region.", ct);
        var repository = await DefineAsync(chair, opinion.Id, null, experience, "Online repository of national experience", "A public, searchable collection of the reports.", ct);
        var consultation = await DefineAsync(chair, opinion.Id, null, whole, "Stakeholders consulted on implementation", "An open consultation on the implementation of the Opinion.", ct);
        var portal = await DefineAsync(chair, opinion.Id, null, whole, "Joint portal of the organizations", "A single portal of the relevant organizations' work.", ct);

        Expect(await assign.HandleAsync(chair, whole, new() { OrganizationIds = [organizations["ITU"]] }, ct));
        Expect(await assign.HandleAsync(chair, workshops, new() { OrganizationIds = [organizations["ITU"], organizations["ISOC"]] }, ct));
        Expect(await assign.HandleAsync(chair, repository, new() { OrganizationIds = [organizations["ITU"], organizations["UNESCO"]] }, ct));
        Expect(await assign.HandleAsync(chair, portal, new() { OrganizationIds = [organizations["ITU"], organizations["OECD"], organizations["CoE"]] }, ct));

        await MilestonesAsync(chair, workshops, ct,
            ("Workshop for Africa", new DateOnly(2014, 6, 30), new DateOnly(2014, 6, 12)),
            ("Workshop for the Americas", new DateOnly(2015, 3, 31), new DateOnly(2015, 5, 20)),
            ("Workshop for Asia and the Pacific", new DateOnly(2016, 3, 31), new DateOnly(2016, 3, 3)));
        await MilestonesAsync(chair, repository, ct,
            ("Template for national reports agreed", new DateOnly(2015, 12, 31), new DateOnly(2016, 2, 1)),
            ("Repository online", new DateOnly(2017, 6, 30), null));
        await MilestonesAsync(chair, consultation, ct,
            ("Consultation report to the CSTD", new DateOnly(2016, 5, 31), new DateOnly(2016, 5, 9)));

        await UpdateAsync(chair, workshops, "in-progress", 33, "The first workshop was held in Nairobi; two more are planned.", ct);
        await UpdateAsync(chair, workshops, "completed", 100, "The three planned workshops were held (ITU report, 2016).", ct);
        await UpdateAsync(chair, repository, "in-progress", 20, "The template for national reports is agreed.", ct);
        await UpdateAsync(chair, repository, "delayed", 40, "Hosting was not funded in the 2017 budget; twelve reports are collected.", ct);
        await UpdateAsync(chair, consultation, "completed", 100, "The consultation report was presented to the CSTD at its nineteenth session.", ct);
        await UpdateAsync(chair, portal, "discontinued", 10, "The organizations agreed to link their own sites instead (letter of 2018).", ct);
        await UpdateAsync(chair, experience, "in-progress", null, "Workshops done, repository delayed.", ct);
        await UpdateAsync(chair, whole, "in-progress", null, "Yearly review by the secretariat.", ct);
    }

    private async Task<Guid> DefineAsync(Actor chair, Guid document, string? paragraph, Guid? parent, string title, string description, CancellationToken ct)
        => Expect(await define.HandleAsync(chair, new() { DocumentId = document, Paragraph = paragraph, ParentId = parent, Title = title, Description = description }, ct)).Id;

    private async Task UpdateAsync(Actor chair, Guid result, string status, int? progress, string reason, CancellationToken ct)
        => Expect(await update.HandleAsync(chair, result, new() { Status = status, Progress = progress, Reason = reason }, ct));

    private async Task MilestonesAsync(Actor chair, Guid result, CancellationToken ct, params (string Title, DateOnly Due, DateOnly? Done)[] milestones)
    {
        foreach (var (title, due, done) in milestones)
        {
            var milestone = Expect(await addMilestone.HandleAsync(chair, result, new() { Title = title, DueOn = due }, ct));
            if (done is { } on) Expect(await completeMilestone.HandleAsync(chair, result, milestone.Id, new() { DoneOn = on }, ct));
        }
    }
}
