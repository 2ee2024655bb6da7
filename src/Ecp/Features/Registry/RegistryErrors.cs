using Ecp.Common;

namespace Ecp.Features.Registry;

// The registry's expected failures: one record each, its code and message key written once.

public sealed record MemberStateNotFound() : NotFoundError("MemberState.NotFound");

public sealed record OrganizationNotFound() : NotFoundError("Organization.NotFound");

public sealed record PersonNotFound() : NotFoundError("Person.NotFound");

public sealed record AccreditationNotFound() : NotFoundError("Accreditation.NotFound");

public sealed record OrganizationExists(string Name) : ConflictError("organization-exists", "Organization.AlreadyExists", Name);

public sealed record AccreditationPending() : ConflictError("accreditation-pending", "Accreditation.AlreadyPending");

public sealed record AccreditationAlreadyDecided() : ConflictError("accreditation-decided", "Accreditation.AlreadyDecided");

public sealed record SecretariatCannotApply() : ForbiddenError("Accreditation.SecretariatCannotApply");
