using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Encryption;

/// <summary>
/// The Python app's export, encrypted (DESIGN §8 with §10): a redacted config.yaml never replaces the current one, and an
/// export lying in backups/ is encrypted, listed, verified and restored like any backup there.
/// </summary>
public sealed class EncryptedPythonExportTests
{
    private const string CurrentConfig = "ai:\n  api_key: sk-mine\n";
    private const string KeepsConfigWarning = "config.yaml in this archive had its API keys redacted on export: a restore keeps the current config.yaml instead.";

    private readonly InMemoryKeyProvider _keys = new();
    private readonly ManagerTestContext _context;

    public EncryptedPythonExportTests()
    {
        _context = new ManagerTestContext(o => o.Encryption = _keys);
        _context.Initialized().SaveUserProfile(ManagerTestContext.ValidProfile());
        _context.WriteFile("config.yaml", CurrentConfig);
    }

    private UserDataManager Manager => _context.Manager;

    [Fact]
    public void VerifyAndRestore_EncryptedRedactedExportFromAnywhere_WarnAndKeepTheCurrentConfig()
    {
        const string path = "/media/usb/python-export.zip.enc";
        _context.FileSystem.Directory.CreateDirectory("/media/usb");
        _context.FileSystem.File.WriteAllBytes(path, StreamFormatTests.StreamEncrypt(PythonApp.ExportZip(), 4096, key: _keys.Ring.CurrentKey));

        var verification = Manager.VerifyBackup(path);
        Manager.RestoreFromBackup(path);

        _context.FileSystem.File.ReadAllText(_context.PathOf("config.yaml")).Should().Be(CurrentConfig, "a redacted config never replaces a working one");
        verification.Problems.Should().BeEmpty();
        verification.Warnings.Should().Equal(KeepsConfigWarning);
        Manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Amara");
        _context.Logger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == 63);
    }

    [Fact]
    public void RestoreFromBackup_EncryptedRedactedExportAndNoCurrentConfig_InstallsItAndSaysSo()
    {
        const string path = "/media/usb/python-export.zip.enc";
        _context.FileSystem.File.Delete(_context.PathOf("config.yaml"));
        _context.FileSystem.Directory.CreateDirectory("/media/usb");
        _context.FileSystem.File.WriteAllBytes(path, StreamFormatTests.StreamEncrypt(PythonApp.ExportZip(), 4096, key: _keys.Ring.CurrentKey));

        Manager.VerifyBackup(path).Warnings.Should().ContainSingle().Which.Should().Contain("enter the API keys again");
        Manager.RestoreFromBackup(path);

        _context.FileSystem.File.ReadAllBytes(_context.PathOf("config.yaml")).Should().Equal(PythonApp.ExportEntries()["config.yaml"]);
    }
}
