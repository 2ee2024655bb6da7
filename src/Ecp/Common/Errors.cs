namespace Ecp.Common;

/// <summary>
/// An expected failure, carried as a value. <see cref="MessageKey"/> names a UI string in
/// Resources/SharedResource*.resx so the same error reads in the caller's language on a page
/// and in an API problem detail.
/// </summary>
public abstract record Error(string Code, int Status, string MessageKey, params object[] Args);

public abstract record NotFoundError(string MessageKey, params object[] Args)
    : Error("not-found", StatusCodes.Status404NotFound, MessageKey, Args);

public abstract record ForbiddenError(string MessageKey)
    : Error("forbidden", StatusCodes.Status403Forbidden, MessageKey);

/// <summary>The generic refusal: the caller is known but this is not theirs to do.</summary>
public sealed record NotAllowed() : ForbiddenError("Error.Forbidden");

public sealed record UnauthenticatedError()
    : Error("unauthenticated", StatusCodes.Status401Unauthorized, "Error.Unauthenticated");

public abstract record ConflictError(string Code, string MessageKey, params object[] Args)
    : Error(Code, StatusCodes.Status409Conflict, MessageKey, Args);

/// <summary>One message for one input field; <see cref="Field"/> is the request property name.</summary>
public sealed record FieldError(string Field, string MessageKey, params object[] Args);

public sealed record ValidationError(IReadOnlyList<FieldError> Fields)
    : Error("validation", StatusCodes.Status400BadRequest, "Error.Validation");

public readonly struct Result<T>
{
    private readonly T? value;

    private Result(T? value, Error? error)
    {
        this.value = value;
        Error = error;
    }

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? value! : throw new InvalidOperationException($"No value: {Error}");

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Error error) => new(default, error);
}

/// <summary>Collects field errors while a use case checks its request.</summary>
public sealed class Validation
{
    private readonly List<FieldError> errors = [];

    public bool IsValid => errors.Count == 0;

    public Validation Add(string field, string messageKey, params object[] args)
    {
        errors.Add(new FieldError(field, messageKey, args));
        return this;
    }

    public Validation Required(string field, string? value)
        => string.IsNullOrWhiteSpace(value) ? Add(field, "Validation.Required") : this;

    public Validation MaxLength(string field, string? value, int max)
        => value is not null && value.Length > max ? Add(field, "Validation.TooLong", max) : this;

    public Validation RequiredText(string field, string? value, int max)
        => string.IsNullOrWhiteSpace(value) ? Add(field, "Validation.Required") : MaxLength(field, value, max);

    public ValidationError ToError() => new(errors);
}
