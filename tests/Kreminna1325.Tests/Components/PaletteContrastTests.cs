using Kreminna1325.Web.Components.Layout;
using MudBlazor;
using MudBlazor.Utilities;

namespace Kreminna1325.Tests.Components;

/// <summary>
/// WCAG 2.1 AA asks 4.5:1 for text. Every colour pair the app's palette puts text in — a status
/// colour on the page, its contrast text on it, MudBlazor's alert and chip shades — is computed here
/// with WCAG's relative luminance, so the palette (Components/Layout/AppTheme.cs) is the one home of
/// the rule and a new colour that breaks it fails before any browser opens.
/// </summary>
public class PaletteContrastTests
{
    private const double Minimum = 4.5;

    // MudBlazor's alerts and text chips sit on the colour at this opacity; selected chips at 12 %.
    private const double HoverOpacity = 0.06;
    private const double SelectedOpacity = 0.12;

    public static TheoryData<string> Themes() => new() { "light", "dark" };

    [Theory]
    [MemberData(nameof(Themes))]
    public void Every_text_colour_of_the_palette_has_4_5_to_1_against_what_it_is_written_on(string theme)
    {
        Palette p = theme == "light" ? AppTheme.Light : AppTheme.Dark;
        var failures = new List<string>();
        void Check(string what, MudColor text, MudColor background)
        {
            var ratio = Contrast.Ratio(text, background);
            if (ratio < Minimum)
            {
                failures.Add($"{what}: {ratio:0.00}:1 ({text.ToString(MudColorOutputFormats.Hex)} on {background.ToString(MudColorOutputFormats.Hex)})");
            }
        }

        var pages = new (string Name, MudColor Colour)[] { ("Background", p.Background), ("Surface", p.Surface), ("BackgroundGray", p.BackgroundGray) };
        foreach (var (name, page) in pages)
        {
            Check($"TextPrimary on {name}", Contrast.Over(p.TextPrimary, page), page);
            Check($"TextSecondary on {name}", Contrast.Over(p.TextSecondary, page), page);
        }

        Check("AppbarText on AppbarBackground", p.AppbarText, p.AppbarBackground);
        Check("DrawerText on DrawerBackground", Contrast.Over(p.DrawerText, p.DrawerBackground), p.DrawerBackground);
        Check("Primary (the current menu item) on DrawerBackground", p.Primary, Contrast.Over(p.Primary.SetAlpha(SelectedOpacity), p.DrawerBackground));

        foreach (var (name, colour, contrastText, darken) in StatusColours(p))
        {
            foreach (var (pageName, page) in pages.Take(2))
            {
                Check($"{name} (text, outlined button, chip) on {pageName}", colour, page);
                Check($"{name}Darken (alert text) on {name} at {HoverOpacity:P0} over {pageName}", darken, Contrast.Over(colour.SetAlpha(HoverOpacity), page));
                Check($"{name} (selected chip) on {name} at {SelectedOpacity:P0} over {pageName}", colour, Contrast.Over(colour.SetAlpha(SelectedOpacity), page));
            }

            Check($"{name}ContrastText on {name} (filled button, chip, alert)", contrastText, colour);
            Check($"{name}ContrastText on {name}Darken (hovered or focused fill)", contrastText, darken);
        }

        Assert.True(failures.Count == 0, $"The {theme} palette is below {Minimum}:1 for:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void The_contrast_ratio_is_WCAGs()
    {
        // WCAG's own end points and a well-known pair: black on white is 21:1, #767676 on white just passes.
        Assert.Equal(21.0, Contrast.Ratio(new MudColor("#000000"), new MudColor("#ffffff")), 2);
        Assert.Equal(1.0, Contrast.Ratio(new MudColor("#1f4e79"), new MudColor("#1f4e79")), 2);
        Assert.Equal(4.54, Contrast.Ratio(new MudColor("#767676"), new MudColor("#ffffff")), 2);
        // MudBlazor's default warning, white on orange, the 2.2:1 (2.155…, which axe cuts to 2.15).
        Assert.Equal(2.16, Contrast.Ratio(new MudColor("#ffffff"), new MudColor("#ff9800")), 2);
    }

    private static IEnumerable<(string Name, MudColor Colour, MudColor ContrastText, MudColor Darken)> StatusColours(Palette p) =>
    [
        ("Primary", p.Primary, p.PrimaryContrastText, new MudColor(p.PrimaryDarken)),
        ("Secondary", p.Secondary, p.SecondaryContrastText, new MudColor(p.SecondaryDarken)),
        ("Tertiary", p.Tertiary, p.TertiaryContrastText, new MudColor(p.TertiaryDarken)),
        ("Info", p.Info, p.InfoContrastText, new MudColor(p.InfoDarken)),
        ("Success", p.Success, p.SuccessContrastText, new MudColor(p.SuccessDarken)),
        ("Warning", p.Warning, p.WarningContrastText, new MudColor(p.WarningDarken)),
        ("Error", p.Error, p.ErrorContrastText, new MudColor(p.ErrorDarken)),
        ("Dark", p.Dark, p.DarkContrastText, new MudColor(p.DarkDarken)),
    ];

    /// <summary>WCAG 2.1's relative luminance and contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio).</summary>
    private static class Contrast
    {
        public static double Ratio(MudColor a, MudColor b)
        {
            var (la, lb) = (Luminance(a), Luminance(b));
            return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
        }

        /// <summary>A colour with transparency as it shows over an opaque background.</summary>
        public static MudColor Over(MudColor colour, MudColor background)
        {
            var alpha = colour.A / 255.0;
            byte Mix(byte front, byte back) => (byte)Math.Round((front * alpha) + (back * (1 - alpha)));
            return new MudColor(Mix(colour.R, background.R), Mix(colour.G, background.G), Mix(colour.B, background.B), (byte)255);
        }

        private static double Luminance(MudColor c) => (0.2126 * Channel(c.R)) + (0.7152 * Channel(c.G)) + (0.0722 * Channel(c.B));

        private static double Channel(byte value)
        {
            var v = value / 255.0;
            return v <= 0.03928 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
        }
    }
}
