using Ecp.Common;

namespace Ecp.Features.Cli;

/// <summary>The demo loaders' one rule: demo data goes through the real use cases, and a refusal
/// is a bug in the demo, so it stops the load and says why.</summary>
internal static class DemoExpect
{
    public static T Expect<T>(Result<T> result)
        => result.IsSuccess ? result.Value : throw new InvalidOperationException($"Demo data was refused: {result.Error}");
}
