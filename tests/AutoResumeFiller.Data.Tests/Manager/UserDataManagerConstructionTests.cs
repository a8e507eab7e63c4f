using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AutoResumeFiller.Data.Tests.Manager;

public class UserDataManagerConstructionTests
{
    private static UserDataManager Create(UserDataManagerOptions? options, PlatformEnvironment platform) =>
        new(options, MockFileSystems.WithFreeSpace(), null, new FakeTimeProvider(ManagerTestContext.Start), platform);

    [Fact]
    public void Ctor_OptionWithTildeSpacesAndUnicode_ResolvesEveryPath()
    {
        var manager = Create(
            new UserDataManagerOptions { DataDirectory = "~/My Data/Zoë 履歴書" },
            ManagerPlatforms.Create(OSFamily.Linux, new Dictionary<string, string> { ["AUTORESUMEFILLER_DATA_DIR"] = "/env" }));

        manager.DataDirectory.Should().Be("/home/user/My Data/Zoë 履歴書");
        manager.ProfilePath.Should().Be("/home/user/My Data/Zoë 履歴書/data/user_profile.json");
        manager.LockFilePath.Should().Be("/home/user/My Data/Zoë 履歴書/data/.user_profile.lock");
        manager.BackupsDirectory.Should().Be("/home/user/My Data/Zoë 履歴書/backups");
    }

    [Fact]
    public void Ctor_EnvironmentVariable_UsedWhenNoOption()
    {
        var platform = ManagerPlatforms.Create(OSFamily.Linux, new Dictionary<string, string>
        {
            ["AUTORESUMEFILLER_DATA_DIR"] = "~/from env",
            ["XDG_DATA_HOME"] = "/xdg",
        });

        Create(null, platform).DataDirectory.Should().Be("/home/user/from env");
    }

    [Fact]
    public void Ctor_NoOptionNoVariable_UsesPlatformDefault()
    {
        var platform = ManagerPlatforms.Create(OSFamily.Linux, new Dictionary<string, string> { ["XDG_DATA_HOME"] = "/xdg" });

        Create(new UserDataManagerOptions(), platform).DataDirectory.Should().Be("/xdg/autoresumefiller");
        Create(null, ManagerPlatforms.Create(OSFamily.MacOS)).DataDirectory.Should().Be("/Users/user/Library/Application Support/AutoResumeFiller");
        Create(null, ManagerPlatforms.Create(OSFamily.Windows)).DataDirectory.Should().Be(@"C:\Users\user\AppData\Roaming\AutoResumeFiller");
    }

    [Fact]
    public void Ctor_RelativeOption_IsMadeAbsolute()
    {
        var fs = MockFileSystems.WithFreeSpace();
        fs.Directory.CreateDirectory("/work");
        fs.Directory.SetCurrentDirectory("/work");

        var manager = new UserDataManager(new UserDataManagerOptions { DataDirectory = "arf data" }, fs, null, null, ManagerPlatforms.Create(OSFamily.Linux));

        manager.DataDirectory.Should().Be("/work/arf data");
    }

    [Fact]
    public void Ctor_NoDataDirectoryAndNoHome_ThrowsUserDataException()
    {
        var platform = ManagerPlatforms.Create(OSFamily.Linux, new Dictionary<string, string>(), _ => "");

        var act = () => Create(null, platform);

        act.Should().ThrowExactly<UserDataException>()
            .WithMessage("Cannot determine the default data directory: the home folder is not known.")
            .Which.Suggestion.Should().Be("Set AUTORESUMEFILLER_DATA_DIR or UserDataManagerOptions.DataDirectory to choose a data directory.");
    }

    [Fact]
    public void Ctor_OutOfRangeOptions_ThrowArgumentOutOfRange()
    {
        var linux = ManagerPlatforms.Create(OSFamily.Linux);

        FluentActions.Invoking(() => Create(new UserDataManagerOptions { DataDirectory = "/d", LockTimeout = TimeSpan.FromMilliseconds(-1) }, linux))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("LockTimeout");
        FluentActions.Invoking(() => Create(new UserDataManagerOptions { DataDirectory = "/d", MaxAutoBackups = 0 }, linux))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaxAutoBackups");
        FluentActions.Invoking(() => Create(new UserDataManagerOptions { DataDirectory = "/d", MinimumFreeDiskSpaceBytes = -1 }, linux))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MinimumFreeDiskSpaceBytes");
    }

    [Fact]
    public void Ctor_OptionsChangedAfterwards_HaveNoEffect()
    {
        var context = new ManagerTestContext();
        context.Options.AutoBackupEnabled = false;
        context.Options.DataDirectory = "/elsewhere";
        context.Options.MinimumFreeDiskSpaceBytes = long.MaxValue;
        var manager = context.Initialized();

        manager.SaveUserProfile(ManagerTestContext.ValidProfile());

        manager.DataDirectory.Should().Be(ManagerTestContext.Root);
        manager.ListAvailableBackups().Should().ContainSingle().Which.Kind.Should().Be(BackupKind.Auto);
    }

    [Fact]
    public void Options_Defaults_MatchTheContract()
    {
        var options = new UserDataManagerOptions();

        options.DataDirectory.Should().BeNull();
        options.LockTimeout.Should().Be(TimeSpan.FromSeconds(5));
        options.MaxAutoBackups.Should().Be(10);
        options.MinimumFreeDiskSpaceBytes.Should().Be(10L * 1024 * 1024);
        options.AutoBackupEnabled.Should().BeTrue();
    }

    [Fact]
    public void GetDefaultDataDirectory_IsTheCurrentPlatformDefault()
    {
        if (string.IsNullOrEmpty(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify))
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HOME")))
        {
            Assert.Skip("This machine has no home folder, so there is no default data directory.");
        }

        UserDataManager.GetDefaultDataDirectory().Should().Be(DataDirectoryResolver.GetDefault(PlatformEnvironment.Current));
        UserDataManager.GetDefaultDataDirectory().Should().EndWithEquivalentOf("autoresumefiller");
    }

    [Fact]
    public void PublicCtor_DefaultsToRealFileSystemWithoutTouchingDisk()
    {
        var folder = Path.Combine(Path.GetTempPath(), "arf-ctor-" + Guid.NewGuid().ToString("N"));

        var manager = new UserDataManager(new UserDataManagerOptions { DataDirectory = folder });

        manager.DataDirectory.Should().Be(folder);
        Directory.Exists(folder).Should().BeFalse();
    }
}
