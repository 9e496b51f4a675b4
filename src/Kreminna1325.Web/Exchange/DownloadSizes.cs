using System.Collections.Concurrent;
using Kreminna1325.Core.Plans;

namespace Kreminna1325.Web.Exchange;

/// <summary>
/// How big each download of a plan is, so the public page can say so before anyone clicks. A size is found by
/// writing the file once, by one request however many ask at the same moment, and kept until the plan changes
/// (<see cref="PlanChanges"/>) or for <see cref="Expiry"/>: approved results change the open data without changing
/// the plan, and another instance's edits do not reach this one. A size some kilobytes off for a few minutes
/// misleads nobody; writing a large plan's eight files on every page render would slow everyone.
/// </summary>
public sealed class DownloadSizes
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<(int PlanId, string File), Lazy<Task<Entry>>> sizes = new();
    private readonly TimeProvider time;

    public DownloadSizes(PlanChanges changes, TimeProvider time)
    {
        this.time = time;
        changes.Subscribe(_ =>
        {
            sizes.Clear();
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>The size in bytes of what <paramref name="write"/> produces for the plan's file named <paramref name="file"/>.</summary>
    public async Task<long> GetAsync(int planId, string file, Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        var key = (planId, file);
        var kept = sizes.GetOrAdd(key, _ => Measure(write));
        Entry entry;
        try
        {
            entry = await kept.Value.WaitAsync(ct);
        }
        catch when (kept.Value.IsFaulted || kept.Value.IsCanceled)
        {
            // A failed measurement is not kept: the next visitor tries again.
            sizes.TryRemove(new(key, kept));
            throw;
        }

        if (time.GetUtcNow() - entry.At >= Expiry)
        {
            // Stale: this visitor gets the old size, and the next one a fresh measurement.
            sizes.TryRemove(new(key, kept));
        }

        return entry.Bytes;
    }

    private Lazy<Task<Entry>> Measure(Func<Stream, CancellationToken, Task> write) => new(async () =>
    {
        var at = time.GetUtcNow();
        // A temporary file, not memory: a package writer needs a stream it can seek and read, and a large plan's
        // file should cost disk for a moment, not the server's memory. Not cancelled with the asking request,
        // since other visitors may be waiting for the same measurement.
        await using var scratch = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await write(scratch, CancellationToken.None);
        await scratch.FlushAsync();
        return new Entry(scratch.Length, at);
    });

    private sealed record Entry(long Bytes, DateTimeOffset At);
}
