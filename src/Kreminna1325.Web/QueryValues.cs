using System.Globalization;

namespace Kreminna1325.Web;

/// <summary>
/// Numbers from query strings, read leniently: a link typed or truncated by hand ("?year=abc") means
/// "no filter", never an error page. Pages take their query values as text and read them here.
/// </summary>
public static class QueryValues
{
    public static int? Int(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;

    /// <summary>True when the text is absent or a valid id; false when something was given that is not one.</summary>
    public static bool IsAbsentOrInt(string? text) => string.IsNullOrEmpty(text) || Int(text) is not null;
}
