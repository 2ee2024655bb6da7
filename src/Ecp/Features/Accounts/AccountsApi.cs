using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Registry;
using Ecp.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Accounts;

public sealed record LanguageView(string Language);

/// <summary>Whether you are named in the open data (the people dataset and Popolo).</summary>
public sealed record NamingView(bool Consent);

public sealed record ApiTokenView(Guid Id, string Name, string Hint, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

public static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Accounts");
        var reads = me.MapGroup("").RequireApiToken();
        var writes = me.MapGroup("").RequireApiWriter();

        reads.MapGet("/", async (ActorAccessor actors, AppDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var actor = await actors.GetAsync(ct);
            var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == actor.PersonId, ct);
            return (person is null ? null : RegistryApi.ToView(person, l)).OkOr(new UnauthenticatedError(), l);
        }).WithName("GetMe").WithSummary("The person behind the token.");

        reads.MapGet("/language", async (ActorAccessor actors, AppDbContext db, CancellationToken ct) =>
        {
            var actor = await actors.GetAsync(ct);
            return TypedResults.Ok(new LanguageView(await db.Users.Where(a => a.Id == actor.AccountId).Select(a => a.Language).SingleAsync(ct)));
        }).WithName("GetLanguage").WithSummary("The UN language the platform writes to you in (e-mail notices).");

        writes.MapPut("/language", async (ChooseLanguage.Command command, ChooseLanguage useCase, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await useCase.HandleAsync(await actors.GetAsync(ct), command, ct)).ToHttpResult(language => TypedResults.Ok(new LanguageView(language)), l))
            .WithName("ChooseLanguage")
            .WithSummary("Choose the UN language the platform writes to you in: ar, zh, en, fr, ru or es.");

        reads.MapGet("/naming", async (ActorAccessor actors, AppDbContext db, CancellationToken ct) =>
        {
            var actor = await actors.GetAsync(ct);
            return TypedResults.Ok(new NamingView(await db.People.Where(p => p.Id == actor.PersonId).Select(p => p.ConsentsToBeNamed).SingleAsync(ct)));
        }).WithName("GetNaming").WithSummary("Whether you consented to be named in the open data (the people dataset and Popolo).");

        writes.MapPut("/naming", async (ChooseNaming.Command command, ChooseNaming useCase, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await useCase.HandleAsync(await actors.GetAsync(ct), command, ct)).ToHttpResult(consent => TypedResults.Ok(new NamingView(consent)), l))
            .WithName("ChooseNaming")
            .WithSummary("Give (consent: true) or withdraw (false) your consent to be named in the open data: your name, role, stakeholder group, Member State and organization in the people dataset and Popolo.");

        reads.MapGet("/tokens", async (ActorAccessor actors, AppDbContext db, CancellationToken ct) =>
        {
            var actor = await actors.GetAsync(ct);
            return TypedResults.Ok(await Tokens(db, actor.AccountId!).ToListAsync(ct));
        }).WithName("ListApiTokens").WithSummary("Your API tokens (never their secrets), newest first.");

        writes.MapPost("/tokens", async (IssueApiToken.Command command, IssueApiToken useCase, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await useCase.HandleAsync(await actors.GetAsync(ct), command, ct))
                .ToHttpResult(t => TypedResults.Created($"/api/v1/me/tokens/{t.Id}", t), l))
            .WithMetadata(new AuthenticationAttemptAttribute())
            .WithName("IssueApiToken")
            .WithSummary("Issue another personal API token; the secret is in this response only.");

        writes.MapDelete("/tokens/{id:guid}", async (Guid id, RevokeApiToken useCase, ActorAccessor actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await useCase.HandleAsync(await actors.GetAsync(ct), id, ct)).ToHttpResult(_ => TypedResults.NoContent(), l))
            .WithName("RevokeApiToken")
            .WithSummary("Revoke a token; it stops working at once.");
        return api;
    }

    public static IQueryable<ApiTokenView> Tokens(AppDbContext db, string accountId)
        => db.ApiTokens.AsNoTracking()
            .Where(t => t.AccountId == accountId)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new ApiTokenView(t.Id, t.Name, t.Hint, t.CreatedAt, t.LastUsedAt, t.RevokedAt));
}
