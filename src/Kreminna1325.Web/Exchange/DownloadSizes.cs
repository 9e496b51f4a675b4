using System.Collections.Concurrent;
using Kreminna1325.Core.Plans;
using Kreminna1325.Web.Plans;

namespace Kreminna1325.Web.Exchange;

/// <summary>
/// How big each download of a plan is, so the public page can say so before anyone clicks. A size is found by
/// writing the file once, then kept until the plan changes (<see cref="PlanChanges"/>) or for as long as the
/// public pages are kept (<see cref="PublicCaching.Expiry"/>): approved results change the open data without
/// changing the plan, and another instance's edits do not reach this one.
/// </summary>
public sealed class DownloadSizes
{
    private readonly ConcurrentDictionary<(int PlanId, string File), Entry> sizes = new();
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
        var now = time.GetUtcNow();
        if (sizes.TryGetValue((planId, file), out var kept) && now - kept.At < PublicCaching.Expiry)
        {
            return kept.Bytes;
        }

        // A temporary file, not memory: a package writer needs a stream it can seek and read, and a large plan's
        // file should cost disk for a moment, not the server's memory.
        await using var scratch = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await write(scratch, ct);
        await scratch.FlushAsync(ct);
        sizes[(planId, file)] = new(scratch.Length, now);
        return scratch.Length;
    }

    private sealed record Entry(long Bytes, DateTimeOffset At);
}
