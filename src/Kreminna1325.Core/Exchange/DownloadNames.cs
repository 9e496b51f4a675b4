using System.Globalization;
using System.Text.RegularExpressions;
using Kreminna1325.Core.Plans;
using Microsoft.Extensions.Configuration;

namespace Kreminna1325.Core.Exchange;

/// <summary>
/// The one rule for naming what people download: the community's short name, what the file is, and its years
/// (<c>kreminna-plan-2020-2022.docx</c>, <c>kreminna-annual-report-2021.docx</c>), in Latin letters, digits and
/// hyphens, so the name survives e-mail, every file system and the national open-data portal.
/// </summary>
/// <remarks>
/// The community's short name comes from the setting <c>Community:ShortName</c> ("kreminna" when unset; Ukrainian is
/// written in Latin letters by the official table): an
/// instance serves one community today. When communities become records of their own, their short public
/// name takes this setting's place and nothing else changes.
/// </remarks>
public sealed partial class DownloadNames
{
    public const string DefaultCommunity = "kreminna";

    public DownloadNames(string? community)
    {
        var cleaned = Unsafe().Replace(Latin((community ?? "").Trim().ToLowerInvariant()), "-").Trim('-');
        Community = cleaned.Length == 0 ? DefaultCommunity : cleaned;
    }

    /// <summary>
    /// Ukrainian in Latin letters by the official table (Cabinet of Ministers resolution No. 55 of 27.01.2010), so
    /// «Кремінна» is "kreminna" and «Щастя» "shchastia": є, ї, й, ю, я begin a word as ye, yi, y, yu, ya; «зг» is "zgh".
    /// </summary>
    public static string Latin(string text)
    {
        var latin = new System.Text.StringBuilder(text.Length * 2);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var first = i == 0 || !char.IsLetter(text[i - 1]) && text[i - 1] is not ('\'' or '’' or 'ʼ');
            latin.Append(c switch
            {
                'г' when i > 0 && text[i - 1] == 'з' => "gh",
                'є' => first ? "ye" : "ie",
                'ї' => first ? "yi" : "i",
                'й' => first ? "y" : "i",
                'ю' => first ? "yu" : "iu",
                'я' => first ? "ya" : "ia",
                _ => Letters.TryGetValue(c, out var l) ? l : c.ToString(),
            });
        }

        return latin.ToString();
    }

    private static readonly Dictionary<char, string> Letters = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "h", ['ґ'] = "g", ['д'] = "d", ['е'] = "e", ['ж'] = "zh", ['з'] = "z",
        ['и'] = "y", ['і'] = "i", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o", ['п'] = "p", ['р'] = "r",
        ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch",
        ['ь'] = "", ['\''] = "", ['’'] = "", ['ʼ'] = "",
    };

    public string Community { get; }

    public static DownloadNames From(IConfiguration? configuration) => new(configuration?["Community:ShortName"]);

    public string Plan(PlanView plan, string extension) => Name($"plan-{Years(plan)}", extension);

    public string AnnualReport(int year, string extension = "docx") =>
        Name(string.Create(CultureInfo.InvariantCulture, $"annual-report-{year}"), extension);

    /// <summary>The whole open-data package, or one dataset of it when <paramref name="dataset"/> is given.</summary>
    public string OpenData(PlanView plan, string? dataset, string extension) =>
        Name(dataset is null ? $"open-data-{Years(plan)}" : $"open-data-{Years(plan)}-{dataset}", extension);

    public string Template(string extension) => Name("plan-template", extension);

    private string Name(string what, string extension) => $"{Community}-{what}.{extension}";

    private static string Years(PlanView plan) => string.Create(CultureInfo.InvariantCulture, $"{plan.StartYear}-{plan.EndYear}");

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex Unsafe();
}
