using System.Globalization;

namespace Kreminna1325.Web;

/// <summary>Numbers as the plan prints them: thousand UAH with a decimal comma, at least one decimal ("7,0").</summary>
public static class Format
{
    /// <summary>The pattern of <see cref="Amount"/>, for the fields where people type amounts.</summary>
    public const string AmountPattern = Core.NumberText.AmountPattern;

    public static string Amount(decimal amount) => Core.NumberText.Amount(amount);

    /// <summary>A count or percentage: no decimals unless there are some ("40", "12,5").</summary>
    public static string Count(decimal value) => Core.NumberText.Count(value);

    /// <summary>Every share and execution percentage (<see cref="Kreminna1325.Core.Percent"/>): "12,3 %", or "—" when there is nothing to measure.</summary>
    public static string Percent(decimal? value) => Core.NumberText.Percent(value);

    /// <summary>
    /// Every size a person reads — a download, a chosen file, a limit: "24 КБ", "1,3 МБ", "5 МБ" in Ukrainian
    /// (kilobytes rounded up, so a small file never reads as nothing).
    /// </summary>
    public static string FileSize(long bytes, Microsoft.Extensions.Localization.IStringLocalizer l) => bytes < 1024 * 1024
        ? l["Size.KB", Math.Ceiling(bytes / 1024.0).ToString(CultureInfo.CurrentCulture)]
        : l["Size.MB", (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.CurrentCulture)];

    /// <summary>An instant as people in the community read it: Kyiv wall-clock time.</summary>
    public static string DateTime(DateTimeOffset utc) =>
        Kreminna1325.Core.CommunityClock.ToKyiv(utc).ToString("dd.MM.yyyy HH:mm", CultureInfo.CurrentCulture);
}
