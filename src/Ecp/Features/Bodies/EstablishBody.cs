using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Bodies;

/// <summary>The secretariat records a body, its mandate and membership.</summary>
public sealed class EstablishBody(AppDbContext db, PublicRecord record, MemberStateCatalog states, TimeProvider clock)
{
    public sealed record Command
    {
        [Name] public string? Name { get; init; }
        [Name] public string? Acronym { get; init; }
        public string? MandateReference { get; init; }
        /// <summary>"all-member-states" or "listed-member-states".</summary>
        public string? MembershipRule { get; init; }
        public IReadOnlyList<string>? Members { get; init; }
        public string? ObserverRule { get; init; }
        public int SeatsPerNonGovernmentGroup { get; init; }
    }

    public async Task<Result<Body>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        var check = new Validation()
            .RequiredText(nameof(Command.Name), command.Name, Body.NameMaxLength)
            .RequiredText(nameof(Command.Acronym), command.Acronym, 40)
            .RequiredText(nameof(Command.MandateReference), command.MandateReference, Body.TextMaxLength)
            .RequiredText(nameof(Command.ObserverRule), command.ObserverRule, Body.TextMaxLength);
        var rule = Codes.Parse<MembershipRule>(command.MembershipRule);
        if (rule is null) check.Add(nameof(Command.MembershipRule), "Body.MembershipRuleInvalid");
        var members = command.Members ?? [];
        if (rule == Bodies.MembershipRule.ListedMemberStates && (members.Count == 0 || members.Any(m => !states.Exists(m))))
        {
            check.Add(nameof(Command.Members), "Body.MembersInvalid");
        }
        if (command.SeatsPerNonGovernmentGroup is < 0 or > 100) check.Add(nameof(Command.SeatsPerNonGovernmentGroup), "Body.SeatsInvalid");
        if (!check.IsValid) return check.ToError();
        if (await db.Bodies.AnyAsync(b => b.Name == command.Name!.Trim(), ct))
        {
            return new BodyExists(command.Name!.Trim());
        }

        var body = Body.Establish(command.Name!, command.Acronym!, command.MandateReference!, rule!.Value, members,
            command.ObserverRule!, command.SeatsPerNonGovernmentGroup, clock.GetUtcNow());
        db.Bodies.Add(body);
        record.Append(actor, BodyActions.Established, "body", body.Id.ToString(), new
        {
            bodyId = body.Id,
            name = body.Name,
            acronym = body.Acronym,
            mandateReference = body.MandateReference,
            membershipRule = body.MembershipRule,
            members = body.Members.Select(m => m.MemberStateCode).ToArray(),
            observerRule = body.ObserverRule,
            seatsPerNonGovernmentGroup = body.SeatsPerNonGovernmentGroup,
            decisionRule = body.DecisionRule,
        });
        await record.SaveAsync(ct);
        return body;
    }
}
