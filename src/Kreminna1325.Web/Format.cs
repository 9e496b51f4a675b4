using System.Globalization;

namespace Kreminna1325.Web;

/// <summary>Numbers as the plan prints them: thousand UAH with a decimal comma, at least one decimal ("7,0").</summary>
public static class Format
{
    /// <summary>The pattern of <see cref="Amount"/>, for the fields where people type amounts.</summary>
    public const string AmountPattern = "#,##0.0#";

    public static string Amount(decimal amount) => amount.ToString(AmountPattern, CultureInfo.CurrentCulture);

    /// <summary>A count or percentage: no decimals unless there are some ("40", "12,5").</summary>
    public static string Count(decimal value) => value.ToString("#,##0.#", CultureInfo.CurrentCulture);

    public static string FileSize(long bytes) =>
        bytes < 1024 * 1024 ? $"{Math.Ceiling(bytes / 1024.0).ToString(CultureInfo.CurrentCulture)} KB" : $"{(bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.CurrentCulture)} MB";

    // The community's clock: people read times in Kyiv time, the database keeps UTC.
    private static readonly TimeZoneInfo Kyiv = FindKyiv();

    public static string DateTime(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, Kyiv).ToString("dd.MM.yyyy HH:mm", CultureInfo.CurrentCulture);

    private static TimeZoneInfo FindKyiv()
    {
        foreach (var id in new[] { "Europe/Kyiv", "Europe/Kiev", "FLE Standard Time" })
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                return zone;
            }
        }

        return TimeZoneInfo.Utc;
    }
}
