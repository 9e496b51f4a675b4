namespace Kreminna1325.Core.Notifications;

/// <summary>How notifications reach people: the app's public address for links, and whether the schedules run here.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>The address people open the app at (<c>https://1325.kreminna.gov.ua</c>): e-mails link to it, and calendars.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>Whether this instance runs the daily reminders and the weekly digest (any number may: a run happens once).</summary>
    public bool Schedules { get; set; } = true;

    /// <summary>An absolute address for an app-relative path.</summary>
    public string Absolute(string path) => PublicBaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');

    /// <summary>An absolute http(s) address without query or fragment: anything else would put broken links in every e-mail.</summary>
    public bool HasValidBaseUrl =>
        Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Query.Length == 0 && uri.Fragment.Length == 0;
}

public enum MailSecurity
{
    None,
    StartTls,
    SslOnConnect,

    /// <summary>STARTTLS when the server offers it, plain otherwise.</summary>
    Auto,
}

/// <summary>The SMTP server mail goes through. Without a host mail is off: the outbox keeps every message until it is configured.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public MailSecurity Security { get; set; } = MailSecurity.StartTls;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "kreminna1325@localhost";
    public string FromName { get; set; } = "Kreminna1325";

    /// <summary>How often the sender looks for messages that are due, in seconds.</summary>
    public int SendEverySeconds { get; set; } = 5;

    public bool IsOn => !string.IsNullOrWhiteSpace(Host);
}
