namespace Kreminna1325.Core.Monitoring;

/// <summary>Finds any of a few short lower-case byte patterns in a stream, ignoring ASCII case, chunk by chunk with a reused buffer.</summary>
internal sealed class ByteScanner(byte[][] patterns)
{
    private readonly int overlap = patterns.Max(p => p.Length) - 1;

    public bool Found(ReadOnlySpan<byte> bytes)
    {
        // Overlapping slices, so a pattern across a slice boundary is still found.
        var window = new byte[Math.Min(bytes.Length, 64 * 1024) + overlap];
        for (var start = 0; start < bytes.Length; start += window.Length - overlap)
        {
            var slice = bytes[start..Math.Min(bytes.Length, start + window.Length)];
            slice.CopyTo(window);
            if (Matches(window.AsSpan(0, slice.Length)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Scans <paramref name="start"/> followed by the rest of the stream; <paramref name="buffer"/> is working space.</summary>
    public bool Found(Stream stream, byte[] buffer, byte[] start)
    {
        var window = new byte[buffer.Length + overlap + start.Length];
        start.CopyTo(window, 0);
        var length = start.Length;
        while (true)
        {
            var read = stream.Read(buffer, 0, buffer.Length);
            Buffer.BlockCopy(buffer, 0, window, length, read);
            length += read;
            if (Matches(window.AsSpan(0, length)))
            {
                return true;
            }

            if (read == 0)
            {
                return false;
            }

            // Keep the tail, so a pattern split between two reads is still found.
            var keep = Math.Min(overlap, length);
            Buffer.BlockCopy(window, length - keep, window, 0, keep);
            length = keep;
        }
    }

    private bool Matches(Span<byte> window)
    {
        foreach (ref var b in window)
        {
            if (b is >= (byte)'A' and <= (byte)'Z')
            {
                b += 32;
            }
        }

        foreach (var pattern in patterns)
        {
            if (window.IndexOf(pattern) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
