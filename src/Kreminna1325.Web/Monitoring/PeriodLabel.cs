using Kreminna1325.Core.Monitoring;
using Microsoft.Extensions.Localization;

namespace Kreminna1325.Web.Monitoring;

/// <summary>How people name a period: "I квартал 2021", "II півріччя 2021", "2021 рік", "листопад–грудень 2021".</summary>
public static class PeriodLabel
{
    private static readonly string[] RomanSmall = ["I", "II", "III", "IV"];

    public static string Of(PeriodInfo p, IStringLocalizer l) => p.Kind switch
    {
        PeriodKind.Quarter => l["Period.Quarter", RomanSmall[p.Sequence - 1], p.Year],
        PeriodKind.HalfYear => l["Period.Half", RomanSmall[p.Sequence - 1], p.Year],
        PeriodKind.Year => l["Period.Year", p.Year],
        _ => l["Period.Months", p.Start.ToString("MMMM", System.Globalization.CultureInfo.CurrentCulture),
            p.End.ToString("MMMM", System.Globalization.CultureInfo.CurrentCulture), p.Year],
    };

    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.CurrentCulture);
}
