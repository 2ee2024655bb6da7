using Ecp.Data;
using Ecp.Features.Registry;

namespace Ecp.Features.OpenData;

/// <summary>One field of a dataset, as its data dictionary states it. Types: "uuid", "string",
/// "integer", "boolean", "timestamp" (RFC 3339, UTC), "code" (a lower-kebab code of the API).</summary>
public sealed record OpenDataField(string Name, string Type, string Meaning);

/// <summary>
/// A public dataset: its name (the file name), what it holds, its fields, and its rows read from
/// the database as a stream, in a stable order, one row at a time, so a dump of any size takes
/// constant memory. A row holds only what the platform already shows to anyone.
/// </summary>
public sealed record OpenDataset(string Name, string Description, IReadOnlyList<OpenDataField> Fields,
    Func<AppDbContext, MemberStateCatalog, CancellationToken, IAsyncEnumerable<object?[]>> Rows);
