using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace Kreminna1325.BrowserTests;

/// <summary>
/// Which of the app's addresses are drawn once on the server, without a circuit. Read from the pages themselves
/// (<see cref="ExcludeFromInteractiveRoutingAttribute"/> and their routes), so the tests keep no list of their own that
/// could drift from the app's: a test waits for a circuit exactly where there is one.
/// </summary>
public static class AppPages
{
    private static readonly string[][] StaticRoutes = typeof(Kreminna1325.Web.Components.App).Assembly.GetTypes()
        .Where(type => type.IsDefined(typeof(ExcludeFromInteractiveRoutingAttribute), inherit: false))
        .SelectMany(type => type.GetCustomAttributes<RouteAttribute>())
        .Select(route => Segments(route.Template))
        .ToArray();

    /// <summary>Whether the page at this address (query and all) is rendered statically.</summary>
    public static bool IsStatic(string path)
    {
        var segments = Segments(path.Split('?', '#')[0]);
        return StaticRoutes.Any(route => route.Length == segments.Length && route.Zip(segments).All(pair => Matches(pair.First, pair.Second)));
    }

    private static string[] Segments(string path) => path.Trim('/').Split('/');

    // The route forms the app's pages use: a literal, "{Name}" and "{Name:int}".
    private static bool Matches(string template, string segment) => template switch
    {
        ['{', .., '}'] when template.EndsWith(":int}", StringComparison.Ordinal) => int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        ['{', .., '}'] => segment.Length > 0,
        _ => string.Equals(template, segment, StringComparison.OrdinalIgnoreCase),
    };
}
