using Kreminna1325.Core.Plans;
using Kreminna1325.Web.Exchange;
using Microsoft.Extensions.Time.Testing;

namespace Kreminna1325.Tests.Exchange;

/// <summary>The public page's sizes: measured once however many visitors ask together, measured again when the plan changes or they age.</summary>
public class DownloadSizesTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
    private readonly PlanChanges changes = new();
    private int writes;
    private int bytes = 1000;

    private async Task Write(Stream output, CancellationToken ct)
    {
        Interlocked.Increment(ref writes);
        await Task.Delay(50, ct);
        await output.WriteAsync(new byte[bytes], ct);
    }

    [Fact]
    public async Task Visitors_asking_at_once_share_one_measurement()
    {
        var sizes = new DownloadSizes(changes, time);

        var all = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => sizes.GetAsync(1, "docx", Write, CancellationToken.None)));

        Assert.All(all, size => Assert.Equal(1000, size));
        Assert.Equal(1, writes);
    }

    [Fact]
    public async Task A_change_to_the_plan_measures_again()
    {
        var sizes = new DownloadSizes(changes, time);
        await sizes.GetAsync(1, "docx", Write, CancellationToken.None);

        bytes = 2000;
        await changes.RaiseAsync();

        Assert.Equal(2000, await sizes.GetAsync(1, "docx", Write, CancellationToken.None));
        Assert.Equal(2, writes);
    }

    [Fact]
    public async Task An_old_size_is_measured_again_after_it_has_been_shown_once_more()
    {
        var sizes = new DownloadSizes(changes, time);
        await sizes.GetAsync(1, "zip", Write, CancellationToken.None);

        bytes = 3000;
        time.Advance(DownloadSizes.Expiry - TimeSpan.FromSeconds(1));
        Assert.Equal(1000, await sizes.GetAsync(1, "zip", Write, CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1000, await sizes.GetAsync(1, "zip", Write, CancellationToken.None));

        Assert.Equal(3000, await sizes.GetAsync(1, "zip", Write, CancellationToken.None));
        Assert.Equal(2, writes);
    }

    [Fact]
    public async Task A_failed_measurement_is_not_kept()
    {
        var sizes = new DownloadSizes(changes, time);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            sizes.GetAsync(1, "xlsx", (_, _) => throw new InvalidOperationException("broken"), CancellationToken.None));

        Assert.Equal(1000, await sizes.GetAsync(1, "xlsx", Write, CancellationToken.None));
    }

    [Fact]
    public async Task Each_plan_and_file_has_its_own_size()
    {
        var sizes = new DownloadSizes(changes, time);

        Assert.Equal(1000, await sizes.GetAsync(1, "docx", Write, CancellationToken.None));
        bytes = 10;
        Assert.Equal(10, await sizes.GetAsync(2, "docx", Write, CancellationToken.None));
        Assert.Equal(10, await sizes.GetAsync(1, "xlsx", Write, CancellationToken.None));
    }
}
