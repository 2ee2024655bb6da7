namespace Ecp.Resources;

/// <summary>Marker for the UI strings in SharedResource.{culture}.resx (the six UN languages).</summary>
public sealed class SharedResource;
