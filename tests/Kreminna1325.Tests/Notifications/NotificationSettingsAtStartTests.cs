using Kreminna1325.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Kreminna1325.Tests.Notifications;

/// <summary>A wrong public address or mail port stops the app at start with the setting's name, instead of broken e-mails.</summary>
public class NotificationSettingsAtStartTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Theory]
    [InlineData("Notifications:PublicBaseUrl", "1325.kreminna.gov.ua", "Notifications:PublicBaseUrl")]
    [InlineData("Notifications:PublicBaseUrl", "javascript:alert(1)", "Notifications:PublicBaseUrl")]
    [InlineData("Notifications:PublicBaseUrl", "https://1325.kreminna.gov.ua/?next=x", "Notifications:PublicBaseUrl")]
    [InlineData("Mail:Port", "70000", "Mail:Port")]
    public void The_app_refuses_to_start_with_a_wrong_setting_and_names_it(string key, string value, string named)
    {
        using var factory = new KreminnaWebFactory(db.ConnectionString, localMode: false, settings: new Dictionary<string, string?> { [key] = value });
        var refused = Assert.ThrowsAny<Exception>(() => factory.NewClient());
        var validation = Assert.IsType<OptionsValidationException>(Unwrap(refused));
        Assert.Contains(validation.Failures, f => f.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void The_app_starts_with_a_public_address_with_a_path()
    {
        using var factory = new KreminnaWebFactory(db.ConnectionString, localMode: false,
            settings: new Dictionary<string, string?> { ["Notifications:PublicBaseUrl"] = "https://oblast.example.gov.ua/kreminna/" });
        using var client = factory.NewClient();
        Assert.NotNull(client.BaseAddress);
    }

    private static Exception Unwrap(Exception e) => e is AggregateException { InnerExceptions.Count: 1 } a ? Unwrap(a.InnerExceptions[0]) : e;
}
