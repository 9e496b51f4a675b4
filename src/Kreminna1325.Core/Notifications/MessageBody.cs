using System.Net;
using System.Text;

namespace Kreminna1325.Core.Notifications;

/// <summary>
/// A message written once and rendered twice: as plain text and as simple HTML, every typed text encoded,
/// every link absolute, nothing fetched from elsewhere (no images, no tracking).
/// </summary>
public sealed class MessageBody
{
    private readonly List<Block> blocks = [];

    public MessageBody Paragraph(string text) => Add(new Block(BlockKind.Paragraph, text, null, []));

    /// <summary>Someone's own words (a reviewer's comment, a reason): set apart from the app's.</summary>
    public MessageBody Quote(string text) => Add(new Block(BlockKind.Quote, text, null, []));

    public MessageBody Heading(string text) => Add(new Block(BlockKind.Heading, text, null, []));

    /// <summary>Items, each linking to its app-relative path when it has one.</summary>
    public MessageBody List(IEnumerable<(string Text, string? Path)> items) => Add(new Block(BlockKind.List, "", null, [.. items]));

    public MessageBody Link(string label, string path) => Add(new Block(BlockKind.Link, label, path, []));

    public (string Text, string Html) Render(NotificationOptions options, string community)
    {
        var text = new StringBuilder();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>")
            .Append("<body style=\"font-family:Arial,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a\">");
        text.Append(community).Append("\n\n");
        html.Append("<p style=\"color:#555\">").Append(Encode(community)).Append("</p>");
        foreach (var block in blocks)
        {
            switch (block.Kind)
            {
                case BlockKind.Heading:
                    text.Append(block.Text).Append('\n').Append(new string('-', Math.Min(block.Text.Length, 60))).Append("\n\n");
                    html.Append("<h2 style=\"font-size:17px\">").Append(Encode(block.Text)).Append("</h2>");
                    break;
                case BlockKind.Paragraph:
                    text.Append(block.Text).Append("\n\n");
                    html.Append("<p>").Append(Encode(block.Text)).Append("</p>");
                    break;
                case BlockKind.Quote:
                    foreach (var line in block.Text.ReplaceLineEndings("\n").Split('\n'))
                    {
                        text.Append("> ").Append(line).Append('\n');
                    }

                    text.Append('\n');
                    html.Append("<blockquote style=\"margin:0 0 1em;padding:0 1em;border-left:3px solid #888;white-space:pre-wrap\">")
                        .Append(Encode(block.Text)).Append("</blockquote>");
                    break;
                case BlockKind.List:
                    html.Append("<ul>");
                    foreach (var (item, path) in block.Items)
                    {
                        text.Append("- ").Append(item);
                        html.Append("<li>");
                        if (path is null)
                        {
                            html.Append(Encode(item));
                        }
                        else
                        {
                            text.Append(": ").Append(options.Absolute(path));
                            html.Append(Anchor(options.Absolute(path), item));
                        }

                        text.Append('\n');
                        html.Append("</li>");
                    }

                    text.Append('\n');
                    html.Append("</ul>");
                    break;
                case BlockKind.Link:
                    text.Append(block.Text).Append(": ").Append(options.Absolute(block.Path!)).Append("\n\n");
                    html.Append("<p>").Append(Anchor(options.Absolute(block.Path!), block.Text)).Append("</p>");
                    break;
            }
        }

        var preferences = options.Absolute(NotificationPaths.Preferences);
        var footer = Messages.Get("Notify.Footer", community);
        text.Append("--\n").Append(footer).Append('\n').Append(Messages.Get("Notify.Preferences")).Append(": ").Append(preferences).Append('\n');
        html.Append("<hr><p style=\"color:#555;font-size:13px\">").Append(Encode(footer)).Append("<br>")
            .Append(Anchor(preferences, Messages.Get("Notify.Preferences"))).Append("</p></body></html>");
        return (text.ToString(), html.ToString());
    }

    private MessageBody Add(Block block)
    {
        blocks.Add(block);
        return this;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Anchor(string href, string label) => $"<a href=\"{Encode(href)}\">{Encode(label)}</a>";

    private enum BlockKind
    {
        Heading,
        Paragraph,
        Quote,
        List,
        Link,
    }

    private sealed record Block(BlockKind Kind, string Text, string? Path, IReadOnlyList<(string Text, string? Path)> Items);
}

/// <summary>The app-relative addresses notifications link to, written once for the e-mails, the bell and the pages.</summary>
public static class NotificationPaths
{
    public const string Preferences = "/account/notifications";

    public static string Report(int periodId) => $"/reports/{periodId}";

    /// <summary>An official's worklist: where a reminder of several periods leads in the bell.</summary>
    public const string MyReports = "/my-reports";

    /// <summary>
    /// A path opened in a community (and plan): through the switcher's address, which makes it the person's current one
    /// first — a message of one community must not open in whichever community the person last worked in.
    /// </summary>
    public static string InCommunity(int communityId, string path, int? planId = null)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var plan = planId is { } id ? "&plan=" + id.ToString(invariant) : "";
        return "/preferences?community=" + communityId.ToString(invariant) + plan + "&returnUrl=" + Uri.EscapeDataString(path);
    }
}
