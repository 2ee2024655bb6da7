namespace Ecp.Features.Cli;

internal sealed class UsageException(string message) : Exception(message);
