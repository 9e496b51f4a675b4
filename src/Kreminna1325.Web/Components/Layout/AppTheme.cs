using MudBlazor;
using MudBlazor.Utilities;

namespace Kreminna1325.Web.Components.Layout;

/// <summary>
/// The app's look. Every colour here is chosen for WCAG 2.1 AA (4.5:1 for text): each status colour
/// against the backgrounds it is written on, its contrast text on it, and the shades MudBlazor derives
/// for alert texts and hovered fills (tests/Kreminna1325.Tests/Components/PaletteContrastTests checks every pair).
/// Components and app.css take colours only from here, through var(--mud-palette-…).
/// </summary>
public static class AppTheme
{
    // System fonts only: the app must not fetch fonts from other origins.
    private static readonly string[] Fonts = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "Arial", "sans-serif"];

    public static readonly PaletteLight Light = new()
    {
        Primary = "#1f4e79",
        Secondary = "#8a3b12",
        Tertiary = "#5b3f8c",
        Info = "#0b5796",
        Success = "#1b6b2f",
        Warning = "#8a4f00",
        Error = "#b3261e",
        Dark = "#2b2f36",
        TextPrimary = "#1f2328",
        TextSecondary = "#4a5560",
        Background = "#ffffff",
        Surface = "#ffffff",
        BackgroundGray = "#f2f4f7",
        DrawerBackground = "#ffffff",
        DrawerText = "#1f2328",
        DrawerIcon = "#4a5560",
        AppbarBackground = "#1f4e79",
        AppbarText = "#ffffff",
        ActionDefault = "#4a5560",
    };

    public static readonly PaletteDark Dark = DarkPalette();

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = Light,
        PaletteDark = Dark,
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts },
        },
    };

    private static PaletteDark DarkPalette()
    {
        // Light status colours with dark text on them, on near-black backgrounds.
        const string OnColour = "#10161d";
        var palette = new PaletteDark
        {
            Primary = "#8ab4e8",
            PrimaryContrastText = OnColour,
            Secondary = "#f0a477",
            SecondaryContrastText = OnColour,
            Tertiary = "#c9b3f5",
            TertiaryContrastText = OnColour,
            Info = "#7cc0ff",
            InfoContrastText = OnColour,
            Success = "#7fd18b",
            SuccessContrastText = OnColour,
            Warning = "#f5c062",
            WarningContrastText = OnColour,
            Error = "#ff8a80",
            ErrorContrastText = OnColour,
            Dark = "#c4c9d0",
            DarkContrastText = OnColour,
            TextPrimary = "#e8eaed",
            TextSecondary = "#b8bfc8",
            ActionDefault = "#c4c9d0",
            Background = "#16181d",
            Surface = "#1f2229",
            BackgroundGray = "#262a31",
            DrawerBackground = "#1b1e24",
            DrawerText = "#e8eaed",
            DrawerIcon = "#b8bfc8",
            AppbarBackground = "#15324d",
            AppbarText = "#ffffff",
            LinesDefault = "rgba(255,255,255,0.24)",
            LinesInputs = "rgba(255,255,255,0.5)",
            TableLines = "rgba(255,255,255,0.24)",
            Divider = "rgba(255,255,255,0.24)",
        };

        // MudBlazor writes alert texts and hovered fills in the "darken" shade, which on a dark
        // background would be darker than the colour itself: here it is a lighter tint instead.
        palette.PrimaryDarken = Tint(palette.Primary);
        palette.SecondaryDarken = Tint(palette.Secondary);
        palette.TertiaryDarken = Tint(palette.Tertiary);
        palette.InfoDarken = Tint(palette.Info);
        palette.SuccessDarken = Tint(palette.Success);
        palette.WarningDarken = Tint(palette.Warning);
        palette.ErrorDarken = Tint(palette.Error);
        palette.DarkDarken = Tint(palette.Dark);
        return palette;
    }

    /// <summary>The colour 35 % of the way to white.</summary>
    private static string Tint(MudColor colour) =>
        new MudColor(
            (byte)Math.Round(colour.R + ((255 - colour.R) * 0.35)),
            (byte)Math.Round(colour.G + ((255 - colour.G) * 0.35)),
            (byte)Math.Round(colour.B + ((255 - colour.B) * 0.35)),
            colour.A).ToString(MudColorOutputFormats.RGB);
}
