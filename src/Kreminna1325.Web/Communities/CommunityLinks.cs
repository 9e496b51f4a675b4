namespace Kreminna1325.Web.Communities;

/// <summary>Where a community's public page is: <c>/c/{slug}</c>.</summary>
public static class CommunityLinks
{
    public static string Page(string slug) => "/c/" + Uri.EscapeDataString(slug);
}
