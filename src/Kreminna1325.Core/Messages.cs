using System.Globalization;
using System.Resources;

namespace Kreminna1325.Core;

/// <summary>Core's user-facing messages (validation, open-data descriptions), in Ukrainian or English.</summary>
public static class Messages
{
    private static readonly ResourceManager Resources = new("Kreminna1325.Core.Resources.Messages", typeof(Messages).Assembly);

    /// <summary>Ukrainian, the neutral language: what is published whatever the reader's language (open data for the national portal).</summary>
    public static readonly CultureInfo Ukrainian = CultureInfo.GetCultureInfo("uk-UA");

    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Get(string key, params object[] args) =>
        string.Format(CultureInfo.CurrentCulture, Get(key), args);

    /// <summary>The message in the given language, not the current one; without arguments the text is not formatted.</summary>
    public static string In(CultureInfo culture, string key, params object[] args)
    {
        var text = Resources.GetString(key, culture) ?? key;
        return args.Length == 0 ? text : string.Format(culture, text, args);
    }
}
