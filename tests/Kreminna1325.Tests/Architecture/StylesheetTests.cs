using System.Text.RegularExpressions;

namespace Kreminna1325.Tests.Architecture;

/// <summary>
/// A browser drops a stylesheet's rules silently from the first unclosed block on: a lost "}" after a merge
/// once nested the phone, worklist and focus-ring rules inside another block and nothing said so.
/// </summary>
public sealed partial class StylesheetTests
{
    [Fact]
    public void Every_block_of_app_css_is_closed_where_it_should_be()
    {
        var src = new DirectoryInfo(AppContext.BaseDirectory);
        while (!Directory.Exists(Path.Combine(src.FullName, "src", "Kreminna1325.Web")))
        {
            src = src.Parent ?? throw new DirectoryNotFoundException("src/Kreminna1325.Web not found above the test output");
        }

        var css = File.ReadAllText(Path.Combine(src.FullName, "src", "Kreminna1325.Web", "wwwroot", "app.css"));
        var code = Comments().Replace(css, "");
        var depth = 0;
        var problems = new List<string>();
        var line = 1;
        foreach (var ch in code)
        {
            if (ch == '\n')
            {
                line++;
            }
            else if (ch == '{')
            {
                depth++;
            }
            else if (ch == '}' && --depth < 0)
            {
                problems.Add($"line {line}: a '}}' closes nothing");
                depth = 0;
            }
        }

        Assert.Empty(problems);
        Assert.True(depth == 0, $"app.css ends with {depth} block(s) still open");
        // Only @media, @supports and @page may hold blocks: a selector inside a plain rule is a lost brace.
        Assert.DoesNotMatch(NestedRule(), code);
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();

    // A rule's body ({ without an at-rule before it) that itself opens a block before it closes.
    [GeneratedRegex(@"(?m)^[^@{}\n][^{}\n]*\{[^{}]*\{")]
    private static partial Regex NestedRule();
}
