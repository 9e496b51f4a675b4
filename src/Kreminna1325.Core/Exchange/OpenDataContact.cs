using Microsoft.Extensions.Configuration;

namespace Kreminna1325.Core.Exchange;

/// <summary>
/// Who answers questions about the open data (the passport's contact, resolution No. 835): the council's
/// person in charge, from the settings <c>OpenData:ContactName</c> and <c>OpenData:ContactEmail</c>.
/// The plan itself does not name one, so without the settings the contact is the publishing council.
/// </summary>
public sealed record OpenDataContact(string? Name, string? Email)
{
    public static OpenDataContact From(IConfiguration? configuration) => new(
        Blank(configuration?["OpenData:ContactName"]), Blank(configuration?["OpenData:ContactEmail"]));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
