namespace Ecp.Common;

/// <summary>The "first page" and "next page" links under a keyset-paged list (Features/Shared/_Pager.cshtml):
/// <see cref="First"/> is shown on later pages, <see cref="Next"/> (already a full link) unless on the last.</summary>
public sealed record PagerModel(string First, bool OnLaterPage, string? Next);
