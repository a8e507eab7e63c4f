
namespace AutoResumeFiller.Data.Tests;

public class SmokeTests
{
    [Fact]
    public void RealFileSystem_InitSaveLoadBackupRestore_Works()
    {
        var dir = Path.Combine(Path.GetTempPath(), "arf-smoke-" + Guid.NewGuid().ToString("N"));
        var m = new UserDataManager(new UserDataManagerOptions { DataDirectory = dir });
        m.InitializeDataDirectory();
        var p = m.LoadUserProfile();
        p.PersonalInfo = new PersonalInfo { FirstName = "Ada", LastName = "Lovelace", Email = "ada@example.com" };
        p.Skills.Add("C#");
        m.SaveUserProfile(p);
        m.SaveUserProfile(p);
        var loaded = m.LoadUserProfile();
        loaded.Skills.Should().Equal("C#");
        File.ReadAllText(m.ProfilePath).Should().Contain("\"first_name\": \"Ada\"");
        Directory.CreateDirectory(Path.Combine(dir, "resumes", "sub"));
        File.WriteAllText(Path.Combine(dir, "resumes", "sub", "cv.txt"), "hello");
        var b = m.BackupData("mine");
        var v = m.VerifyBackup(b);
        v.Problems.Should().BeEmpty();
        m.ListAvailableBackups().Should().HaveCount(3);
        foreach (var x in m.ListAvailableBackups()) m.VerifyBackup(x.Path).Problems.Should().BeEmpty();
        m.RestoreFromBackup(b);
        m.LastPreRestoreBackupPath.Should().NotBeNull();
        m.VerifyBackup(m.LastPreRestoreBackupPath!).Problems.Should().BeEmpty();
        File.GetUnixFileMode(m.ProfilePath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(b).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Console.WriteLine(File.ReadAllText(m.ProfilePath));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void MockFileSystem_InitSaveLoad_Works()
    {
        var fs = Support.MockFileSystems.WithFreeSpace();
        var m = new UserDataManager(new UserDataManagerOptions { DataDirectory = "/data/arf" }, fs);
        m.InitializeDataDirectory();
        var p = m.LoadUserProfile();
        p.Skills.Add("x");
        m.SaveUserProfile(p);
        m.LoadUserProfile().Skills.Should().Equal("x");
        m.ListAvailableBackups().Should().HaveCount(1);
        m.VerifyBackup(m.ListAvailableBackups()[0].Path).Problems.Should().BeEmpty();
        var b = m.BackupData();
        m.RestoreFromBackup(b);
    }
}
