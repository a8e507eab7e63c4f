using System.Text;
using AutoResumeFiller.Data.Cli.Tests.Support;

namespace AutoResumeFiller.Data.Cli.Tests.Commands;

/// <summary>Issue 19: --key-file, AUTORESUMEFILLER_KEY_FILE, encrypt and rotate-key.</summary>
public sealed class EncryptionCommandsTests : IDisposable
{
    private readonly ArfData _arf = new();

    public void Dispose() => _arf.Dispose();

    private string KeyFile => Path.Combine(_arf.Root, "keys", "ring.json");

    [Fact]
    public void Encrypt_PlaintextData_EncryptsEverything_AndOtherCommandsWorkWithTheKey()
    {
        _arf.InitWithSample();
        _arf.Backup("before");

        var encrypt = _arf.Run("--key-file", KeyFile, "encrypt");

        encrypt.ExitCode.Should().Be(0, encrypt.ToString());
        encrypt.StdOut.Should().Contain("Data is encrypted").And.Contain("Keep a copy of the key file");
        File.Exists(_arf.ProfilePath).Should().BeFalse();
        File.ReadAllBytes(_arf.ProfilePath + ".enc").AsSpan().IndexOf("Rivera"u8).Should().Be(-1);
        Directory.GetFiles(_arf.BackupsDir).Should().OnlyContain(f => f.EndsWith(".zip.enc", StringComparison.Ordinal));
        var show = _arf.Run("--key-file", KeyFile, "show");
        show.ExitCode.Should().Be(0, show.ToString());
        show.StdOut.Should().Contain("Jordan Rivera");
        var json = _arf.Run("--key-file", KeyFile, "show", "--json");
        json.StdOut.Should().Contain("\"first_name\": \"Jordan\"");
        var backups = _arf.Run("--key-file", KeyFile, "backups");
        backups.ExitCode.Should().Be(0, backups.ToString());
        backups.StdOut.Should().Contain("before_");
        var backup = _arf.Run("--key-file", KeyFile, "backup", "--name", "after");
        backup.ExitCode.Should().Be(0, backup.ToString());
        var file = Directory.GetFiles(_arf.BackupsDir, "after_*.zip.enc").Should().ContainSingle().Subject;
        _arf.Run("--key-file", KeyFile, "verify", file).ExitCode.Should().Be(0);
        _arf.Run("--key-file", KeyFile, "restore", file).ExitCode.Should().Be(0);
    }

    [Fact]
    public void Export_WithKeyFile_RefusesAPlainZipAndWritesAZipEncThatVerifies()
    {
        _arf.InitWithSample();
        _arf.Run("--key-file", KeyFile, "encrypt").ExitCode.Should().Be(0);
        var plain = Path.Combine(_arf.Root, "export.zip");

        var refused = _arf.Run("--key-file", KeyFile, "export", plain);

        refused.ExitCode.Should().Be(2, refused.ToString());
        refused.StdErr.Should().Contain($"name it '{plain}.enc'");
        File.Exists(plain).Should().BeFalse();
        var written = _arf.Run("--key-file", KeyFile, "export", plain + ".enc");
        written.ExitCode.Should().Be(0, written.ToString());
        File.ReadAllBytes(plain + ".enc").AsSpan().IndexOf("Rivera"u8).Should().Be(-1);
        _arf.Run("--key-file", KeyFile, "verify", plain + ".enc").ExitCode.Should().Be(0);
    }

    [Fact]
    public void Show_EncryptedDataWithoutKey_FailsWithKeyNotFound()
    {
        _arf.InitWithSample();
        _arf.Run("--key-file", KeyFile, "encrypt").ExitCode.Should().Be(0);

        var result = _arf.Run("show");

        result.ExitCode.Should().Be(3, result.ToString());
        result.StdErr.Should().Contain("Encryption key not found. Cannot decrypt data.");
    }

    [Fact]
    public void ShowAndBackup_EncryptedDataWithAKeyFilePathThatDoesNotExist_FailWithKeyNotFound_AndCreateNoKeyFile()
    {
        _arf.InitWithSample();
        _arf.Run("--key-file", KeyFile, "encrypt").ExitCode.Should().Be(0);
        var wrongKeyFile = Path.Combine(_arf.Root, "typo", "ring.json");

        var show = _arf.Run("--key-file", wrongKeyFile, "show");
        var backup = _arf.Run("--key-file", wrongKeyFile, "backup", "--name", "weekly");

        foreach (var result in new[] { show, backup })
        {
            result.ExitCode.Should().Be(3, result.ToString());
            result.StdErr.Should().Contain("Encryption key not found. Cannot decrypt data.").And.Contain($"The key file '{wrongKeyFile}' does not exist");
        }

        Directory.Exists(Path.GetDirectoryName(wrongKeyFile)).Should().BeFalse("no key file is created beside data it could not decrypt");
    }

    [Fact]
    public void Encrypt_WithoutKeyFile_IsAUsageError()
    {
        _arf.InitWithSample();

        var result = _arf.Run("encrypt");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdErr.Should().Contain("--key-file").And.Contain("AUTORESUMEFILLER_KEY_FILE");
        File.Exists(_arf.ProfilePath).Should().BeTrue();
    }

    [Fact]
    public void RotateKey_KeyFromEnvironment_ReplacesTheKeyAndDataStillLoads()
    {
        var environment = new Dictionary<string, string?> { ["AUTORESUMEFILLER_KEY_FILE"] = KeyFile };
        _arf.InitWithSample();
        _arf.Execute(ArfData.DotnetHost(), [ArfData.ToolPath, "--data-dir", _arf.DataDir, "encrypt"], environment: environment).ExitCode.Should().Be(0);
        var before = File.ReadAllText(KeyFile);

        var rotate = _arf.Execute(ArfData.DotnetHost(), [ArfData.ToolPath, "--data-dir", _arf.DataDir, "rotate-key"], environment: environment);

        rotate.ExitCode.Should().Be(0, rotate.ToString());
        File.ReadAllText(KeyFile).Should().NotBe(before);
        var show = _arf.Execute(ArfData.DotnetHost(), [ArfData.ToolPath, "--data-dir", _arf.DataDir, "show"], environment: environment);
        show.StdOut.Should().Contain("Jordan Rivera", show.ToString());
        Encoding.UTF8.GetString(File.ReadAllBytes(_arf.ProfilePath + ".enc")).Should().NotContain("Jordan");
    }

    [Fact]
    public void KeyFileInsideDataDirectory_IsRefused()
    {
        _arf.InitWithSample();

        var result = _arf.Run("--key-file", Path.Combine(_arf.DataDir, "ring.json"), "encrypt");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdErr.Should().Contain("inside the data directory");
    }
}
