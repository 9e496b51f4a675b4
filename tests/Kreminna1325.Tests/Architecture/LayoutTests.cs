namespace Kreminna1325.Tests.Architecture;

/// <summary>The rooms the README describes: Web mirrors Core's features, and no code file grows past what a person reads at once.</summary>
public sealed class LayoutTests
{
    private const int MaxLines = 300;

    private static readonly DirectoryInfo Src = FindSrc();

    [Fact]
    public void Every_Core_feature_has_a_Web_folder_of_the_same_name()
    {
        // Data, Seed, Validation and Resources are plumbing, not features people use.
        string[] plumbing = ["Data", "Seed", "Validation", "Resources", "bin", "obj"];
        var core = Src.GetDirectories("Kreminna1325.Core")[0].GetDirectories().Select(d => d.Name).Except(plumbing).ToList();
        var web = Src.GetDirectories("Kreminna1325.Web")[0].GetDirectories().Select(d => d.Name).ToHashSet();

        var withoutWeb = core.Where(feature => !web.Contains(feature)).ToList();

        Assert.Contains("Monitoring", core);
        Assert.Empty(withoutWeb);
    }

    [Fact]
    public void Pages_live_in_their_feature_and_Components_keeps_only_the_shell()
    {
        var web = Src.GetDirectories("Kreminna1325.Web")[0];
        var pages = web.GetDirectories("Components")[0].GetDirectories("Pages")[0];
        var left = pages.EnumerateFileSystemInfos().Select(f => f.Name).Order().ToList();

        Assert.Equal(["Error.razor", "NotFound.razor"], left);
        Assert.True(Directory.Exists(Path.Combine(web.FullName, "Plans", "Editing")), "Core's Plans/Editing has no Web counterpart");
    }

    [Fact]
    public void No_code_file_outside_generated_migrations_is_over_300_lines()
    {
        var tooLong = Src.EnumerateFiles("*.*", SearchOption.AllDirectories)
            .Where(f => f.Extension is ".cs" or ".razor")
            .Where(f => !f.FullName.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "Migrations" or "KeysMigrations"))
            .Select(f => (File: Path.GetRelativePath(Src.FullName, f.FullName), Lines: File.ReadLines(f.FullName).Count()))
            .Where(f => f.Lines > MaxLines)
            .ToList();

        Assert.Empty(tooLong);
    }

    private static DirectoryInfo FindSrc()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kreminna1325.sln")))
            {
                return new DirectoryInfo(Path.Combine(dir.FullName, "src"));
            }
        }

        throw new InvalidOperationException("The repository root (Kreminna1325.sln) is not above the test's folder.");
    }
}
