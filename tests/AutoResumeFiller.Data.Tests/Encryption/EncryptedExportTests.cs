using System.Text;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Encryption;

/// <summary>Exports with encryption on: encrypted whole like every backup, never the user's files in the clear.</summary>
public sealed class EncryptedExportTests
{
    private const string Folder = "/media/usb";
    private readonly InMemoryKeyProvider _keys = new();
    private readonly ManagerTestContext _context;

    public EncryptedExportTests()
    {
        _context = new ManagerTestContext(o => o.Encryption = _keys);
        _context.Initialized().SaveUserProfile(ManagerTestContext.ValidProfile());
        _context.WriteFile("config.yaml", "ai:\n  api_key: sk-mine\n");
        _context.WriteFile("resumes/cv.txt", "curriculum vitae");
        _context.FileSystem.Directory.CreateDirectory(Folder);
    }

    [Fact]
    public void ExportData_EncryptionOnAndAZipEncName_WritesAnArchiveEncryptedWholeThatVerifiesAndRestores()
    {
        var path = _context.Manager.ExportData(Folder + "/arf-export.zip.enc");

        var stored = _context.FileSystem.File.ReadAllBytes(path);
        EncryptedFiles.KeyIdOf(stored).Should().Be(_keys.Ring.CurrentKey.Id);
        foreach (var clear in new[] { "curriculum vitae", "sk-mine", "metadata.json" })
        {
            stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(clear)).Should().Be(-1, $"'{clear}' must not be readable in the export");
        }

        var entries = EncryptedFiles.Entries(_context, path, _keys.Ring);
        entries.Keys.Should().BeEquivalentTo(["data/user_profile.json.enc", "config.yaml", "resumes/cv.txt", "metadata.json"]);
        var verification = _context.Manager.VerifyBackup(path);
        verification.Problems.Should().BeEmpty();
        verification.Kind.Should().Be(BackupKind.Export);

        _context.WriteFile("resumes/cv.txt", "changed since");
        _context.Manager.RestoreFromBackup(path);
        _context.FileSystem.File.ReadAllText(_context.PathOf("resumes/cv.txt")).Should().Be("curriculum vitae");
    }

    [Theory]
    [InlineData("arf-export.zip")]
    [InlineData("arf-export")]
    public void ExportData_EncryptionOnAndAPlainName_IsRefusedAndWritesNothing(string name)
    {
        var before = _context.Snapshot();

        var act = () => _context.Manager.ExportData($"{Folder}/{name}");

        act.Should().Throw<ArgumentException>()
            .WithMessage($"Encryption is on*name it '{Folder}/{name}.enc'*encryption key*")
            .Which.ParamName.Should().Be("archivePath");
        _context.FileSystem.Directory.GetFiles(Folder).Should().BeEmpty();
        _context.Snapshot().Should().Equal(before);
    }

    [Fact]
    public async Task ExportDataAsync_EncryptionOnAndAPlainName_IsRefusedToo()
    {
        var act = () => _context.Manager.ExportDataAsync(Folder + "/arf-export.zip", cancellationToken: TestContext.Current.CancellationToken);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("Encryption is on*");
        _context.FileSystem.Directory.GetFiles(Folder).Should().BeEmpty();
    }

    [Fact]
    public void ExportData_EncryptionOffAndAnEncName_IsRefusedNamingThePlainName()
    {
        var context = new ManagerTestContext();
        context.Initialized().SaveUserProfile(ManagerTestContext.ValidProfile());
        context.FileSystem.Directory.CreateDirectory(Folder);

        var act = () => context.Manager.ExportData(Folder + "/arf-export.zip.enc");

        act.Should().Throw<ArgumentException>().WithMessage($"*encryption is off: name the export '{Folder}/arf-export.zip'.*");
        context.FileSystem.Directory.GetFiles(Folder).Should().BeEmpty();
    }
}
