using System.Diagnostics;
using System.Globalization;

namespace AutoResumeFiller.Data.Cli.Output;

/// <summary>
/// A one-line progress bar on standard error, redrawn in place at most ten times a second. Reports arrive
/// synchronously on the backup's thread, so the bar never lags behind or draws after the backup ends.
/// </summary>
internal sealed class ProgressBar(TextWriter error, string label = ProgressBar.Label) : IProgress<BackupProgress>
{
    public const string Label = "Backing up";
    private const int BarWidth = 30;
    private const int MaxFileNameWidth = 24;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private long _lastDraw = long.MinValue;
    private int _lastLength;

    public void Report(BackupProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var now = Stopwatch.GetTimestamp();
        var done = value.FilesDone >= value.FilesTotal;
        if (!done && _lastDraw != long.MinValue && Stopwatch.GetElapsedTime(_lastDraw, now) < Interval)
        {
            return;
        }

        _lastDraw = now;
        Draw(value);
    }

    /// <summary>Removes the bar so the next output starts on a clean line.</summary>
    public void Clear()
    {
        if (_lastLength > 0)
        {
            error.Write("\r" + new string(' ', _lastLength) + "\r");
            error.Flush();
            _lastLength = 0;
        }
    }

    private void Draw(BackupProgress value)
    {
        var filled = (int)Math.Round(value.Fraction * BarWidth);
        var file = value.CurrentFile.Length > MaxFileNameWidth ? "..." + value.CurrentFile[^(MaxFileNameWidth - 3)..] : value.CurrentFile;
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{label} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {value.Fraction * 100,3:0}%  {Sizes.Format(value.BytesDone)} / {Sizes.Format(value.BytesTotal)}  {file}");
        error.Write("\r" + line.PadRight(_lastLength));
        error.Flush();
        _lastLength = line.Length;
    }
}
