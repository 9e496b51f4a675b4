using System.Globalization;

namespace Kreminna1325.Core.Notifications;

/// <summary>Speaks a person's language for a while: a message is composed in the recipient's language, not the actor's.</summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

    private CultureScope(CultureInfo to)
    {
        CultureInfo.CurrentCulture = to;
        CultureInfo.CurrentUICulture = to;
    }

    public static CultureScope Of(CultureInfo to) => new(to);

    public void Dispose()
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
    }
}
