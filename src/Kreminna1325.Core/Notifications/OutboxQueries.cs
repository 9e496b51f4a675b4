using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Notifications;

/// <summary>A message that did not go out as it should: refused for good, or waiting for another attempt after an error.</summary>
public sealed record OutboxProblem(
    long Id, string ToAddress, string Subject, DeliveryState Delivery, int Attempts, string? Reason, DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt);

/// <summary>The outbox as staff see it: how many wait (and how many of them after an error), how many failed, the last one sent.</summary>
public sealed record OutboxSummary(
    int Waiting, int WaitingAfterError, DateTimeOffset? OldestWaiting, int Failed, DateTimeOffset? LastSentAt,
    IReadOnlyList<OutboxProblem> Problems);

public sealed class OutboxQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>The newest problems shown; the counts are of all.</summary>
    public const int ProblemsShown = 50;

    public async Task<OutboxSummary> SummaryAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        Permissions.Demand(user, Permissions.CanViewOutbox, "Only administrators and council staff see the outbox.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var waiting = db.Notifications.Where(n => n.Delivery == DeliveryState.Pending);
        var counts = await waiting
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), AfterError = g.Count(n => n.LastError != null), Oldest = (DateTimeOffset?)g.Min(n => n.CreatedAt) })
            .SingleOrDefaultAsync(ct);
        var failed = await db.Notifications.CountAsync(n => n.Delivery == DeliveryState.Failed, ct);
        var lastSent = await db.Notifications.Where(n => n.Delivery == DeliveryState.Sent).MaxAsync(n => n.SentAt, ct);
        var problems = await db.Notifications
            .Where(n => n.Delivery == DeliveryState.Failed || (n.Delivery == DeliveryState.Pending && n.LastError != null))
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(ProblemsShown)
            .Select(n => new OutboxProblem(n.Id, n.ToAddress, n.Subject, n.Delivery, n.Attempts, n.LastError, n.CreatedAt, n.NextAttemptAt))
            .ToListAsync(ct);
        return new OutboxSummary(counts?.Count ?? 0, counts?.AfterError ?? 0, counts?.Oldest, failed, lastSent, problems);
    }
}
