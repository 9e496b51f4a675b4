using System.Globalization;

namespace Kreminna1325.Web;

/// <summary>Numbers as the plan prints them: thousand UAH with a decimal comma, at least one decimal ("7,0").</summary>
public static class Format
{
    public static string Amount(decimal amount) => amount.ToString("#,##0.0#", CultureInfo.CurrentCulture);
}
