using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Seed;

namespace Kreminna1325.Web.Accounts;

/// <summary>A demo account: who it is and the role it holds in its demo community.</summary>
public sealed record DemoAccount(string Email, string FullName, string Position, string Role);

/// <summary>
/// A community of the local demo: its row, its plan, the people working in it (one per community role) and the names
/// its demo reports mention, so a newcomer sees two communities of one oblast keep their data apart.
/// </summary>
public sealed record DemoCommunity(
    Func<Community> NewCommunity, Func<PlanDocument> Plan, IReadOnlyList<DemoAccount> Accounts, string OfficialBody, IReadOnlyList<string> Participants, int YearShift)
{
    /// <summary>A fresh row each time (the loader adds it to a context), so one is never shared by two databases.</summary>
    public Community Community => NewCommunity();

    public string Email(string role) => Accounts.First(a => a.Role == role).Email;
}

/// <summary>The demo's two communities of Luhansk oblast and the people who work across communities.</summary>
public static class DemoCommunities
{
    /// <summary>
    /// Whether the demo loads the second community (on unless set false): run.sh serves both; tests of one community
    /// start without it, so their lookups by measure number stay unambiguous.
    /// </summary>
    public const string SecondCommunityKey = "Demo:SecondCommunity";

    /// <summary>The body each community's demo official reports for (both plans have one by this name).</summary>
    public const string OfficialBody = "Центр гендерної рівності";

    public static readonly DemoAccount OblastCoordinator =
        new("oblast@kreminna.local", "Людмила Демо", "Відділ з питань гендерної рівності ОДА", Roles.OblastCoordinator);

    public static readonly DemoAccount SystemAdministrator =
        new("system@kreminna.local", "Системна Адміністраторка Демо", "Адміністратор екземпляра", Roles.SystemAdministrator);

    public static readonly DemoCommunity Kreminna = new(
        KnownCommunities.Kreminna,
        BuiltInPlan.Read,
        [
            new("admin@kreminna.local", "Адміністраторка Демо", "Адміністратор системи", Roles.Administrator),
            new("staff@kreminna.local", "Оксана Демо", "Секретар координаційної ради", Roles.CouncilStaff),
            new("official@kreminna.local", "Ірина Демо", "Фахівчиня Центру гендерної рівності", Roles.ResponsibleOfficial),
            new("executive@kreminna.local", "Петро Демо", "Заступник міського голови", Roles.Executive),
        ],
        OfficialBody,
        ["Кремінський ЦСССДМ", "Кремінська гімназія № 1", "ГО «Жіноча ініціатива»"],
        YearShift: 0);

    public static readonly DemoCommunity Rubizhne = new(
        KnownCommunities.Rubizhne,
        RubizhnePlan,
        [
            new("admin@rubizhne.local", "Андрій Демо", "Адміністратор системи", Roles.Administrator),
            new("staff@rubizhne.local", "Марія Демо", "Секретар координаційної ради", Roles.CouncilStaff),
            new("official@rubizhne.local", "Наталія Демо", "Фахівчиня Центру гендерної рівності", Roles.ResponsibleOfficial),
            new("executive@rubizhne.local", "Світлана Демо", "Заступниця міського голови", Roles.Executive),
        ],
        OfficialBody,
        ["Рубіжанський ЦСССДМ", "Рубіжанський ліцей № 2", "ГО «Рубіжанські жінки»"],
        YearShift: 1);

    public static readonly IReadOnlyList<DemoCommunity> All = [Kreminna, Rubizhne];

    /// <summary>Every demo account: the communities' people, the oblast coordinator and the system administrator.</summary>
    public static IReadOnlyList<DemoAccount> Accounts { get; } =
        [.. All.SelectMany(c => c.Accounts), OblastCoordinator, SystemAdministrator];

    /// <summary>
    /// Rubizhne's demo plan: the built-in plan's measures, bodies and funding, issued by Rubizhne's council a year later
    /// (2021–2023), so the two communities' figures, years and names differ wherever a screen could mix them up.
    /// </summary>
    public static PlanDocument RubizhnePlan()
    {
        var kreminna = BuiltInPlan.Read();
        var shift = Rubizhne.YearShift;
        static string Rename(string text) => text.Replace("Кремінськ", "Рубіжанськ", StringComparison.Ordinal)
            .Replace("Кременськ", "Рубіжанськ", StringComparison.Ordinal);
        return kreminna with
        {
            Municipality = "Рубіжанська міська рада",
            Title = "Міський план заходів щодо реалізації Національного плану дій з виконання резолюції Ради Безпеки ООН 1325 "
                + $"«Жінки, мир, безпека» на період {kreminna.StartYear + shift} – {kreminna.EndYear + shift} років",
            StartYear = kreminna.StartYear + shift,
            EndYear = kreminna.EndYear + shift,
            Bodies = [.. kreminna.Bodies.Select(b => b with { Name = Rename(b.Name), ShortName = Rename(b.ShortName), Aliases = [.. b.Aliases.Select(Rename).Distinct()] })],
            Directions = [.. kreminna.Directions.Select(d => d with
            {
                Measures = [.. d.Measures.Select(m => m with
                {
                    Content = Rename(m.Content),
                    Indicators = [.. m.Indicators.Select(Rename)],
                    ResponsiblePrinted = m.ResponsiblePrinted is null ? null : Rename(m.ResponsiblePrinted),
                    FundingLines = [.. m.FundingLines.Select(f => f with { Year = f.Year + shift })],
                })],
                PrintedTotals = [.. d.PrintedTotals.Select(t => t with { Year = t.Year + shift })],
            })],
            PrintedTotals = [.. kreminna.PrintedTotals.Select(t => t with { Year = t.Year + shift })],
        };
    }
}
