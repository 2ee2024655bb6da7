using Ecp.Common;
using Ecp.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Invitations;

public sealed record InvitationsView(IReadOnlyList<InviteParticipants.Invited> Invitations);

public static class InvitationsApi
{
    public const string CsvMediaType = "text/csv";

    public static RouteGroupBuilder MapInvitationsApi(this RouteGroupBuilder api)
    {
        // Every endpoint here writes: the whole group takes the writers' conventions.
        var invitations = api.MapGroup("/invitations").WithTags("Invitations").RequireApiWriter();

        invitations.MapPost("/", async (InviteParticipants.Command command, InviteParticipants useCase, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await useCase.HandleAsync(await actors.GetAsync(ct), command, ct)).ToHttpResult(Created, l))
            .WithName("InviteParticipants")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Secretariat: invite people in bulk (one row each); if any row is invalid nobody is invited and each error names its row.");

        invitations.MapPost("/csv", async Task<Results<Created<InvitationsView>, ProblemHttpResult>> (HttpRequest request, InviteParticipants useCase, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                if (actor.UnlessSecretariat() is { } denied) return denied.ToProblem(l);
                // The reader reads synchronously: take the (bounded) body first.
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body, ct);
                body.Position = 0;
                var rows = InvitationCsv.Read(body);
                if (!rows.IsSuccess) return rows.Error!.ToProblem(l);
                return (await useCase.HandleAsync(actor, new InviteParticipants.Command { Rows = rows.Value }, ct)).ToHttpResult(Created, l);
            })
            .Accepts<string>(CsvMediaType)
            .WithName("InviteParticipantsFromCsv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Secretariat: the same, from a CSV file (columns name, email, role, member_state_or_organization, language); errors name their line.");
        return api;
    }

    private static Created<InvitationsView> Created(IReadOnlyList<InviteParticipants.Invited> invited)
        => TypedResults.Created("/secretariat/invitations", new InvitationsView(invited));
}
