using System.Globalization;
using System.Text.RegularExpressions;

namespace AutoResumeFiller.Data.Backups;

/// <summary>Backup file names: <c>{name}_YYYYMMDD_HHMMSS[_N].zip</c>, or <c>.zip.enc</c> when encrypted (UTC); the kind comes from the name.</summary>
internal static partial class BackupNaming
{
    public const string AutoPrefix = "auto_backup";
    public const string PreRestorePrefix = "pre_restore";
    public const string DefaultManualName = "manual";
    public const int MaxNameLength = 100;

    private const string StampFormat = "yyyyMMdd'_'HHmmss";

    private static readonly HashSet<string> WindowsReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CLOCK$",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    public static string FileName(string name, DateTime utc, int sequence, string extension = ".zip") =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{name}_{utc.ToString(StampFormat, CultureInfo.InvariantCulture)}{(sequence > 1 ? "_" + sequence.ToString(CultureInfo.InvariantCulture) : "")}{extension}");

    /// <summary>Reads kind, name, time and counter from a backup file name; false for anything else (temp files, foreign files).</summary>
    public static bool TryParse(string fileName, out BackupKind kind, out string name, out DateTime createdAt, out int sequence)
    {
        kind = BackupKind.Manual;
        name = "";
        createdAt = default;
        sequence = 1;
        var match = FileNamePattern().Match(fileName);
        if (!match.Success
            || !DateTime.TryParseExact(match.Groups["stamp"].Value, StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out createdAt))
        {
            return false;
        }

        if (match.Groups["seq"].Success && (!int.TryParse(match.Groups["seq"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out sequence) || sequence < 2))
        {
            return false;
        }

        name = match.Groups["name"].Value;
        kind = name switch
        {
            AutoPrefix => BackupKind.Auto,
            PreRestorePrefix => BackupKind.PreRestore,
            _ => BackupKind.Manual,
        };
        return true;
    }

    /// <summary>Rejects manual backup names that are empty, too long, reserved, or could escape the backups folder.</summary>
    public static void ValidateManualName(string backupName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(backupName, nameof(backupName));
        if (backupName.Length > MaxNameLength)
        {
            throw new ArgumentException($"The backup name is {backupName.Length} characters long; at most {MaxNameLength} are allowed.", nameof(backupName));
        }

        if (!SafeName().IsMatch(backupName))
        {
            throw new ArgumentException(
                $"The backup name '{backupName}' may contain only letters, digits, '-', '_' and '.', must start with a letter or digit, and must not contain path separators or '..'.",
                nameof(backupName));
        }

        if (backupName.Contains("..", StringComparison.Ordinal) || WindowsReservedNames.Contains(backupName.Split('.')[0]))
        {
            throw new ArgumentException($"The backup name '{backupName}' is reserved or unsafe as a file name.", nameof(backupName));
        }

        if (backupName is AutoPrefix or PreRestorePrefix)
        {
            throw new ArgumentException($"The backup name '{backupName}' is reserved for backups the library makes itself.", nameof(backupName));
        }
    }

    [GeneratedRegex(@"^(?<name>.+)_(?<stamp>\d{8}_\d{6})(?:_(?<seq>\d{1,6}))?\.zip(?:\.enc)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();

    [GeneratedRegex(@"^[\p{L}\p{Nd}][\p{L}\p{Nd}._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeName();
}
