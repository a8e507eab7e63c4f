using System.Text.Json;
using AutoResumeFiller.Data.Cli.Tests.Support;

namespace AutoResumeFiller.Data.Cli.Tests.Commands;

public sealed class BackupsCommandTests : IDisposable
{
    private readonly ArfData _arf = new();

    public void Dispose() => _arf.Dispose();

    [Fact]
    public void Backups_SeveralKinds_PrintsTableWithNameKindCreatedSize()
    {
        _arf.InitWithSample();
        var manual = Path.GetFileName(_arf.Backup("weekly"));

        var result = _arf.Run("backups");

        result.ExitCode.Should().Be(0, result.ToString());
        var lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().MatchRegex(@"^NAME\s+KIND\s+CREATED \(UTC\)\s+SIZE$");
        lines.Should().Contain(l => l.StartsWith(manual, StringComparison.Ordinal) && l.Contains(" manual ", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("auto_backup_", StringComparison.Ordinal) && l.Contains(" auto ", StringComparison.Ordinal));
        lines.Should().Contain(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\s+\d+(\.\d)? (B|KB)$"));
        result.StdOut.Should().Contain($"2 backups in {_arf.BackupsDir}");
    }

    [Fact]
    public void Backups_Json_ListsEveryBackupWithFields()
    {
        _arf.InitWithSample();
        var manual = _arf.Backup();

        var result = _arf.Run("backups", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        using var json = JsonDocument.Parse(result.StdOut);
        var items = json.RootElement.EnumerateArray().ToList();
        items.Should().HaveCount(2);
        var entry = items.Single(i => i.GetProperty("kind").GetString() == "manual");
        entry.GetProperty("file_name").GetString().Should().Be(Path.GetFileName(manual));
        entry.GetProperty("name").GetString().Should().Be("manual");
        entry.GetProperty("path").GetString().Should().Be(manual);
        entry.GetProperty("size_bytes").GetInt64().Should().Be(new FileInfo(manual).Length);
        entry.GetProperty("created_at").GetString().Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$");
    }

    [Fact]
    public void Backups_None_SaysSoAndExitsZero()
    {
        _arf.Run("init").ExitCode.Should().Be(0);

        var result = _arf.Run("backups");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().StartWith("No backups yet in ");
    }

    [Fact]
    public void Backups_NoneJson_PrintsEmptyArray()
    {
        _arf.Run("init").ExitCode.Should().Be(0);

        var result = _arf.Run("backups", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Trim().Should().Be("[]");
    }
}
