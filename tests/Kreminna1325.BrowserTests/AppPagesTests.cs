namespace Kreminna1325.BrowserTests;

/// <summary>The browser tests wait for a circuit by <see cref="AppPages"/>: it knows the app's static pages from the pages themselves.</summary>
public class AppPagesTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/plans/12")]
    [InlineData("/c/kreminna")]
    [InlineData("/open-data")]
    [InlineData("/account/login?ReturnUrl=%2Fmeasures")]
    [InlineData("/account/change-password")]
    [InlineData("/communities")]
    [InlineData("/admin/communities")]
    public void Pages_drawn_once_on_the_server_are_static(string path) => Assert.True(AppPages.IsStatic(path), path);

    [Theory]
    [InlineData("/plans/import")]
    [InlineData("/plans")]
    [InlineData("/plans/12/amendments")]
    [InlineData("/measures")]
    [InlineData("/reports?state=overdue")]
    [InlineData("/account/access-denied")]
    [InlineData("/no-such-page")]
    public void Pages_on_a_circuit_are_not(string path) => Assert.False(AppPages.IsStatic(path), path);
}
