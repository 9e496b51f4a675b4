using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Kreminna1325.Core.Notifications;

/// <summary>
/// How an outbox row becomes an e-mail, and how a failed attempt is judged: given up for good, or tried again
/// after a back-off. The rules the sender and the outbox page share.
/// </summary>
public static class OutboxMail
{
    public static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(30);

    /// <summary>Longer errors are cut: the reason is for a person to read on the outbox page, not a stack trace.</summary>
    public const int ErrorMaxLength = 300;

    public static MimeMessage Compose(Notification notification, MailOptions options, DateTimeOffset now)
    {
        var from = new MailboxAddress(options.FromName, options.From);
        var message = new MimeMessage
        {
            Subject = notification.Subject,
            Date = now,

            // Made from the row, so a message sent again after a crash between sending and recording it carries the
            // same id, and a receiving server or client can drop the copy.
            MessageId = $"notification-{notification.Id}@{DomainOf(options.From)}",
        };
        message.From.Add(from);
        message.To.Add(RecipientOf(notification) ?? throw new RecipientAddressException());
        message.Body = new MultipartAlternative
        {
            new TextPart(MimeKit.Text.TextFormat.Plain) { Text = notification.TextBody },
            new TextPart(MimeKit.Text.TextFormat.Html) { Text = notification.HtmlBody },
        };
        return message;
    }

    /// <summary>The one mailbox a row goes to, or null when its address cannot be written as one.</summary>
    public static MailboxAddress? RecipientOf(Notification notification) =>
        MailboxAddress.TryParse(notification.ToAddress, out var mailbox) && !string.IsNullOrEmpty(mailbox.Domain) ? mailbox : null;

    /// <summary>The wait before attempt number <paramref name="attempts"/> + 1: 1 minute, then 2, 4, … up to 30 minutes.</summary>
    public static TimeSpan BackOff(int attempts)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 10);
        var wait = FirstRetry * Math.Pow(2, doublings);
        return wait < LongestRetry ? wait : LongestRetry;
    }

    /// <summary>
    /// The server refused this recipient or this message for good (5xx), or the row's address cannot be written as one:
    /// sending it again would be refused again. A refused or unwritable sender is ours to fix in the configuration, so it
    /// waits.
    /// </summary>
    public static bool IsPermanent(Exception error) => error switch
    {
        SmtpCommandException command => (int)command.StatusCode >= 500
            && command.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted,
        RecipientAddressException => true,
        _ => false,
    };

    /// <summary>A short reason for the outbox page and the log: the server's answer, never the configuration's secrets.</summary>
    public static string Describe(Exception error)
    {
        var text = error switch
        {
            SmtpCommandException command => $"{(int)command.StatusCode} {command.Message}",
            AuthenticationException => "The SMTP server refused the user name or password (Mail:User, Mail:Password).",
            RecipientAddressException => "Not an e-mail address.",
            ParseException => "Mail:From is not an e-mail address.",
            _ => $"{error.GetType().Name}: {error.Message}",
        };
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= ErrorMaxLength ? text : text[..(ErrorMaxLength - 1)] + "…";
    }

    public static SecureSocketOptions SocketOptions(MailSecurity security) => security switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        MailSecurity.Auto => SecureSocketOptions.StartTlsWhenAvailable,
        _ => SecureSocketOptions.StartTls,
    };

    private static string DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        var domain = at >= 0 ? address[(at + 1)..].Trim() : "";
        return domain.Length > 0 ? domain : "kreminna1325.local";
    }
}

/// <summary>The row's address is no e-mail address: no server would take it.</summary>
public sealed class RecipientAddressException() : Exception("Not an e-mail address.");
