using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Kreminna1325.Core.Exchange;

/// <summary>The workbook's few cell styles: the council's table is bordered, its headings shaded, amounts in <see cref="PlanSheet.AmountFormat"/>.</summary>
internal static class PlanXlsxStyles
{
    public const uint Title = 1, Heading = 2, HeadingAcross = 3, Text = 4, BoldText = 5, Amount = 6, BoldAmount = 7, Number = 8, Plain = 9, PlainBold = 10;

    private const uint AmountFormatId = 164;

    /// <summary>The styles whose text wraps inside its column.</summary>
    public static bool Wraps(uint style) => style is Heading or Text or BoldText or Plain or PlainBold;

    public static void Add(WorkbookPart workbook)
    {
        var part = workbook.AddNewPart<WorkbookStylesPart>();
        part.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = AmountFormatId, FormatCode = PlanSheet.AmountFormat }) { Count = 1 },
            new Fonts(Font(10, bold: false), Font(10, bold: true), Font(12, bold: true), Font(8, bold: true)) { Count = 4 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7E6E6" }) { PatternType = PatternValues.Solid })) { Count = 3 },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(
                    new LeftBorder { Style = BorderStyleValues.Thin },
                    new RightBorder { Style = BorderStyleValues.Thin },
                    new TopBorder { Style = BorderStyleValues.Thin },
                    new BottomBorder { Style = BorderStyleValues.Thin },
                    new DiagonalBorder())) { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                Format(font: 2, fill: 0, border: 0, numberFormat: 0, HorizontalAlignmentValues.Left, wrap: false),
                Format(font: 1, fill: 2, border: 1, numberFormat: 0, HorizontalAlignmentValues.Center, wrap: true),
                // Centred across the year columns, which cannot wrap it, so in a smaller type to fit over them.
                Format(font: 3, fill: 2, border: 1, numberFormat: 0, HorizontalAlignmentValues.CenterContinuous, wrap: false),
                Format(font: 0, fill: 0, border: 1, numberFormat: 0, HorizontalAlignmentValues.Left, wrap: true),
                Format(font: 1, fill: 0, border: 1, numberFormat: 0, HorizontalAlignmentValues.Left, wrap: true),
                Format(font: 0, fill: 0, border: 1, numberFormat: AmountFormatId, HorizontalAlignmentValues.Right, wrap: false),
                Format(font: 1, fill: 0, border: 1, numberFormat: AmountFormatId, HorizontalAlignmentValues.Right, wrap: false),
                Format(font: 0, fill: 0, border: 1, numberFormat: 0, HorizontalAlignmentValues.Center, wrap: false),
                Format(font: 0, fill: 0, border: 0, numberFormat: 0, HorizontalAlignmentValues.Left, wrap: true),
                Format(font: 1, fill: 0, border: 0, numberFormat: 0, HorizontalAlignmentValues.Left, wrap: true)) { Count = 11 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
        part.Stylesheet.Save();
    }

    /// <summary>Arial, because every spreadsheet has it or a font of its very widths, so rows sized here fit their text everywhere.</summary>
    private static Font Font(double size, bool bold)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = size }, new FontName { Val = "Arial" }, new FontFamilyNumbering { Val = 2 });
        return font;
    }

    private static CellFormat Format(uint font, uint fill, uint border, uint numberFormat, HorizontalAlignmentValues horizontal, bool wrap) =>
        new(new Alignment { Horizontal = horizontal, Vertical = VerticalAlignmentValues.Top, WrapText = wrap ? true : null })
        {
            FontId = font, FillId = fill, BorderId = border, NumberFormatId = numberFormat, FormatId = 0,
            ApplyFont = font != 0 ? true : null, ApplyFill = fill != 0 ? true : null, ApplyBorder = border != 0 ? true : null,
            ApplyNumberFormat = numberFormat != 0 ? true : null, ApplyAlignment = true,
        };
}
