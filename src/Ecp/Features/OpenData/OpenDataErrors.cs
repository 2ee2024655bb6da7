using Ecp.Common;

namespace Ecp.Features.OpenData;

public sealed record OpenDatasetNotFound() : NotFoundError("OpenData.NotFound");
