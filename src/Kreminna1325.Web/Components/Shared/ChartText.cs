using System.Net;

namespace Kreminna1325.Web.Components.Shared;

/// <summary>
/// MudChart (9.x) writes its axis labels into the SVG as raw markup, so a label holding a person's
/// text — a body's short name — would become elements there. Every label goes through here first:
/// encoded once, the browser decodes the entities and shows the text itself.
/// </summary>
public static class ChartText
{
    public static string[] Labels(IEnumerable<string> labels) => labels.Select(WebUtility.HtmlEncode).ToArray()!;
}
