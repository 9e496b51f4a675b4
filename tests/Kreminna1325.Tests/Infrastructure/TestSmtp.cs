using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using MimeKit;

namespace Kreminna1325.Tests.Infrastructure;

/// <summary>
/// The SMTP server the tests deliver to, smtp4dev: KREMINNA_TEST_SMTP (host:port) and KREMINNA_TEST_SMTP_API (its web
/// address), set by scripts/test.sh, first; else it is started here from the repository's tool manifest on free
/// loopback ports and stopped when the test process exits. Tests share it, so each sends to addresses of its own
/// (<see cref="NewAddress"/>) and reads only those.
/// </summary>
public static class TestSmtp
{
    /// <summary>The server refuses every recipient in this domain with 550 (scripts/test.sh configures it so too).</summary>
    public const string RefusedDomain = "refused.invalid";

    /// <summary>smtp4dev's recipient rule: a JavaScript expression, true = accepted.</summary>
    public const string RecipientRule = "!recipient.endsWith(\"@" + RefusedDomain + "\")";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private static (string Host, int Port, Uri Api)? server;
    private static Process? process;

    public static string NewAddress(string who = "person") => $"{who}-{Guid.NewGuid():N}@example.org";

    public static async Task<(string Host, int Port)> GetServerAsync()
    {
        var (host, port, _) = await EnsureStartedAsync();
        return (host, port);
    }

    /// <summary>The messages delivered to an address, oldest first (smtp4dev's list: id, to, subject).</summary>
    public static async Task<IReadOnlyList<SmtpMessage>> MessagesToAsync(string address)
    {
        var (_, _, api) = await EnsureStartedAsync();
        var found = new List<SmtpMessage>();
        for (var page = 1; ; page++)
        {
            var list = await Http.GetFromJsonAsync<MessageList>(new Uri(api, $"api/messages?pageSize=500&page={page}"))
                ?? throw new InvalidOperationException("smtp4dev answered no message list.");
            found.AddRange(list.Results.Where(m => m.To.Any(to => string.Equals(to, address, StringComparison.OrdinalIgnoreCase))));
            if (page >= list.PageCount)
            {
                break;
            }
        }

        return found.OrderBy(m => m.ReceivedDate).ToList();
    }

    /// <summary>One message as it was received, parsed by MimeKit.</summary>
    public static async Task<MimeMessage> LoadAsync(SmtpMessage message)
    {
        var (_, _, api) = await EnsureStartedAsync();
        await using var raw = await Http.GetStreamAsync(new Uri(api, $"api/messages/{message.Id}/raw"));
        using var copy = new MemoryStream();
        await raw.CopyToAsync(copy);
        copy.Position = 0;
        return await MimeMessage.LoadAsync(copy);
    }

    /// <summary>Waits until <paramref name="count"/> messages reached the address and returns them; fails after the timeout.</summary>
    public static async Task<IReadOnlyList<SmtpMessage>> WaitForAsync(string address, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var messages = await MessagesToAsync(address);
            if (messages.Count >= count)
            {
                return messages;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{messages.Count} of {count} message(s) to {address} arrived in smtp4dev in time.");
            }

            await Task.Delay(200);
        }
    }

    private static async Task<(string Host, int Port, Uri Api)> EnsureStartedAsync()
    {
        if (server is { } known)
        {
            return known;
        }

        await Gate.WaitAsync();
        try
        {
            server ??= FromEnvironment() ?? await StartAsync();
            return server.Value;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static (string, int, Uri)? FromEnvironment()
    {
        var smtp = Environment.GetEnvironmentVariable("KREMINNA_TEST_SMTP");
        var api = Environment.GetEnvironmentVariable("KREMINNA_TEST_SMTP_API");
        if (string.IsNullOrEmpty(smtp) || string.IsNullOrEmpty(api))
        {
            return null;
        }

        var colon = smtp.LastIndexOf(':');
        return (smtp[..colon], int.Parse(smtp[(colon + 1)..]), new Uri(api.TrimEnd('/') + "/"));
    }

    private static async Task<(string, int, Uri)> StartAsync()
    {
        var root = RepositoryRoot();
        var appData = Directory.CreateTempSubdirectory("kreminna-test-smtp4dev-");
        int smtpPort = FreePort(), webPort = FreePort();
        var api = new Uri($"http://127.0.0.1:{webPort}/");

        await RunAsync(root, "tool restore");
        // A guard shell owns smtp4dev's process group and ends it, with its data folder, within a second of this test
        // process being gone, however it ended (a test host is often killed rather than left to run exit handlers).
        // setsid: the guard is out of the test host's process group, which the test runner may kill whole.
        var start = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = root,
            ArgumentList =
            {
                "bash", "-c",
                "set -m; \"$@\" >/dev/null 2>&1 & server=$!; "
                + $"while kill -0 {Environment.ProcessId} 2>/dev/null && kill -0 $server 2>/dev/null; do sleep 1; done; "
                + $"kill -TERM -- -$server 2>/dev/null; wait; rm -rf '{appData.FullName}'",
                "smtp4dev-guard",
                "dotnet", "tool", "run", "smtp4dev", "--", $"--urls={api}", $"--smtpport={smtpPort}", "--bindaddress=127.0.0.1",
                "--imapport=", "--pop3port=", "--db=", "--nousersettings", "--messagestokeep=100000",
                $"--baseappdatapath={appData.FullName}",
            },
        };
        start.Environment["DOTNET_ROLL_FORWARD"] = "Major";
        start.Environment["ServerOptions__RecipientValidationExpression"] = RecipientRule;
        process = Process.Start(start) ?? throw new InvalidOperationException("smtp4dev did not start.");

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            try
            {
                using var answer = await Http.GetAsync(new Uri(api, "api/messages?pageSize=1"));
                if (answer.StatusCode == HttpStatusCode.OK)
                {
                    return ("127.0.0.1", smtpPort, api);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException(
                    "No SMTP server for the tests: KREMINNA_TEST_SMTP is not set and smtp4dev (dotnet tool run smtp4dev) did not answer. "
                    + "Run the tests with scripts/test.sh, which starts it.");
            }

            await Task.Delay(250);
        }
    }

    private static async Task RunAsync(string root, string arguments)
    {
        using var run = Process.Start(new ProcessStartInfo("dotnet", arguments) { WorkingDirectory = root, RedirectStandardOutput = true })!;
        await run.StandardOutput.ReadToEndAsync();
        await run.WaitForExitAsync();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "dotnet-tools.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (dotnet-tools.json) was not found above the test assembly.");
    }

    private sealed record MessageList(List<SmtpMessage> Results, int PageCount);
}

/// <summary>A message as smtp4dev lists it.</summary>
public sealed record SmtpMessage(string Id, string[] To, string Subject, DateTimeOffset ReceivedDate);
