using Ecp.Common;

namespace Ecp.Features.Accounts;

// The accounts' expected failures: one record each, its code and message key written once.

public sealed record ApiTokenNotFound() : NotFoundError("ApiToken.NotFound");

public sealed record TooManyTokens(int Max) : ConflictError("too-many-tokens", "ApiToken.TooMany", Max);
