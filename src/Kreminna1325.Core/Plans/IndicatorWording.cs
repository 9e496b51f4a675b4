namespace Kreminna1325.Core.Plans;

/// <summary>
/// Infers what an indicator measures from its wording, the way the plan's authors wrote them
/// ("кількість …" is a count, "наявність …" a presence, "з розбивкою за статтю …" asks for a
/// breakdown). Used when a plan is transcribed or imported; staff can correct the result.
/// </summary>
public static class IndicatorWording
{
    public static IndicatorKind InferKind(string text)
    {
        var s = text.Trim().ToLowerInvariant();

        // "наявність та кількість новостворених організацій" is answered with a number.
        if (s.StartsWith("кількість") || s.StartsWith("наявність та кількість"))
        {
            return IndicatorKind.Count;
        }

        // "Найявний звіт" is the document's typo for "наявний"; "розроблена система" is a yes/no.
        if (s.StartsWith("наявн") || s.StartsWith("найявн") || s.StartsWith("розроблен"))
        {
            return IndicatorKind.Presence;
        }

        if (s.StartsWith("відсоток"))
        {
            return IndicatorKind.Percentage;
        }

        if (s.StartsWith("перелік"))
        {
            return IndicatorKind.List;
        }

        return IndicatorKind.Text;
    }

    /// <summary>
    /// Only counts are broken down: a breakdown of a yes/no or a percentage cannot add up to a
    /// total, and those indicators mention people only to describe what a document covers.
    /// </summary>
    public static List<Disaggregation> InferDisaggregations(string text, IndicatorKind kind)
    {
        var result = new List<Disaggregation>();
        if (kind != IndicatorKind.Count)
        {
            return result;
        }

        var s = text.ToLowerInvariant();
        if (s.Contains("статтю") || MentionsGenderComponent(s) || MentionsWomenAndMen(s))
        {
            result.Add(Disaggregation.Sex);
        }

        if (s.Contains("віком"))
        {
            result.Add(Disaggregation.Age);
        }

        if (s.Contains("вразливості"))
        {
            result.Add(Disaggregation.VulnerabilityCategory);
        }

        if (s.Contains("проживання"))
        {
            result.Add(Disaggregation.PlaceOfResidence);
        }

        return result;
    }

    // "за гендерною складовою", "з урахуванням гендерної складової"; not "гендерного профілю".
    private static bool MentionsGenderComponent(string s) =>
        s.Contains("гендерною складовою") || s.Contains("гендерної складової");

    private static bool MentionsWomenAndMen(string s) =>
        s.Contains("жінок та чоловіків") || s.Contains("чоловіків та жінок")
        || s.Contains("жінок і чоловіків") || s.Contains("чоловіків і жінок");
}
