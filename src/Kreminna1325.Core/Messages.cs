using System.Globalization;
using System.Resources;

namespace Kreminna1325.Core;

/// <summary>Core's user-facing messages (validation), in the current UI culture: Ukrainian, or English.</summary>
public static class Messages
{
    private static readonly ResourceManager Resources = new("Kreminna1325.Core.Resources.Messages", typeof(Messages).Assembly);

    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Get(string key, params object[] args) =>
        string.Format(CultureInfo.CurrentCulture, Get(key), args);
}
