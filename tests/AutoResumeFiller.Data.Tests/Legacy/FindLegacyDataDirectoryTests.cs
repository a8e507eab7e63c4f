using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.Legacy;
using AutoResumeFiller.Data.Tests.Support;
using System.IO.Abstractions.TestingHelpers;

namespace AutoResumeFiller.Data.Tests.Legacy;

public class FindLegacyDataDirectoryTests
{
    [Theory]
    [InlineData(null, "/home/user/.local/share/AutoResumeFiller")]
    [InlineData("/xdg/data/", "/xdg/data/AutoResumeFiller")]
    [InlineData("relative/xdg", "/home/user/.local/share/AutoResumeFiller")]
    public void GetDefault_Linux_IsThePythonAppsCapitalisedFolder(string? xdg, string expected)
    {
        var environment = xdg is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["XDG_DATA_HOME"] = xdg };

        LegacyLayout.GetDefault(ManagerPlatforms.Create(OSFamily.Linux, environment)).Should().Be(expected);
    }

    [Theory]
    [InlineData("Windows")]
    [InlineData("MacOS")]
    public void GetDefault_WindowsAndMacOS_IsOurOwnFolder(string os)
    {
        var platform = ManagerPlatforms.Create(Enum.Parse<OSFamily>(os));

        LegacyLayout.GetDefault(platform).Should().Be(DataDirectoryResolver.GetDefault(platform));
    }

    [Fact]
    public void Find_FolderWithAProfile_ReturnsIt()
    {
        var fileSystem = new MockFileSystem();
        var platform = ManagerPlatforms.Create(OSFamily.Linux);
        LegacyLayout.Find(fileSystem, platform).Should().BeNull("there is no folder yet");
        fileSystem.Directory.CreateDirectory(PythonApp.LinuxLegacyFolder);
        LegacyLayout.Find(fileSystem, platform).Should().BeNull("a folder without user_profile.json holds no legacy data");

        fileSystem.File.WriteAllBytes(PythonApp.LinuxLegacyFolder + "/user_profile.json", PythonApp.LegacyProfile());

        LegacyLayout.Find(fileSystem, platform).Should().Be(PythonApp.LinuxLegacyFolder);
    }

    [Fact]
    public void Find_NoHomeFolder_ReturnsNull()
    {
        var platform = ManagerPlatforms.Create(OSFamily.Linux, new Dictionary<string, string>(), _ => "");

        LegacyLayout.Find(new MockFileSystem(), platform).Should().BeNull();
    }

    [Theory]
    [InlineData("auto_backup_20261203_075841.json", 2, "2026-12-03T05:58:41Z")]
    [InlineData("auto_backup_20260101_010203.json", -5, "2026-01-01T06:02:03Z")]
    public void TryParseBackupName_LocalTimeInTheName_IsConvertedToUtc(string name, int offsetHours, string expected)
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("test", TimeSpan.FromHours(offsetHours), "test", "test");

        LegacyLayout.TryParseBackupName(name, zone, out var utc).Should().BeTrue();

        utc.Should().Be(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal));
        utc.Kind.Should().Be(DateTimeKind.Utc);
    }

    [Fact]
    public void TryParseBackupName_TimeInADaylightSavingGap_UsesTheStandardOffset()
    {
        // A zone at UTC+1 that springs forward to UTC+2 at 02:00 on the last Sunday of March: 02:30 never happened.
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday));
        var zone = TimeZoneInfo.CreateCustomTimeZone("cet-like", TimeSpan.FromHours(1), "cet-like", "cet-like", "cest-like", [rule]);

        LegacyLayout.TryParseBackupName("auto_backup_20260329_023000.json", zone, out var utc).Should().BeTrue();

        utc.Should().Be(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc));
    }

    [Theory]
    [InlineData("auto_backup_20261203_075841.zip")]
    [InlineData("auto_backup_20261303_075841.json")]
    [InlineData("manual_20261203_075841.json")]
    [InlineData("auto_backup_20261203_075841_2.json")]
    public void TryParseBackupName_OtherNames_AreNotLegacyBackups(string name)
    {
        LegacyLayout.TryParseBackupName(name, TimeZoneInfo.Utc, out _).Should().BeFalse();
    }
}
