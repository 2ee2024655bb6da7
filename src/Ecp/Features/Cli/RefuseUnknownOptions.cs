using Spectre.Console.Cli;

namespace Ecp.Features.Cli;

/// <summary>What the parser could not bind to an option of the verb is a mistake, not a detail to ignore.</summary>
internal sealed class RefuseUnknownOptions : ICommandInterceptor
{
    public void Intercept(CommandContext context, CommandSettings settings)
    {
        var unknown = context.Remaining.Parsed.Select(p => p.Key).Concat(context.Remaining.Raw).FirstOrDefault();
        if (unknown is not null) throw new UsageException($"Unknown option '{unknown.TrimStart('-')}'.");
    }
}
