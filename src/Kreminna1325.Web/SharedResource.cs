namespace Kreminna1325.Web;

/// <summary>Anchor type for the app's strings in Resources/SharedResource*.resx (Ukrainian is the neutral language).</summary>
public sealed class SharedResource;
