using Microsoft.AspNetCore.Identity;

namespace Kreminna1325.Core.Accounts;

/// <summary>A person who signs in. Never deleted: deactivated, so their history stays attributable.</summary>
public class AppUser : IdentityUser
{
    public const int FullNameMaxLength = 200;
    public const int PositionMaxLength = 200;

    public string FullName { get; set; } = "";
    public string? Position { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>Set with a one-time password; sign-in leads only to the change-password page until cleared.</summary>
    public bool MustChangePassword { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The language the person chose ("en-US"), for what reaches them outside the app: e-mail. Null: Ukrainian.</summary>
    public string? Culture { get; set; }

    /// <summary>The person switched reminders of due and overdue reports off (workflow messages about their own reports still go).</summary>
    public bool RemindersOff { get; set; }

    /// <summary>The person switched the weekly digest off.</summary>
    public bool DigestOff { get; set; }

    /// <summary>The secret in the person's private calendar address; renewing it revokes the old address.</summary>
    public string? CalendarToken { get; set; }

    public const int CultureMaxLength = 10;
    public const int CalendarTokenMaxLength = 64;

    public List<UserResponsibleBody> ResponsibleBodies { get; set; } = [];
}

/// <summary>A responsible body a user reports for.</summary>
public class UserResponsibleBody
{
    public required string UserId { get; set; }
    public AppUser User { get; set; } = null!;
    public int ResponsibleBodyId { get; set; }
    public Plans.ResponsibleBody ResponsibleBody { get; set; } = null!;
}
