using System.Globalization;
using Ecp.Resources;
using Microsoft.Extensions.Localization;

namespace Ecp.Common;

/// <summary>
/// The localizer every page, endpoint and error mapping gets. A message whose arguments do not
/// match its placeholders is a bug (MessagePlaceholderTests finds them), but it must never turn a
/// user's request into a 500: the message is shown without its arguments, and the bug is logged.
/// </summary>
public sealed class SafeLocalizer(IStringLocalizerFactory factory, ILogger<SafeLocalizer> log) : IStringLocalizer<SharedResource>
{
    private readonly IStringLocalizer inner = factory.Create(typeof(SharedResource));

    public LocalizedString this[string name] => inner[name];

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var template = inner[name];
            try
            {
                return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, template.Value, arguments), template.ResourceNotFound, template.SearchedLocation);
            }
            catch (FormatException e)
            {
                log.LogError(e, "The message {Key} ({Culture}) was formatted with {Count} argument(s) that do not fit its placeholders.", name, CultureInfo.CurrentUICulture.Name, arguments.Length);
                return template;
            }
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
}
