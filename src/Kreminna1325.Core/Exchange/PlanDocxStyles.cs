using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Kreminna1325.Core.Exchange;

/// <summary>The look of the Word plan: Times New Roman as council documents are typed, and a bulleted list for indicators.</summary>
internal static class PlanDocxStyles
{
    private const int BulletList = 1;

    /// <summary>How deep a document's headings go: a part, a section of it, an item of that.</summary>
    public const int HeadingLevels = 3;

    /// <summary>The style of a heading of this level (1 to <see cref="HeadingLevels"/>).</summary>
    public static string HeadingStyle(int level) => $"Heading{level}";

    public static void Add(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" },
                    new FontSize { Val = "20" },
                    new Languages { Val = "uk-UA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))));
        // Word's own heading styles, so a long document's headings show in the navigation pane and a screen reader can jump between them.
        styles.Styles.Append(Enumerable.Range(1, HeadingLevels).Select(level => new Style(
            new StyleName { Val = $"heading {level}" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = level - 1 }))
        {
            Type = StyleValues.Paragraph, StyleId = HeadingStyle(level),
        }));
        styles.Styles.Save();

        var numbering = main.AddNewPart<NumberingDefinitionsPart>();
        numbering.Numbering = new Numbering(
            new AbstractNum(
                new Level(
                    new NumberingFormat { Val = NumberFormatValues.Bullet },
                    new LevelText { Val = "–" },
                    new LevelJustification { Val = LevelJustificationValues.Left },
                    new PreviousParagraphProperties(new Indentation { Left = "227", Hanging = "227" }))
                { LevelIndex = 0 })
            { AbstractNumberId = BulletList },
            new NumberingInstance(new AbstractNumId { Val = BulletList }) { NumberID = BulletList });
        numbering.Numbering.Save();
    }

    public static Paragraph ListItem(string value)
    {
        var paragraph = new Paragraph(new ParagraphProperties(
            new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletList })));
        paragraph.Append(Runs(value, bold: false, size: null));
        return paragraph;
    }

    /// <summary>
    /// Typed text as text: line breaks become Word's, and characters XML cannot carry (control characters
    /// pasted from elsewhere) are dropped, so no plan text can make the document unreadable.
    /// </summary>
    public static IEnumerable<Run> Runs(string value, bool bold, int? size)
    {
        var lines = XmlText.Clean(value).Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var run = new Run();
            if (bold || size is not null)
            {
                var properties = new RunProperties();
                if (bold)
                {
                    properties.Append(new Bold());
                }

                if (size is { } s)
                {
                    properties.Append(new FontSize { Val = s.ToString() });
                }

                run.Append(properties);
            }

            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve });
            yield return run;
        }
    }
}
