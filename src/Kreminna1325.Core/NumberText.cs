using System.Globalization;

namespace Kreminna1325.Core;

/// <summary>
/// Numbers as the plan prints them, in the current culture: thousand UAH with a decimal comma and at least one decimal
/// ("7,0"), counts and percentages without decimals unless there are some. The pages and the e-mails both say them so.
/// </summary>
public static class NumberText
{
    /// <summary>The pattern of <see cref="Amount"/>, for the fields where people type amounts.</summary>
    public const string AmountPattern = "#,##0.0#";

    public static string Amount(decimal amount) => amount.ToString(AmountPattern, CultureInfo.CurrentCulture);

    /// <summary>A count or percentage: no decimals unless there are some ("40", "12,5").</summary>
    public static string Count(decimal value) => value.ToString("#,##0.#", CultureInfo.CurrentCulture);

    /// <summary>Every share and execution percentage (<see cref="Core.Percent"/>): "12,3 %", or "—" when there is nothing to measure.</summary>
    public static string Percent(decimal? value) => value is { } v ? $"{Count(v)} %" : "—";
}
