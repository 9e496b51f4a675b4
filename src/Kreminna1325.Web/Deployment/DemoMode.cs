using System.Net;
using Npgsql;

namespace Kreminna1325.Web.Deployment;

/// <summary>
/// Demo data — one account per role with a published password, and reports marked as demo — exists
/// only in the throwaway cluster scripts/run.sh starts on this machine. run.sh sets <see cref="EnabledKey"/>
/// only for that cluster; the app refuses it for any database that is not on this machine, so a real
/// deployment cannot get a published password by a copied setting.
/// </summary>
public static class DemoMode
{
    public const string EnabledKey = "Demo:Enabled";

    public static bool IsOn(IConfiguration configuration) => configuration.GetValue<bool>(EnabledKey);

    public static void RefuseOutsideLocalDatabase(IConfiguration configuration)
    {
        if (!IsOn(configuration))
        {
            return;
        }

        var connectionString = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString) || !IsLocalDatabase(connectionString))
        {
            throw new InvalidOperationException(
                $"{EnabledKey} is on, but the database is not a local one (loopback address or Unix socket). Demo accounts with a "
                + "published password are made only in the cluster scripts/run.sh starts itself: switch it off and create the first "
                + "administrator with `create-admin`.");
        }
    }

    /// <summary>Every host of the connection string is this machine: localhost, a loopback address or a socket directory.</summary>
    public static bool IsLocalDatabase(string connectionString)
    {
        var hosts = new NpgsqlConnectionStringBuilder(connectionString).Host;
        return !string.IsNullOrWhiteSpace(hosts)
            && hosts.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).All(IsLocalHost);
    }

    private static bool IsLocalHost(string host)
    {
        // A Unix socket directory (or an abstract socket) is on this machine by definition.
        if (host.StartsWith('/') || host.StartsWith('@'))
        {
            return true;
        }

        // Npgsql's multi-host syntax allows host:port; an IPv6 literal may come bare or in brackets.
        var name = IPAddress.TryParse(host, out _) ? host
            : host.StartsWith('[') && host.Contains(']') ? host[1..host.IndexOf(']')]
            : host.Split(':')[0];
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address));
    }
}
