using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AutoResumeFiller.Data.Tests.Manager;

public class UnicodeDataDirectoryTests
{
    [Theory]
    [InlineData("~/My Data/Zoë 履歴書", "/home/user/My Data/Zoë 履歴書")]
    [InlineData("/tmp/a'b \"c\" $HOME (1) [x] #;&", "/tmp/a'b \"c\" $HOME (1) [x] #;&")]
    public void EveryOperation_WorksInAFolderWithSpacesUnicodeAndSpecialCharacters(string configured, string expected)
    {
        var fs = MockFileSystems.WithFreeSpace();
        var time = new FakeTimeProvider(ManagerTestContext.Start);
        var manager = new UserDataManager(new UserDataManagerOptions { DataDirectory = configured }, fs, null, time, ManagerPlatforms.Create(OSFamily.Linux));

        manager.InitializeDataDirectory();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Zoë"));
        fs.File.WriteAllText(expected + "/resumes/résumé 2025.txt", "cv");
        var backup = manager.BackupData("avant-départ");
        time.Advance(TimeSpan.FromSeconds(1));
        manager.UpdateUserProfile(p =>
        {
            p.Skills.Add("日本語");
            return p;
        });
        manager.RestoreFromBackup(backup);

        manager.DataDirectory.Should().Be(expected);
        backup.Should().Be(expected + "/backups/avant-départ_20250304_050607.zip");
        manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Zoë");
        manager.LoadUserProfile().Skills.Should().NotContain("日本語");
        manager.ListAvailableBackups().Select(b => b.Kind).Should().BeEquivalentTo([BackupKind.Manual, BackupKind.Auto, BackupKind.Auto, BackupKind.PreRestore]);
        manager.ListAvailableBackups().Should().OnlyContain(b => manager.VerifyBackup(b.Path).IsValid);
        fs.File.ReadAllText(expected + "/resumes/résumé 2025.txt").Should().Be("cv");
    }
}
