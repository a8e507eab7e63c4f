using System.Text;
using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.IO.Acl;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AutoResumeFiller.Data.Tests.Support;

/// <summary>
/// A <see cref="UserDataManager"/> over a <see cref="FaultInjectingFileSystem"/> with a fake clock and logger,
/// rooted at <see cref="Root"/>, plus helpers to look at what ended up on the mock disk.
/// </summary>
internal sealed class ManagerTestContext
{
    public const string Root = "/data/arf";

    /// <summary>The fake clock's start: 2025-03-04 05:06:07 UTC (07:06:07 in the fake local time zone, UTC+2).</summary>
    public static readonly DateTimeOffset Start = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    public ManagerTestContext(
        Action<UserDataManagerOptions>? configure = null,
        OSFamily os = OSFamily.Linux,
        long freeBytes = 100L * 1024 * 1024 * 1024,
        IAccessControl? accessControl = null)
    {
        FileSystem = new FaultInjectingFileSystem(freeBytes);
        Time = new FakeTimeProvider(Start);
        Time.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("Test+2", TimeSpan.FromHours(2), "Test+2", "Test+2"));
        Logger = new FakeLogger();
        Options = new UserDataManagerOptions { DataDirectory = Root };
        configure?.Invoke(Options);
        Platform = ManagerPlatforms.Create(os);
        Manager = new UserDataManager(Options, FileSystem, Logger, Time, Platform, accessControl);
    }

    public FaultInjectingFileSystem FileSystem { get; }

    public FakeTimeProvider Time { get; }

    public FakeLogger Logger { get; }

    public UserDataManagerOptions Options { get; }

    public PlatformEnvironment Platform { get; }

    public UserDataManager Manager { get; }

    public string ProfilePath => Manager.ProfilePath;

    /// <summary>Creates a second manager on the same mock disk and clock (another "process").</summary>
    public UserDataManager NewManager(Action<UserDataManagerOptions>? configure = null)
    {
        var options = new UserDataManagerOptions { DataDirectory = Root, LockTimeout = Options.LockTimeout };
        configure?.Invoke(options);
        return new UserDataManager(options, FileSystem, Logger, Time, Platform);
    }

    public UserDataManager Initialized()
    {
        Manager.InitializeDataDirectory();
        return Manager;
    }

    public string PathOf(string relative) => FileSystem.Path.Combine(Root, relative);

    public void WriteFile(string relative, string content) => WriteFile(relative, Encoding.UTF8.GetBytes(content));

    public void WriteFile(string relative, byte[] content)
    {
        var path = PathOf(relative);
        FileSystem.Directory.CreateDirectory(FileSystem.Path.GetDirectoryName(path)!);
        FileSystem.File.WriteAllBytes(path, content);
    }

    public byte[] ProfileBytes() => FileSystem.File.ReadAllBytes(ProfilePath);

    /// <summary>Every file on the mock disk with its bytes, and every folder (as a key ending in <c>/</c>).</summary>
    public IReadOnlyDictionary<string, string> Snapshot()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var directory in FileSystem.AllDirectories)
        {
            result[directory.TrimEnd('/') + "/"] = "";
        }

        foreach (var file in FileSystem.AllFiles)
        {
            result[file] = Convert.ToBase64String(FileSystem.File.ReadAllBytes(file));
        }

        return result;
    }

    /// <summary>Records the path of every file stream opened from now on (the fault hook lets each one through).</summary>
    public IReadOnlyList<string> RecordOpenedFiles()
    {
        var opened = new List<string>();
        FileSystem.Fault = (op, path) =>
        {
            if (op == FaultOperation.Open)
            {
                opened.Add(path);
            }

            return null;
        };
        return opened;
    }

    /// <summary>Every temp file (name ending in <c>.tmp</c>) anywhere on the mock disk.</summary>
    public IReadOnlyList<string> TempFiles() => [.. FileSystem.AllFiles.Where(f => f.EndsWith(".tmp", StringComparison.Ordinal))];

    /// <summary>The backup file names in the backups folder, ordinal order.</summary>
    public IReadOnlyList<string> BackupFileNames() =>
        FileSystem.Directory.Exists(Manager.BackupsDirectory)
            ? [.. FileSystem.Directory.GetFiles(Manager.BackupsDirectory).Select(f => FileSystem.Path.GetFileName(f)).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>A valid profile with personal info and one job.</summary>
    public static UserProfile ValidProfile(string firstName = "Ada") => new()
    {
        PersonalInfo = new PersonalInfo { FirstName = firstName, LastName = "Lovelace", Email = "ada@example.com" },
        WorkExperience =
        [
            new WorkExperience
            {
                Company = "Analytical Engines Ltd",
                Position = "Programmer",
                StartDate = "1842-09",
                EndDate = "Present",
                Responsibilities = ["Wrote the first program"],
            },
        ],
        Skills = ["Mathematics", "C#"],
    };

    /// <summary>A profile breaking three rules: personal_info.email, work_experience[0].start_date and work_experience[0].responsibilities.</summary>
    public static UserProfile InvalidProfile()
    {
        var profile = ValidProfile();
        profile.PersonalInfo!.Email = "not-an-email";
        profile.WorkExperience[0].StartDate = "";
        profile.WorkExperience[0].Responsibilities = [];
        return profile;
    }
}
