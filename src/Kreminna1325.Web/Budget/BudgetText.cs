using Kreminna1325.Core.Budget;
using Microsoft.Extensions.Localization;

namespace Kreminna1325.Web.Budget;

/// <summary>How a printed total that differs is told to people, on the page and in the exported documents alike.</summary>
public static class BudgetText
{
    public static string Mismatch(IStringLocalizer l, BudgetMismatch m)
    {
        var scope = m.Scope == BudgetScope.Plan ? l["Plan.Mismatch.Plan"].Value : string.Format(l["Plan.Mismatch.Direction"].Value, m.Direction);
        var printed = m.Printed is { } p ? Format.Amount(p) : l["Plan.Mismatch.NotPrinted"].Value;
        return string.Format(l["Plan.Mismatch.Line"].Value, scope, l[$"Source.{m.Source}"].Value, m.Year, printed, Format.Amount(m.Computed));
    }
}
