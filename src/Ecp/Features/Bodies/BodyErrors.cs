using Ecp.Common;

namespace Ecp.Features.Bodies;

// The expected failures of bodies: one record each, with the code and message key the API and the pages show.

public sealed record BodyExists(string Name) : ConflictError("body-exists", "Body.AlreadyExists", Name);
