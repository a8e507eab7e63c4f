using System.Diagnostics;

namespace AutoResumeFiller.Data.IntegrationTests.Support;

/// <summary>Small real file systems (tmpfs) for full-disk tests: root on Linux only.</summary>
public static class Tmpfs
{
    /// <summary>Why a real full disk cannot be made here, or <see langword="null"/> when it can.</summary>
    public static string? UnavailableReason()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "a real full disk needs a tmpfs mount, which these tests only make on Linux";
        }

        return Environment.IsPrivilegedProcess ? null : "mounting a tmpfs needs root; run the tests as root to include the real full-disk checks";
    }

    /// <summary>Mounts a tmpfs of <paramref name="sizeKilobytes"/> KB at a new folder under <paramref name="owner"/>; the reason on failure.</summary>
    public static string? TryMount(TempDirectory owner, int sizeKilobytes, out string mountPoint)
    {
        mountPoint = owner.Combine("disk");
        Directory.CreateDirectory(mountPoint);
        var (exitCode, output) = Run("mount", "-t", "tmpfs", "-o", $"size={sizeKilobytes}k,mode=0700", "tmpfs", mountPoint);
        if (exitCode != 0)
        {
            return $"mount -t tmpfs failed ({exitCode}): {output.Trim()}";
        }

        owner.TrackMount(mountPoint);
        return null;
    }

    public static void Unmount(string mountPoint) => Run("umount", mountPoint);

    /// <summary>Fills the file system holding <paramref name="fillerPath"/> until at most <paramref name="leaveFreeBytes"/> remain, writing <paramref name="fillerPath"/>.</summary>
    public static void Fill(string fillerPath, long leaveFreeBytes)
    {
        var free = new DriveInfo(Path.GetDirectoryName(fillerPath)!).AvailableFreeSpace;
        var toWrite = Math.Max(0, free - leaveFreeBytes);
        var buffer = new byte[64 * 1024];
        try
        {
            using var filler = new FileStream(fillerPath, FileMode.Append, FileAccess.Write, FileShare.None, 0);
            while (toWrite > 0)
            {
                var chunk = (int)Math.Min(buffer.Length, toWrite);
                filler.Write(buffer, 0, chunk);
                toWrite -= chunk;
            }
        }
        catch (IOException ex) when (ex.HResult == 28)
        {
            // Full already: exactly what was asked for.
        }
    }

    public static (int ExitCode, string Output) Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill();
            return (-1, $"{fileName} did not finish in 30 s");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
